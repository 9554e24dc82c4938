/**
 * Public metric values from the stored counts (area_metrics + area_service_metrics rows).
 * The metrics job stores numerators and denominators only; rates, "no data" and suppression are
 * decided here, when figures are read. "No data" is never 0: it has its own status.
 */
import {
	METRIC_KEYS,
	metricDefinition,
	type Label,
	type MetricDefinition
} from './metric-definitions.ts';
import {
	disclosesSmallCount,
	protectGroup,
	protectHiddenParent,
	type DisclosureCell
} from './metric-disclosure.ts';

export type AreaLevel = 'country' | 'province' | 'commune';

/** Shape of an `area_metrics` row. */
export interface AreaCounts {
	level: AreaLevel;
	/** "VN", a province or a commune code. */
	code: string;
	/** Own code for a province, the province for a commune, null for the country. */
	provinceCode: string | null;
	periodStart: string;
	periodEnd: string;
	teams: number;
	members: number;
	population: number | null;
	hamlets: number;
	hamletsCovered: number;
	householdsKnown: number;
	householdsReached: number;
	householdsVisited: number;
	demoRecords: number;
	computedAt: number;
	/**
	 * What the figures stand on (0/1 on a commune row, sums above); absent or 0 on rows written
	 * before these were kept: then no basis is stated.
	 */
	communes?: number;
	communesWithRecords?: number;
	communesWithPopulation?: number;
	communesWithHamlets?: number;
	communesWithHouseholds?: number;
}

/** Shape of an `area_service_metrics` row. */
export interface AreaServiceCounts {
	level: AreaLevel;
	code: string;
	serviceCode: string;
	provinceCode: string | null;
	adultsUsing: number;
	adultsTotal: number;
	helped: number;
	/** Communes with visited adults for this service (0/1 on a commune row, sums above). */
	communesWithAdults?: number;
}

/** How many communes a province's or the country's figure stands on, of how many. */
export interface FigureBasis {
	withData: number;
	communes: number;
}

export type MetricStatus = 'value' | 'no_data' | 'suppressed';

export interface MetricValue {
	key: string;
	status: MetricStatus;
	/** The figure: a count, a proportion 0–1 or a number per 1,000; null unless status = value. */
	value: number | null;
	numerator: number | null;
	/** null for counts and hidden figures; 0 when "no data" means nothing was entered. */
	denominator: number | null;
	denominatorLabel: Label;
	/** ISO timestamps; a snapshot metric has start = end. */
	period: { start: string; end: string };
	estimate: boolean;
	/**
	 * A province's or the country's figure: from how many of its communes ("từ 152/3.321 xã có
	 * số liệu"); absent for a commune and where the basis is not known.
	 */
	basis?: FigureBasis;
}

export interface PublicAreaMetrics {
	level: AreaLevel;
	code: string;
	provinceCode: string | null;
	/** Synthetic demo records behind the figures (the UI marks them). */
	demoRecords: number;
	computedAt: number;
	metrics: MetricValue[];
}

interface Figure {
	numerator: number;
	denominator: number | null;
	/** null means "no data". */
	value: number | null;
}

function counts(def: MetricDefinition, a: AreaCounts, s: AreaServiceCounts | undefined) {
	switch (def.key) {
		case 'teams':
			return { numerator: a.teams, denominator: null };
		case 'members_per_1000':
			return { numerator: a.members, denominator: a.population };
		case 'hamlet_coverage':
			return { numerator: a.hamletsCovered, denominator: a.hamlets };
		case 'households_reached':
			return { numerator: a.householdsReached, denominator: a.householdsKnown };
	}
	// Official figures are imported, never computed from the teams' counts (official-metrics.ts).
	if (def.group === 'official') return null;
	if (!s) return null; // no row for this service: never computed, so no data
	if (def.group === 'adoption') return { numerator: s.adultsUsing, denominator: s.adultsTotal };
	return { numerator: s.helped, denominator: null };
}

/**
 * A commune where nobody has entered anything — no team, member, hamlet or household: its
 * figures are "chưa có dữ liệu", not 0 (issue 16 §4). Once anything is entered, 0 is a figure.
 */
export function nothingEntered(a: AreaCounts, s?: AreaServiceCounts): boolean {
	if (a.level !== 'commune') return false;
	const records = a.teams + a.members + a.hamlets + a.householdsKnown;
	return records === 0 && (s?.helped ?? 0) + (s?.adultsTotal ?? 0) === 0;
}

const RECORD_GROUPS: readonly string[] = ['coverage', 'adoption', 'helped'];

/** Communes behind a province's or the country's figure of one metric (undefined: unknown). */
function basisOf(
	def: MetricDefinition,
	a: AreaCounts,
	s: AreaServiceCounts | undefined
): FigureBasis | undefined {
	if (a.level === 'commune' || !a.communes) return undefined;
	const withData = (() => {
		switch (def.key) {
			case 'members_per_1000':
				return a.communesWithPopulation;
			case 'hamlet_coverage':
				return a.communesWithHamlets;
			case 'households_reached':
				return a.communesWithHouseholds;
		}
		if (def.group === 'adoption') return s?.communesWithAdults ?? 0;
		return a.communesWithRecords;
	})();
	return { withData: withData ?? 0, communes: a.communes };
}

/** The unsuppressed figure of one metric for one area. */
function figure(def: MetricDefinition, a: AreaCounts, s?: AreaServiceCounts): Figure {
	if (RECORD_GROUPS.includes(def.group) && nothingEntered(a, s))
		return { numerator: 0, denominator: null, value: null };
	const c = counts(def, a, s);
	if (!c) return { numerator: 0, denominator: null, value: null };
	const { numerator, denominator } = c;
	if (def.kind === 'count') return { numerator, denominator, value: numerator };
	if (denominator === null || denominator <= 0) return { numerator, denominator, value: null };
	const ratio = numerator / denominator;
	return { numerator, denominator, value: def.kind === 'per_1000' ? ratio * 1000 : ratio };
}

