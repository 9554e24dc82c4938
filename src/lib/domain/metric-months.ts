/**
 * The monthly series of the public figures (issue 16 §1, docs/monthly-series.md): Vietnam
 * calendar months ("YYYY-MM"), which figures are stocks (as at a month's end) and which are flows
 * (summed over a month), quarters (flows summed, stocks of the last month), and public figures of
 * one month from its stored rows — the same rules as today's figures (domain/metrics.ts), with
 * "no data" wherever a stock could not be reconstructed (a null count).
 */
import type {
	AreaCounts,
	AreaLevel,
	AreaServiceCounts,
	PublicAreaMetrics,
	SumsRule
} from './metrics.ts';
import { metricFigure, toPublicMetrics } from './metrics.ts';
import { metricDefinition } from './metric-definitions.ts';

const VN_OFFSET_MS = 7 * 3_600_000;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Whether `s` is a month "YYYY-MM" (01–12). */
export function isMonth(s: string): boolean {
	return MONTH.test(s);
}

function parts(month: string): [number, number] {
	const m = MONTH.exec(month);
	if (!m) throw new RangeError(`not a month (YYYY-MM): ${month}`);
	return [Number(m[1]), Number(m[2])];
}

const format = (year: number, month1: number) =>
	`${String(year).padStart(4, '0')}-${String(month1).padStart(2, '0')}`;

/** The Vietnam calendar month of an instant (epoch ms). */
export function monthOf(ms: number): string {
	return new Date(ms + VN_OFFSET_MS).toISOString().slice(0, 7);
}

/** `month` plus `n` months (n may be negative). @throws RangeError for a malformed month. */
export function addMonths(month: string, n: number): string {
	const [y, m] = parts(month);
	const index = y * 12 + (m - 1) + n;
	return format(Math.floor(index / 12), (index % 12) + 1);
}

export const previousMonth = (month: string) => addMonths(month, -1);

/**
 * A month's bounds in Vietnam time: its first instant and its last (the next month's start less
 * 1 ms), as epoch ms. @throws RangeError for a malformed month.
 */
export function monthBounds(month: string): { startMs: number; endMs: number } {
	const [y, m] = parts(month);
	const startMs = Date.UTC(y, m - 1, 1) - VN_OFFSET_MS;
	return { startMs, endMs: Date.UTC(y, m, 1) - VN_OFFSET_MS - 1 };
}

/** The same bounds as ISO timestamps (a payload's `period`). */
export function monthPeriod(month: string): { start: string; end: string } {
	const b = monthBounds(month);
	return { start: new Date(b.startMs).toISOString(), end: new Date(b.endMs).toISOString() };
}

/** Months from `from` to `to`, both included, oldest first ([] when from > to). */
export function monthsBetween(from: string, to: string): string[] {
	const out: string[] = [];
	for (let m = from; m <= to; m = addMonths(m, 1)) out.push(m);
	return out;
}

/** The `n` months ending with `to`, oldest first. */
export const lastMonths = (to: string, n: number) => monthsBetween(addMonths(to, 1 - n), to);

/** The quarter of a month: "2026-Q4". */
export function quarterOf(month: string): string {
	const [y, m] = parts(month);
	return `${y}-Q${Math.ceil(m / 3)}`;
}

/** The three months of a quarter "YYYY-Qn", oldest first. @throws RangeError when malformed. */
export function monthsOfQuarter(quarter: string): string[] {
	const q = /^(\d{4})-Q([1-4])$/.exec(quarter);
	if (!q) throw new RangeError(`not a quarter (YYYY-Qn): ${quarter}`);
	const first = format(Number(q[1]), (Number(q[2]) - 1) * 3 + 1);
	return monthsBetween(first, addMonths(first, 2));
}

/**
 * How a metric adds up over time. A stock is a state as at a month's end (teams, members,
 * hamlets covered, households reached in the 12 months to then, adoption): a quarter's is its
 * last month's. A flow happens during a month (people helped, visits): a quarter's is the sum.
 */
export type TimeKind = 'stock' | 'flow';

/** The internal flow kept in the series beside the public metrics (no metric key yet). */
export const VISITS_SERIES_KEY = 'visits';

/** Stock or flow, by metric key (helped_* and visits are flows). @throws RangeError when unknown. */
export function timeKindOf(key: string): TimeKind {
	if (key === VISITS_SERIES_KEY) return 'flow';
	const def = metricDefinition(key);
	if (!def) throw new RangeError(`unknown metric: ${key}`);
	return def.group === 'helped' ? 'flow' : 'stock';
}

