/**
 * The public payloads of the monthly series (issue 16 §1): the months that have figures, the
 * "change since" view of one metric between two months, and one area's series of a metric.
 * The map payload of one month is today's MetricPayload (metric-payload.ts).
 */
import type { MetricKind } from './metric-definitions.ts';
import type { MetricPayload } from './metric-payload.ts';
import { metricBreaks } from './metric-breaks.ts';
import { roundFigure } from './metric-payload.ts';
import type { AreaLevel, FigureBasis, MetricStatus } from './metrics.ts';

/** GET /api/metrics/months. */
export interface MonthsList {
	/** The Vietnam month now. */
	current: string;
	/** Months that have figures, newest first. */
	months: { month: string; closed: boolean }[];
}

/**
 * GET /api/metrics/communes?metric=K&month=M&since=S: the change of one metric from month S to
 * month M. A commune has a value only where BOTH months show one; it is suppressed where either
 * hides it, and no data otherwise. Every commune code appears once in values, suppressed or noData.
 */
export interface ChangePayload {
	metric: string;
	kind: MetricKind;
	/** The earlier month (`since`). */
	from: string;
	/** The later month (`month`). */
	to: string;
	/** Commune code → to − from. */
	values: Record<string, number>;
	suppressed: string[];
	noData: string[];
	/** Province code → to − from, null where either month has no shown figure. */
	provinces: Record<string, number | null>;
	country: number | null;
	/** What each province's figures of the two months stand on (as MetricPayload's). */
	provinceBasis?: Record<string, ChangeBasis>;
	countryBasis?: ChangeBasis;
	/** Ascending class breaks, symmetric around 0 (0 is a class of its own for counts). */
	breaks: number[];
	demo: boolean;
}

/**
 * What a change's figure stands on: the communes with data in each month, of how many ("từ
 * 120 → 152/3.321 xã có số liệu"). The difference is of the two sums as published.
 */
export interface ChangeBasis extends FigureBasis {
	/** Communes with data in the earlier month (`withData`: in the later one). */
	fromWithData: number;
}

/** One month of an area's series. */
export interface SeriesPoint {
	month: string;
	status: MetricStatus;
	value: number | null;
	closed: boolean;
	/** A province's or the country's month: how many communes it stands on. */
	basis?: FigureBasis;
	/** The month's figure is (or includes) an estimate (official figures apportioned). */
	estimate?: boolean;
}

/** GET /api/metrics/series/:code?metric=K: the last 24 months up to the current one, oldest first. */
export interface SeriesPayload {
	code: string;
	level: AreaLevel;
	metric: string;
	kind: MetricKind;
	months: SeriesPoint[];
}

/**
 * Breaks for differences: proportions in fixed steps, others mirrored from |differences|. Counts
 * change by whole numbers, so their breaks sit half-way (±0,5, ±1,5 …): 0 is a class of its own,
 * and −1 falls with −1, not with 0.
 */
export function changeBreaks(kind: MetricKind, values: readonly number[]): number[] {
	const positive =
		kind === 'proportion'
			? [0.01, 0.05, 0.1]
			: metricBreaks(kind, values.map(Math.abs)).map((b) => (kind === 'count' ? b - 0.5 : b));
	return [...positive.map((b) => -b).reverse(), ...positive];
}

const diff = (kind: MetricKind, to: number | null | undefined, from: number | null | undefined) =>
	to === null || to === undefined || from === null || from === undefined
		? null
		: roundFigure(kind, to - from);

function changeBasis(from?: FigureBasis, to?: FigureBasis): ChangeBasis | undefined {
	if (!from || !to) return undefined;
	return { withData: to.withData, communes: to.communes, fromWithData: from.withData };
}

/**
 * The change of one metric between two payloads of the same metric (`from` the earlier month).
 * @throws RangeError when the payloads are of different metrics.
 */
export function changePayload(
	from: MetricPayload,
	to: MetricPayload,
	months: { from: string; to: string }
): ChangePayload {
	if (from.metric !== to.metric) throw new RangeError('a change compares one metric');
	const kind = to.kind;
	const out: ChangePayload = {
		metric: to.metric,
		kind,
		from: months.from,
		to: months.to,
		values: {},
		suppressed: [],
		noData: [],
		provinces: {},
		country: diff(kind, to.country, from.country),
		breaks: [],
		demo: from.demo || to.demo
	};
	const hidden = new Set([...from.suppressed, ...to.suppressed]);
	const codes = new Set([
		...Object.keys(to.values),
		...to.suppressed,
		...to.noData,
		...Object.keys(from.values),
		...from.suppressed,
		...from.noData
	]);
	for (const code of [...codes].sort()) {
		const d = diff(kind, to.values[code], from.values[code]);
		if (d !== null) out.values[code] = d;
		else (hidden.has(code) ? out.suppressed : out.noData).push(code);
	}
	const provinces = new Set([...Object.keys(to.provinces), ...Object.keys(from.provinces)]);
	for (const p of [...provinces].sort()) {
		out.provinces[p] = diff(kind, to.provinces[p], from.provinces[p]);
		const b = changeBasis(from.provinceBasis?.[p], to.provinceBasis?.[p]);
		if (b) (out.provinceBasis ??= {})[p] = b;
	}
	const country = changeBasis(from.countryBasis, to.countryBasis);
	if (country) out.countryBasis = country;
	out.breaks = changeBreaks(kind, Object.values(out.values));
	return out;
}
