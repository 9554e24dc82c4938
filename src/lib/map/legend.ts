/**
 * Legend and figure formatting for the map: class colours for a metric and human labels for
 * class ranges and figures (vi-VN number formats in both languages).
 */
import type { MetricDefinition, MetricKind } from '../domain/metric-definitions.ts';
import { legendClasses, type LegendClass } from '../domain/metric-classes.ts';
import { paletteColors, SPECIAL_COLORS } from './expressions.ts';
import { formatNumber, formatPercent } from '../i18n/index.ts';

/** Class colours for a metric with `classes` value classes (3–5): colour-blind-safe palettes. */
export function paletteFor(def: Pick<MetricDefinition, 'group'>, classes: number): string[] {
	const n = Math.min(Math.max(classes, 3), 7);
	return def.group === 'adoption' ? paletteColors('viridis', n) : paletteColors('ylgnbu', n);
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

function rangeLabel(kind: MetricKind, c: LegendClass): string {
	const f = (v: number) => formatFigure(kind, v);
	if (c.from === null && c.to !== null) {
		if (kind === 'count' && c.to === 1) return '0';
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
	palette: string[]
): LegendEntry[] {
	return legendClasses(breaks).map((c) => ({
		...c,
		color:
			c.kind === 'no_data'
				? SPECIAL_COLORS.noData
				: c.kind === 'suppressed'
					? SPECIAL_COLORS.suppressed
					: palette[c.cls]!,
		range: c.kind === 'value' ? rangeLabel(kind, c) : ''
	}));
}
