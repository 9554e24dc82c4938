/**
 * The compact public form of ONE metric for every commune (and province, and the country): what
 * the map needs to colour all 3,321 communes from a single request. Every commune code appears
 * exactly once, in `values`, `suppressed` or `noData`.
 */
import type { MetricDefinition, MetricKind } from './metric-definitions.ts';
import type { FigureBasis, PublicAreaMetrics } from './metrics.ts';
import { metricBreaks } from './metric-breaks.ts';
import { classOfValue, NO_DATA_CLASS, SUPPRESSED_CLASS } from './metric-classes.ts';

/** An active team as the public sees it: its name, its hamlet's name, when it was founded. */
export interface PublicTeam {
	name: string;
	hamlet: string | null;
	foundedOn: string | null;
}

/**
 * GET /api/metrics/areas/{code}: every figure of one commune or province and, for a commune,
 * its active teams.
 */
export interface AreaDetail {
	area: PublicAreaMetrics;
	teams?: PublicTeam[];
}

export interface MetricPayload {
	metric: string;
	kind: MetricKind;
	estimate: boolean;
	/** ISO period the figures cover (start = end for snapshots). */
	period: { start: string; end: string };
	/** When the metrics job ran (epoch ms); 0 if it never ran. */
	computedAt: number;
	/** Ascending class breaks: breaks.length + 1 value classes. */
	breaks: number[];
	/** Whether synthetic demo records are behind any figure. */
	demo: boolean;
	/** Commune code → figure, rounded for transport. */
	values: Record<string, number>;
	/** Communes whose figure is hidden by small-count suppression. */
	suppressed: string[];
	/** Communes with no figure. */
	noData: string[];
	/** Province code → figure, null for no data or hidden. */
	provinces: Record<string, number | null>;
	/** The country's figure, null for no data or hidden. */
	country: number | null;
	/** How many communes each province's figure stands on (absent where not known). */
	provinceBasis?: Record<string, FigureBasis>;
	/** How many communes the country's figure stands on ("từ 152/3.321 xã có số liệu"). */
	countryBasis?: FigureBasis;
	/**
	 * Set when the figures are a change between two months (the map's "change since" view): each
	 * value is the later month's less the earlier's (metric-month-payload.ts, ChangePayload).
	 */
	change?: { from: string; to: string };
	/** Official metrics (official_<service>): the sources of the figures shown, for the legend. */
	sources?: string[];
}

/** Rounds a figure to what the UI can show: counts whole, rates to 4 significant decimals. */
export function roundFigure(kind: MetricKind, v: number): number {
	if (kind === 'count') return Math.round(v);
	return Number(v.toFixed(kind === 'proportion' ? 4 : 2));
}

/**
 * Builds the payload from public metrics holding exactly one metric (`def`) per area.
 * @throws RangeError when an area does not hold that metric.
 */
export function toMetricPayload(
	def: MetricDefinition,
	areas: readonly PublicAreaMetrics[]
): MetricPayload {
	const payload: MetricPayload = {
		metric: def.key,
		kind: def.kind,
		estimate: def.estimate,
		period: { start: '', end: '' },
		computedAt: 0,
		breaks: [],
		demo: false,
		values: {},
		suppressed: [],
		noData: [],
		provinces: {},
		country: null
	};
	const communeValues: (number | null)[] = [];
	for (const area of areas) {
		const m = area.metrics.find((x) => x.key === def.key);
		if (!m) throw new RangeError(`area ${area.code} has no figure for ${def.key}`);
		payload.period = m.period;
		payload.computedAt = Math.max(payload.computedAt, area.computedAt);
		payload.demo ||= area.demoRecords > 0;
		const shown = m.status === 'value' && m.value !== null ? roundFigure(def.kind, m.value) : null;
		if (area.level === 'country') {
			payload.country = shown;
			if (m.basis) payload.countryBasis = m.basis;
		} else if (area.level === 'province') {
			payload.provinces[area.code] = shown;
			if (m.basis) (payload.provinceBasis ??= {})[area.code] = m.basis;
		} else if (shown !== null) {
			payload.values[area.code] = shown;
			communeValues.push(shown);
		} else (m.status === 'suppressed' ? payload.suppressed : payload.noData).push(area.code);
	}
	payload.breaks = metricBreaks(def.kind, communeValues);
	return payload;
}

/** Class of every commune in a payload: value classes, NO_DATA_CLASS or SUPPRESSED_CLASS. */
export function communeClasses(p: MetricPayload): Map<string, number> {
	const out = new Map<string, number>();
	classOfValue(0, p.breaks); // validates the breaks once (throws RangeError when invalid)
	const last = p.breaks.length;
	for (const [code, v] of Object.entries(p.values)) {
		let cls = 0;
		while (cls < last && v >= p.breaks[cls]!) cls++;
		out.set(code, cls);
	}
	for (const code of p.suppressed) out.set(code, SUPPRESSED_CLASS);
	for (const code of p.noData) out.set(code, NO_DATA_CLASS);
	return out;
}

/** Figure of a commune or province in a payload: a number, 'suppressed' or 'no_data'. */
export function figureOf(p: MetricPayload, code: string): number | 'suppressed' | 'no_data' {
	if (code.length === 2) return p.provinces[code] ?? 'no_data';
	if (code in p.values) return p.values[code]!;
	return p.suppressed.includes(code) ? 'suppressed' : 'no_data';
}
