/**
 * Month rows reconstructed from the records (backfill and the audited recompute), docs/monthly-series.md:
 * flows exactly (day tables plus the archive's month totals); teams, members, hamlets and
 * households as at the month's end from their created_at (active now); reach and adoption from
 * the visits of the 12 months to the month's end — "no data" (null) when any of those months is
 * archived, since an archived month keeps totals, not each household's latest visit.
 */
import type { MonthCounts, MonthServiceCounts } from '../../domain/metric-months.ts';
import { monthOf } from '../../domain/metric-months.ts';
import type { RecordHistory } from './months-read.ts';

export interface MonthSpec {
	month: string;
	endMs: number;
	windowStartMs: number;
}

type Key = string;
const k = (...parts: string[]): Key => parts.join('|');

function index<T extends { c: string; month?: string; s?: string }>(rows: T[]) {
	return new Map(rows.map((r) => [k(r.c, r.month ?? '', r.s ?? ''), r]));
}

/** Sums rows of the same commune, month (and service) from two sources. */
function sumBy<T extends { c: string; month: string; s?: string }>(
	rows: T[],
	add: (a: T, b: T) => T
): Map<Key, T> {
	const out = new Map<Key, T>();
	for (const r of rows) {
		const key = k(r.c, r.month, r.s ?? '');
		const held = out.get(key);
		out.set(key, held ? add(held, r) : r);
	}
	return out;
}

/**
 * Month rows of some communes from their record history.
 * @param all rows for every month of every commune (recompute); otherwise from the first month
 *   in which the commune had any record or flow (backfill: earlier months stay "no data").
 */
export function buildMonthRows(
	communes: readonly { code: string; provinceCode: string }[],
	months: readonly MonthSpec[],
	h: RecordHistory,
	serviceCodes: readonly string[],
	opts: { all: boolean; now: number }
): { areas: MonthCounts[]; services: MonthServiceCounts[] } {
	const teams = index(h.teams);
	const members = index(h.members);
	const hamlets = index(h.hamlets);
	const households = index(h.households);
	const reached = index(h.reached);
	const adoption = index(h.adoption);
	const population = new Map(h.population.map((p) => [p.c, p.n]));
	const visits = sumBy([...h.visits, ...h.archived], (a, b) => ({
		...a,
		v: a.v + b.v,
		d: a.d + b.d
	}));
	const helped = sumBy([...h.helped, ...h.archivedHelped], (a, b) => ({ ...a, h: a.h + b.h }));
	const archived = new Set(h.archived.map((a) => k(a.c, a.month)));
	const areas: MonthCounts[] = [];
	const services: MonthServiceCounts[] = [];
	for (const { code, provinceCode } of communes) {
		let started = opts.all;
		for (const m of months) {
			const at = (map: Map<Key, { n: number; demo: number }>) => map.get(k(code, m.month, ''));
			const hm = hamlets.get(k(code, m.month, ''));
			const flow = visits.get(k(code, m.month, ''));
			const helpedOf = (s: string) => helped.get(k(code, m.month, s))?.h ?? 0;
			const anything =
				(at(teams)?.n ?? 0) + (at(members)?.n ?? 0) + (hm?.n ?? 0) + (at(households)?.n ?? 0) > 0 ||
				(flow?.v ?? 0) > 0 ||
				serviceCodes.some((s) => helpedOf(s) > 0);
			started ||= anything;
			if (!started) continue;
			// Reach needs every visit of the 12 months to the month's end, per household.
			const window = monthOf(m.windowStartMs);
			const reachKnown = ![...archived].some((a) => {
				const [c, month] = a.split('|') as [string, string];
				return c === code && month >= window && month <= m.month;
			});
			const r = reached.get(k(code, m.month, ''));
			areas.push({
				level: 'commune',
				code,
				month: m.month,
				provinceCode,
				closed: true,
				teams: at(teams)?.n ?? 0,
				members: at(members)?.n ?? 0,
				population: population.get(code) ?? null,
				hamlets: hm?.n ?? 0,
				hamletsCovered: hm?.covered ?? 0,
				householdsKnown: at(households)?.n ?? 0,
				householdsReached: reachKnown ? (r?.reached ?? 0) : null,
				householdsVisited: reachKnown ? (r?.visited ?? 0) : null,
				visits: flow?.v ?? 0,
				demoRecords:
					(at(teams)?.demo ?? 0) +
					(at(members)?.demo ?? 0) +
					(hm?.demo ?? 0) +
					(at(households)?.demo ?? 0) +
					(flow?.d ?? 0),
				computedAt: opts.now
			});
			for (const s of serviceCodes) {
				const a = adoption.get(k(code, m.month, s));
				services.push({
					level: 'commune',
					code,
					month: m.month,
					serviceCode: s,
					provinceCode,
					adultsUsing: reachKnown ? (a?.au ?? 0) : null,
					adultsTotal: reachKnown ? (a?.adults ?? 0) : null,
					helped: helpedOf(s)
				});
			}
		}
	}
	return { areas, services };
}