/** A stored `area_months` row: stocks null where the records could not tell them. */
export interface MonthCounts {
	level: AreaLevel;
	code: string;
	month: string;
	provinceCode: string | null;
	closed: boolean;
	teams: number | null;
	members: number | null;
	population: number | null;
	hamlets: number | null;
	hamletsCovered: number | null;
	householdsKnown: number | null;
	householdsReached: number | null;
	householdsVisited: number | null;
	visits: number;
	demoRecords: number;
	computedAt: number;
	/**
	 * What a province's or the country's figure stands on (the communes, those whose figure is
	 * known: as AreaCounts); 0 or absent on commune rows and rows written before they were kept.
	 */
	communes?: number;
	communesWithRecords?: number;
	communesWithPopulation?: number;
	communesWithHamlets?: number;
	communesWithHouseholds?: number;
}

/** The basis columns of a month row: a run of months takes its last month's, as its stocks. */
const BASIS_FIELDS = [
	'communes',
	'communesWithRecords',
	'communesWithPopulation',
	'communesWithHamlets',
	'communesWithHouseholds'
] as const satisfies readonly (keyof MonthCounts)[];

/** A stored `area_month_services` row: adoption a stock (null = no data), helped a flow. */
export interface MonthServiceCounts {
	level: AreaLevel;
	code: string;
	month: string;
	serviceCode: string;
	provinceCode: string | null;
	adultsUsing: number | null;
	adultsTotal: number | null;
	helped: number;
	/** Communes with a known adoption figure (province and country rows). */
	communesWithAdults?: number;
}

/** The stock columns of a month row. */
export const STOCK_FIELDS = [
	'teams',
	'members',
	'population',
	'hamlets',
	'hamletsCovered',
	'householdsKnown',
	'householdsReached',
	'householdsVisited'
] as const satisfies readonly (keyof MonthCounts)[];

/**
 * One area's quarter (or any run of months) from its month rows: flows summed over the months
 * present, stocks those of the last month of `months` — null (no data) when that month has no
 * row. `closed` only when every month is. @returns null when no month has a row.
 */
export function combineMonths(
	months: readonly string[],
	rows: readonly MonthCounts[],
	services: readonly MonthServiceCounts[],
	label: string
): { area: MonthCounts; services: MonthServiceCounts[] } | null {
	const present = rows.filter((r) => months.includes(r.month));
	if (present.length === 0) return null;
	const lastMonth = months[months.length - 1]!;
	const last = present.find((r) => r.month === lastMonth);
	const stocks = Object.fromEntries([
		...STOCK_FIELDS.map((f) => [f, last ? last[f] : null]),
		...BASIS_FIELDS.map((f) => [f, last ? (last[f] ?? 0) : 0])
	]);
	const first = present[0]!;
	const area: MonthCounts = {
		...first,
		...stocks,
		month: label,
		closed: months.every((m) => present.some((r) => r.month === m && r.closed)),
		visits: present.reduce((s, r) => s + r.visits, 0),
		demoRecords: Math.max(...present.map((r) => r.demoRecords)),
		computedAt: Math.max(...present.map((r) => r.computedAt))
	};
	const byService = new Map<string, MonthServiceCounts>();
	for (const s of services.filter((x) => months.includes(x.month))) {
		const held = byService.get(s.serviceCode) ?? {
			...s,
			month: label,
			adultsUsing: null,
			adultsTotal: null,
			helped: 0,
			communesWithAdults: 0
		};
		held.helped += s.helped;
		if (s.month === lastMonth) {
			held.adultsUsing = s.adultsUsing;
			held.adultsTotal = s.adultsTotal;
			held.communesWithAdults = s.communesWithAdults ?? 0;
		}
		byService.set(s.serviceCode, held);
	}
	return { area, services: [...byService.values()] };
}

/** A month row as today's AreaCounts: unknown stocks become 0 and are remembered as unknown. */
function toAreaCounts(r: MonthCounts, period: { start: string; end: string }): AreaCounts {
	const reachKnown = r.householdsReached !== null && r.householdsKnown !== null;
	return {
		level: r.level,
		code: r.code,
		provinceCode: r.provinceCode,
		periodStart: period.start,
		periodEnd: period.end,
		teams: r.teams ?? 0,
		members: r.members ?? 0,
		// No members or no population: members_per_1000 has no denominator, so no data.
		population: r.members === null ? null : r.population,
		hamlets: r.hamletsCovered === null ? 0 : (r.hamlets ?? 0),
		hamletsCovered: r.hamletsCovered ?? 0,
		householdsKnown: reachKnown ? r.householdsKnown! : 0,
		householdsReached: reachKnown ? r.householdsReached! : 0,
		householdsVisited: r.householdsVisited ?? 0,
		demoRecords: r.demoRecords,
		computedAt: r.computedAt,
		communes: r.communes ?? 0,
		communesWithRecords: r.communesWithRecords ?? 0,
		communesWithPopulation: r.communesWithPopulation ?? 0,
		communesWithHamlets: r.communesWithHamlets ?? 0,
		communesWithHouseholds: r.communesWithHouseholds ?? 0
	};
}

