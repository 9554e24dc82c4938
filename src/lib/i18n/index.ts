/**
 * UI language: Vietnamese first, English available. Numbers and dates always use vi-VN
 * formats (DEVELOPERS.md), whichever language the words are in.
 */
import { vi, type Messages } from './vi.ts';

export const LOCALES = ['vi', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export type MessageKey = keyof Messages;

/**
 * Vietnamese is always at hand. English is loaded when a page asks for it (`loadLocale`, from
 * the root layout's load), so a Vietnamese visitor's browser neither downloads nor parses it:
 * the public map's first paint carries one language. The server registers both at start
 * (hooks.server.ts).
 */
const catalogues: Partial<Record<Locale, Messages>> = { vi };

/** Makes a locale's messages available to `translator` (the server does this for English). */
export function registerLocale(locale: Locale, messages: Messages): void {
	catalogues[locale] = messages;
}

/** Loads a locale's messages once, before a page that shows them renders. */
export async function loadLocale(locale: Locale): Promise<void> {
	if (!catalogues[locale]) registerLocale(locale, (await import('./en.ts')).en);
}

/** The locale for a requested value (query or cookie); anything unknown falls back to vi. */
export function resolveLocale(requested: string | null): Locale {
	return (LOCALES as readonly string[]).includes(requested ?? '') ? (requested as Locale) : 'vi';
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** A translator for one locale; `{name}` placeholders are filled from params. */
export function translator(locale: Locale): Translate {
	const messages = catalogues[locale];
	if (!messages) throw new Error(`UI messages for "${locale}" are not loaded (loadLocale).`);
	return (key, params) => {
		const text: string = messages[key] ?? vi[key];
		if (!params) return text;
		return text.replace(/\{(\w+)\}/g, (_, k: string) =>
			params[k] === undefined ? `{${k}}` : formatValue(params[k])
		);
	};
}

function formatValue(v: string | number): string {
	return typeof v === 'number' ? formatNumber(v) : v;
}

const numberFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });
const percentFormat = new Intl.NumberFormat('vi-VN', {
	style: 'percent',
	maximumFractionDigits: 1
});
const dateFormat = new Intl.DateTimeFormat('vi-VN', {
	day: '2-digit',
	month: '2-digit',
	year: 'numeric',
	timeZone: 'Asia/Ho_Chi_Minh'
});
const dateTimeFormat = new Intl.DateTimeFormat('vi-VN', {
	day: '2-digit',
	month: '2-digit',
	year: 'numeric',
	hour: '2-digit',
	minute: '2-digit',
	timeZone: 'Asia/Ho_Chi_Minh'
});

/** 12345.6 → "12.345,6" */
export function formatNumber(n: number, maximumFractionDigits = 1): string {
	return maximumFractionDigits === 1
		? numberFormat.format(n)
		: new Intl.NumberFormat('vi-VN', { maximumFractionDigits }).format(n);
}

/** 0.4567 → "45,7 %" */
export function formatPercent(ratio: number): string {
	return percentFormat.format(ratio);
}

/** A date (ISO string, epoch ms or Date) → "23/11/2026", in Vietnam's time zone. */
export function formatDate(d: string | number | Date): string {
	return dateFormat.format(new Date(d));
}

/** A calendar month "2026-11" → "11/2026" (vi-VN order). */
export function formatMonth(month: string): string {
	return `${month.slice(5)}/${month.slice(0, 4)}`;
}

/** A date and time → "23/11/2026, 14:05" (vi-VN order), in Vietnam's time zone. */
export function formatDateTime(d: string | number | Date): string {
	return dateTimeFormat.format(new Date(d));
}
