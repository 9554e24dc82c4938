/**
 * Legend and figure formatting for the map: class colours for a metric and human labels for
 * class ranges and figures (vi-VN number formats in both languages).
 */
import type { MetricDefinition, MetricKind } from '../domain/metric-definitions.ts';
import { legendClasses, type LegendClass } from '../domain/metric-classes.ts';
import { paletteColors, SPECIAL_COLORS } from './expressions.ts';
import { formatNumber, formatPercent } from '../i18n/index.ts';

/**
 * Class colours for a metric with `classes` value classes (3–5): colour-blind-safe palettes; a
 * change between months (`change`) gets a diverging one, falls orange, rises purple.
 */
export function paletteFor(
	def: Pick<MetricDefinition, 'group'>,
	classes: number,
	change = false
): string[] {
	if (change) return changePalette(classes);
	const n = Math.min(Math.max(classes, 3), 7);
	return def.group === 'adoption' ? paletteColors('viridis', n) : paletteColors('ylgnbu', n);
}

/** Ends and middle of ColorBrewer's PuOr (colour-blind safe): fall, no change, rise. */
const DIVERGING = ['#b35806', '#f7f7f7', '#542788'] as const;

function mix(a: string, b: string, t: number): string {
	const ch = (hex: string, i: number) => parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16);
	const v = [0, 1, 2].map((i) => Math.round(ch(a, i) + (ch(b, i) - ch(a, i)) * t));
	return `#${v.map((x) => x.toString(16).padStart(2, '0')).join('')}`;
}

/** `classes` colours from falls (orange) through no change (light grey) to rises (purple). */
export function changePalette(classes: number): string[] {
	const n = Math.max(classes, 2);
	const mid = (n - 1) / 2;
	return Array.from({ length: n }, (_, i) =>
		i <= mid
			? mix(DIVERGING[0], DIVERGING[1], mid === 0 ? 1 : i / mid)
			: mix(DIVERGING[1], DIVERGING[2], (i - mid) / (n - 1 - mid))
	);
}

/** A figure as shown: counts whole, proportions as percent, rates per 1,000 with one decimal. */
export function formatFigure(kind: MetricKind, v: number): string {
	if (kind === 'proportion') return formatPercent(v);
	if (kind === 'per_1000') return formatNumber(Math.round(v * 10) / 10);
	return formatNumber(Math.round(v), 0);
}

export interface LegendEntry extends LegendClass {
	color: string;
	/** "0", "1 – 2", "≥ 10", "< 20 %" */
	range: string;
}

function rangeLabel(kind: MetricKind, c: LegendClass, signed: boolean): string {
	const f = (v: number) => (signed && v > 0 ? '+' : '') + formatFigure(kind, v);
	if (signed && kind === 'count') {
		// A change of counts: whole numbers between half-way breaks (±0,5, ±1,5 …).
		const lo = c.from === null ? null : Math.ceil(c.from) + 0; // + 0: never "-0"
		const hi = c.to === null ? null : Math.ceil(c.to) - 1;
		if (lo === null) return `≤ ${f(hi!)}`;
		if (hi === null) return `≥ ${f(lo)}`;
		return lo === hi ? f(lo) : `${f(lo)} – ${f(hi)}`;
	}
	if (c.from === null && c.to !== null) {
		if (kind === 'count' && c.to === 1 && !signed) return '0';
		return `< ${f(c.to)}`;
	}
	if (c.to === null && c.from !== null) return `≥ ${f(c.from)}`;
	if (kind === 'count' && c.from !== null && c.to !== null && c.to - c.from === 1) return f(c.from);
	if (kind === 'count' && c.from !== null && c.to !== null) return `${f(c.from)} – ${f(c.to - 1)}`;
	return `${f(c.from!)} – < ${f(c.to!)}`;
}

/** Legend entries (value classes low → high, then "no data" and "suppressed") with colours. */
export function legendEntries(
	kind: MetricKind,
	breaks: number[],
	palette: string[],
	/** A change between months: rises read "+5". */
	signed = false
): LegendEntry[] {
	return legendClasses(breaks).map((c) => ({
		...c,
		color:
			c.kind === 'no_data'
				? SPECIAL_COLORS.noData
				: c.kind === 'suppressed'
					? SPECIAL_COLORS.suppressed
					: palette[c.cls]!,
		range: c.kind === 'value' ? rangeLabel(kind, c, signed) : ''
	}));
}
