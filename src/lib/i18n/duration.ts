/**
 * Durations and days as a leader reads them in a plan: "2 giờ 50 phút", "45 phút"; "T2 07/12".
 * Numbers and dates stay vi-VN whatever the language (DEVELOPERS.md); the words follow it.
 */
import type { Translate } from './index.ts';

/** Minutes → "2 giờ 50 phút", "3 giờ", "45 phút" (rounded to the minute). */
export function formatDuration(t: Translate, minutes: number): string {
	const total = Math.max(0, Math.round(minutes));
	const h = Math.floor(total / 60);
	const m = total % 60;
	if (h === 0) return t('time.m', { m });
	return m === 0 ? t('time.h', { h }) : t('time.hm', { h, m });
}

const WEEKDAY_KEYS = [
	'day.sun',
	'day.mon',
	'day.tue',
	'day.wed',
	'day.thu',
	'day.fri',
	'day.sat'
] as const;

/** YYYY-MM-DD → "T2 07/12" (the weekday's short name, then day/month). */
export function formatDay(t: Translate, day: string): string {
	const d = new Date(`${day}T00:00:00Z`);
	const dm = `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
	return `${t(WEEKDAY_KEYS[d.getUTCDay()]!)} ${dm}`;
}

/** An outing's day and session: "09/12/2026 · Sáng", "09/12/2026", or "—" with no day. */
export function formatWhen(
	t: Translate,
	day: string | null,
	session: 'morning' | 'afternoon' | 'evening' | null | undefined
): string {
	if (!day) return '—';
	const date = `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;
	return session ? `${date} · ${t(`session.title.${session}`)}` : date;
}
