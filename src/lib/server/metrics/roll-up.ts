/**
 * Turns per-commune aggregates into area count rows: one per commune (all of them, zeros where
 * there are no records, so "no data" can be told from 0), one per province and one for the
 * country ('VN'). Pure: no database here.
 */
import type { AreaCounts, AreaServiceCounts } from '../../domain/metrics.ts';
import type { CountRow, HamletRow, HouseholdRow, RecordAggregates, VisitRow } from './queries.ts';

export const COUNTRY_CODE = 'VN';

type Counts = Required<
	Omit<AreaCounts, 'level' | 'code' | 'provinceCode' | 'periodStart' | 'periodEnd' | 'computedAt'>
>;
type ServiceCounts = Required<
	Pick<AreaServiceCounts, 'adultsUsing' | 'adultsTotal' | 'helped' | 'communesWithAdults'>
>;

/** The basis counts of docs (issue 16 §4): summed like every other count. */
const BASIS_KEYS = [
	'communes',
	'communesWithRecords',
	'communesWithPopulation',
	'communesWithHamlets',
	'communesWithHouseholds'
] as const;
export type BasisKey = (typeof BASIS_KEYS)[number];

export interface AreaTotals {
	level: AreaCounts['level'];
	code: string;
	provinceCode: string | null;
	counts: Counts;
	services: Map<string, ServiceCounts>;
}

const byCommune = <T extends { c: string }>(rows: T[]) => new Map(rows.map((r) => [r.c, r]));

function serviceTotals(
	a: RecordAggregates,
	serviceCodes: string[]
): (commune: string) => Map<string, ServiceCounts> {
	const rows = new Map(a.services.map((s) => [`${s.c}|${s.s}`, s]));
	return (commune) =>
		new Map(
			serviceCodes.map((code) => {
				const s = rows.get(`${commune}|${code}`);
				const counts = {
					adultsUsing: s?.adults_using ?? 0,
					adultsTotal: s?.adults_total ?? 0,
					helped: s?.helped ?? 0,
					communesWithAdults: (s?.adults_total ?? 0) > 0 ? 1 : 0
				};
				return [code, counts];
			})
		);
}

/** One AreaTotals per commune of the aggregates (zeros where a commune has no records). */
export function communeTotals(a: RecordAggregates, serviceCodes: string[]): AreaTotals[] {
	const teams = byCommune(a.teams);
	const members = byCommune(a.members);
	const hamlets = byCommune(a.hamlets);
	const households = byCommune(a.households);
	const visits = byCommune(a.visits);
	const servicesOf = serviceTotals(a, serviceCodes);
	return a.communes.map((c) => {
		const [t, m, h, hh, v] = [teams, members, hamlets, households, visits].map((x) =>
			x.get(c.code)
		) as [CountRow?, CountRow?, HamletRow?, HouseholdRow?, VisitRow?];
		// Unofficial figures: only usable ones count (docs/domain.md, "Reference data").
		const population = c.population_usable && c.population !== null ? c.population : null;
		const entered = (t?.n ?? 0) + (m?.n ?? 0) + (h?.n ?? 0) + (hh?.n ?? 0) > 0;
		const counts: Counts = {
			teams: t?.n ?? 0,
			members: m?.n ?? 0,
			population,
			hamlets: h?.n ?? 0,
			hamletsCovered: h?.covered ?? 0,
			householdsKnown: hh?.n ?? 0,
			householdsReached: hh?.reached ?? 0,
			householdsVisited: hh?.visited ?? 0,
			demoRecords: [t, m, h, hh, v].reduce((s, x) => s + (x?.demo ?? 0), 0),
			communes: 1,
			communesWithRecords: entered ? 1 : 0,
			communesWithPopulation: entered && population !== null ? 1 : 0,
			communesWithHamlets: (h?.n ?? 0) > 0 ? 1 : 0,
			communesWithHouseholds: (hh?.n ?? 0) > 0 ? 1 : 0
		};
		return {
			level: 'commune',
			code: c.code,
			provinceCode: c.province_code,
			counts,
			services: servicesOf(c.code)
		};
	});
}

/**
 * Sums communes into one area. Members count only where the population is usable, so that
 * members_per_1000 divides members and population of the same communes.
 */
export function sumAreas(
	level: 'province' | 'country',
	code: string,
	parts: AreaTotals[]
): AreaTotals {
	const sum = (f: (c: Counts) => number) => parts.reduce((s, p) => s + f(p.counts), 0);
	const withPopulation = parts.filter((p) => p.counts.population !== null);
	const counts: Counts = {
		teams: sum((c) => c.teams),
		members: withPopulation.reduce((s, p) => s + p.counts.members, 0),
		population: withPopulation.length > 0 ? sum((c) => c.population ?? 0) : null,
		hamlets: sum((c) => c.hamlets),
		hamletsCovered: sum((c) => c.hamletsCovered),
		householdsKnown: sum((c) => c.householdsKnown),
		householdsReached: sum((c) => c.householdsReached),
		householdsVisited: sum((c) => c.householdsVisited),
		demoRecords: sum((c) => c.demoRecords),
		...(Object.fromEntries(BASIS_KEYS.map((k) => [k, sum((c) => c[k])])) as Record<
			(typeof BASIS_KEYS)[number],
			number
		>)
	};
	const services = new Map<string, ServiceCounts>();
	for (const p of parts) {
		for (const [k, s] of p.services) {
			const t = services.get(k) ?? {
				adultsUsing: 0,
				adultsTotal: 0,
				helped: 0,
				communesWithAdults: 0
			};
			services.set(k, {
				adultsUsing: t.adultsUsing + s.adultsUsing,
				adultsTotal: t.adultsTotal + s.adultsTotal,
				helped: t.helped + s.helped,
				communesWithAdults: t.communesWithAdults + s.communesWithAdults
			});
		}
	}
	return { level, code, provinceCode: level === 'province' ? code : null, counts, services };
}

/**
 * Stored area rows (area_metrics with their area_service_metrics) as AreaTotals again, so that
 * provinces and the country are summed from the communes' stored figures.
 */
export function totalsFromRows(areas: AreaCounts[], services: AreaServiceCounts[]): AreaTotals[] {
	const byArea = new Map<string, Map<string, ServiceCounts>>();
	for (const s of services) {
		const key = `${s.level}|${s.code}`;
		const m = byArea.get(key) ?? new Map<string, ServiceCounts>();
		m.set(s.serviceCode, {
			adultsUsing: s.adultsUsing,
			adultsTotal: s.adultsTotal,
			helped: s.helped,
			communesWithAdults: s.communesWithAdults ?? 0
		});
		byArea.set(key, m);
	}
	return areas.map((a) => ({
		level: a.level,
		code: a.code,
		provinceCode: a.provinceCode,
		counts: {
			teams: a.teams,
			members: a.members,
			population: a.population,
			hamlets: a.hamlets,
			hamletsCovered: a.hamletsCovered,
			householdsKnown: a.householdsKnown,
			householdsReached: a.householdsReached,
			householdsVisited: a.householdsVisited,
			demoRecords: a.demoRecords,
			...(Object.fromEntries(BASIS_KEYS.map((k) => [k, a[k] ?? 0])) as Record<
				(typeof BASIS_KEYS)[number],
				number
			>)
		},
		services: byArea.get(`${a.level}|${a.code}`) ?? new Map()
	}));
}