function toValue(
	def: MetricDefinition,
	a: AreaCounts,
	f: Figure,
	hidden: boolean,
	s?: AreaServiceCounts
): MetricValue {
	const basis = basisOf(def, a, s);
	const base = {
		key: def.key,
		denominatorLabel: def.denominatorLabel,
		period: { start: def.period === 'snapshot' ? a.periodEnd : a.periodStart, end: a.periodEnd },
		estimate: def.estimate,
		...(basis && { basis })
	};
	if (f.value === null) {
		const denominator = f.denominator === 0 ? 0 : null; // "nothing entered" is safe to say
		return { ...base, status: 'no_data', value: null, numerator: null, denominator };
	}
	if (hidden)
		return { ...base, status: 'suppressed', value: null, numerator: null, denominator: null };
	return {
		...base,
		status: 'value',
		value: f.value,
		numerator: f.numerator,
		denominator: f.denominator
	};
}

/**
 * The unsuppressed counts of one metric for one area (the disclosure protection's input):
 * null where the public figure is "no data".
 */
export function metricFigure(
	def: MetricDefinition,
	a: AreaCounts,
	s?: AreaServiceCounts
): { numerator: number; denominator: number | null } | null {
	const f = figure(def, a, s);
	return f.value === null ? null : { numerator: f.numerator, denominator: f.denominator };
}

const primaryHidden = (def: MetricDefinition, f: Figure) =>
	f.value !== null &&
	def.smallCountRule &&
	disclosesSmallCount(def.kind, f.numerator, f.denominator);

/**
 * One metric of one area with the primary small-count rule only (no sibling areas known).
 * Throws on an unknown key. For public lists use toPublicMetrics, which also protects sums.
 */
export function computeMetric(
	key: string,
	area: AreaCounts,
	service?: AreaServiceCounts
): MetricValue {
	const def = metricDefinition(key);
	if (!def) throw new RangeError(`unknown metric: ${key}`);
	const f = figure(def, area, service);
	return toValue(def, area, f, primaryHidden(def, f), service);
}

interface Cell extends DisclosureCell {
	area: AreaCounts;
	service: AreaServiceCounts | undefined;
	figure: Figure;
}

const shown = (c: Cell | undefined) => !!c && c.figure.value !== null && !c.hidden;

/** Secondary suppression of one metric over all areas given (see metric-disclosure.ts). */
function protectSums(def: MetricDefinition, cells: Cell[]): void {
	const withValue = cells.filter((c) => c.figure.value !== null);
	const find = (level: AreaLevel, code?: string) =>
		withValue.find((c) => c.area.level === level && (code === undefined || c.area.code === code));
	const communesOf = (p: string) =>
		withValue.filter((c) => c.area.level === 'commune' && c.area.provinceCode === p);
	const provinceCodes = new Set(withValue.map((c) => c.area.provinceCode ?? ''));
	for (const p of provinceCodes) {
		if (shown(find('province', p))) protectGroup(def.kind, communesOf(p));
	}
	if (!shown(find('country'))) return;
	const provinces = withValue.filter((c) => c.area.level === 'province');
	for (const added of protectGroup(def.kind, provinces) as Cell[]) {
		protectHiddenParent(communesOf(added.area.code));
	}
}

/**
 * Whether a metric's sums are protected within the cross-section here (true), or the metrics
 * job's protection across months and areas replaces that rule (disclosure-flags.ts).
 */
export type SumsRule = (key: string) => boolean;

/**
 * Turns stored count rows into public metric values: every metric of `keys` for every area,
 * with "no data", the small-count rule and protection of sums (a hidden commune cannot be
 * worked out from its province and the other communes). Pass whole groups — a province with
 * all its communes, the country with all provinces — or only the primary rule can apply.
 * `sumsRule` leaves out that protection of sums for metrics the job protected (their flags are
 * applied after, withHidden); the primary rule always applies.
 * @returns one entry per area row, in input order, metrics in `keys` order.
 * @throws RangeError on an unknown metric key.
 */
export function toPublicMetrics(
	areas: readonly AreaCounts[],
	services: readonly AreaServiceCounts[],
	keys: readonly string[] = METRIC_KEYS,
	sumsRule: SumsRule = () => true
): PublicAreaMetrics[] {
	const svc = new Map(services.map((s) => [`${s.level}|${s.code}|${s.serviceCode}`, s]));
	const defs = keys.map((k) => {
		const def = metricDefinition(k);
		if (!def) throw new RangeError(`unknown metric: ${k}`);
		return def;
	});
	const grid = defs.map((def) =>
		areas.map((area): Cell => {
			const service = svc.get(`${area.level}|${area.code}|${def.serviceCode}`);
			const f = figure(def, area, service);
			return {
				area,
				service,
				figure: f,
				numerator: f.numerator,
				denominator: f.denominator,
				hidden: primaryHidden(def, f)
			};
		})
	);
	defs.forEach((def, d) => def.smallCountRule && sumsRule(def.key) && protectSums(def, grid[d]!));
	return areas.map((a, i) => ({
		level: a.level,
		code: a.code,
		provinceCode: a.provinceCode,
		demoRecords: a.demoRecords,
		computedAt: a.computedAt,
		metrics: defs.map((def, d) => {
			const cell = grid[d]![i]!;
			return toValue(def, a, cell.figure, cell.hidden, cell.service);
		})
	}));
}