/** Which metric of a month row is unknown (its stock could not be reconstructed). */
function unknownStock(key: string, r: MonthCounts, s: MonthServiceCounts | undefined): boolean {
	switch (key) {
		case 'teams':
			return r.teams === null;
		case 'members_per_1000':
			return r.members === null;
		case 'hamlet_coverage':
			return r.hamletsCovered === null;
		case 'households_reached':
			return r.householdsReached === null || r.householdsKnown === null;
	}
	return key.startsWith('adoption_') && (!s || s.adultsTotal === null || s.adultsUsing === null);
}

/**
 * Public figures of ONE month (or quarter) from its rows: every metric of `keys` for every area,
 * with today's rules per month — "no data", the small-count rule and protection of sums across
 * the cross-section (communes within a province, provinces within the country). A stock the
 * records could not reconstruct is "no data" (denominator unknown), never 0. Pass whole groups.
 * Protection across months and areas is the metrics job's: its flags are applied after this
 * (disclosure-flags.ts), and `sumsRule` leaves out the cross-section's rule where they replace it.
 * @throws RangeError on an unknown metric key.
 */
export function toPublicMonth(
	period: { start: string; end: string },
	rows: readonly MonthCounts[],
	services: readonly MonthServiceCounts[],
	keys: readonly string[],
	sumsRule?: SumsRule
): PublicAreaMetrics[] {
	const areas = rows.map((r) => toAreaCounts(r, period));
	const svcRows: AreaServiceCounts[] = services.map((s) => ({
		level: s.level,
		code: s.code,
		serviceCode: s.serviceCode,
		provinceCode: s.provinceCode,
		adultsUsing: s.adultsUsing ?? 0,
		adultsTotal: s.adultsUsing === null ? 0 : (s.adultsTotal ?? 0),
		helped: s.helped,
		communesWithAdults: s.communesWithAdults ?? 0
	}));
	const svc = new Map(services.map((s) => [`${s.level}|${s.code}|${s.serviceCode}`, s]));
	return toPublicMetrics(areas, svcRows, keys, sumsRule).map((area, i) => {
		const row = rows[i]!;
		const metrics = area.metrics.map((m) => {
			const code = metricDefinition(m.key)?.serviceCode;
			const s = code ? svc.get(`${row.level}|${row.code}|${code}`) : undefined;
			if (!unknownStock(m.key, row, s)) return m;
			return { ...m, status: 'no_data' as const, value: null, numerator: null, denominator: null };
		});
		return { ...area, metrics };
	});
}

/**
 * One metric's counts of one month row before any suppression (the disclosure protection's
 * input, disclosure-publish.ts): null where toPublicMonth shows "no data".
 * @throws RangeError on an unknown metric key.
 */
export function monthFigure(
	key: string,
	row: MonthCounts,
	service: MonthServiceCounts | undefined
): { numerator: number; denominator: number | null } | null {
	const def = metricDefinition(key);
	if (!def) throw new RangeError(`unknown metric: ${key}`);
	if (unknownStock(key, row, service)) return null;
	const s = service && {
		level: service.level,
		code: service.code,
		serviceCode: service.serviceCode,
		provinceCode: service.provinceCode,
		adultsUsing: service.adultsUsing ?? 0,
		adultsTotal: service.adultsUsing === null ? 0 : (service.adultsTotal ?? 0),
		helped: service.helped
	};
	return metricFigure(def, toAreaCounts(row, monthPeriod(row.month)), s);
}

/**
 * What a run does with the months it finds stored: the months before `current` that still have
 * open rows are closed (final figures); the current month is rewritten; a closed month is never
 * in either list — only an audited recompute rewrites it.
 */
export function planMonths(
	current: string,
	stored: readonly { month: string; closed: boolean }[]
): { close: string[]; rewrite: string } {
	const close = [
		...new Set(stored.filter((s) => !s.closed && s.month < current).map((s) => s.month))
	];
	return { close: close.sort(), rewrite: current };
}
