/**
 * Reads of the monthly series (issue 16 §1): a month's flows from the day tables, and the
 * records' state as at several month ends (to reconstruct months the series did not see live).
 * Every read is limited to some communes (?1 their provinces, ?2 their codes, JSON arrays) so the
 * record indexes, which lead with (province_code, commune_code), are used.
 */
import type { AnyDb, Db } from '../db/client.ts';
import { isGlobal, type ShardDb } from '../db/shards.ts';
import { runBatch } from '../db/bulk.ts';

const inChunk = (t = '') =>
	`${t}province_code IN (SELECT value FROM json_each(?1))
	AND ${t}commune_code IN (SELECT value FROM json_each(?2))`;

// ?3: JSON [[month, endMs, windowStartMs], …]: each month's end and the start of the 12 months to it.
const MONTHS = `m AS (SELECT value ->> 0 AS month, value ->> 1 AS e, value ->> 2 AS w
	FROM json_each(?3))`;

/** Visits of a Vietnam day range (?3 to ?4, day numbers), per commune. */
const FLOW_VISITS = `SELECT province_code AS p, commune_code AS c, sum(visits) AS v,
		sum(demo_visits) AS d
	FROM commune_days WHERE ${inChunk()} AND day >= ?3 AND day <= ?4 GROUP BY commune_code`;

/** People helped per service over a Vietnam day range, per commune. */
const FLOW_HELPED = `SELECT province_code AS p, commune_code AS c, service_code AS s, sum(helped) AS h
	FROM commune_service_days WHERE ${inChunk()} AND day >= ?3 AND day <= ?4
	GROUP BY commune_code, service_code`;

export interface VisitFlow {
	p: string;
	c: string;
	v: number;
	d: number;
}
export interface HelpedFlow {
	p: string;
	c: string;
	s: string;
	h: number;
}

const param = (list: readonly string[]) => JSON.stringify(list);

/** One month's flows (visits, people helped) of some communes of ONE shard: one batch. */
export async function readMonthFlows(
	shard: AnyDb,
	chunk: { provinceCodes: readonly string[]; communeCodes: readonly string[] },
	days: { first: number; last: number }
): Promise<{ visits: VisitFlow[]; helped: HelpedFlow[] }> {
	const args = [param(chunk.provinceCodes), param(chunk.communeCodes), days.first, days.last];
	const d1 = shard.$client;
	const [v, h] = await runBatch(shard, [
		d1.prepare(FLOW_VISITS).bind(...args),
		d1.prepare(FLOW_HELPED).bind(...args)
	]);
	return { visits: (v?.results ?? []) as VisitFlow[], helped: (h?.results ?? []) as HelpedFlow[] };
}

// Teams, members and hamlets as at each month's end: created by then and active now (a
// deactivation is not dated: docs/monthly-series.md).
const TEAMS = `WITH ${MONTHS} SELECT m.month, t.commune_code AS c, count(*) AS n, sum(t.is_demo) AS demo
	FROM m JOIN teams t ON t.created_at <= m.e
	WHERE ${inChunk('t.')} AND t.active = 1 GROUP BY m.month, t.commune_code`;

const MEMBERS = `WITH ${MONTHS} SELECT m.month, x.commune_code AS c, count(*) AS n,
		sum(x.is_demo) AS demo
	FROM m JOIN members x ON x.created_at <= m.e JOIN teams t ON t.id = x.team_id
	WHERE ${inChunk('x.')} AND x.active = 1 AND t.active = 1 GROUP BY m.month, x.commune_code`;

const HAMLETS = `WITH ${MONTHS} SELECT m.month, h.commune_code AS c, count(*) AS n,
		sum(EXISTS (SELECT 1 FROM teams t WHERE t.hamlet_id = h.id AND t.active = 1
			AND t.created_at <= m.e)) AS covered, sum(h.is_demo) AS demo
	FROM m JOIN hamlets h ON h.created_at <= m.e
	WHERE ${inChunk('h.')} GROUP BY m.month, h.commune_code`;

const POPULATION = `SELECT code AS c, CASE WHEN population_usable = 1 THEN population END AS n
	FROM communes WHERE code IN (SELECT value FROM json_each(?2))`;

const HOUSEHOLDS = `WITH ${MONTHS} SELECT m.month, h.commune_code AS c, count(*) AS n,
		sum(h.is_demo) AS demo
	FROM m JOIN households h ON h.created_at <= m.e
	WHERE ${inChunk('h.')} GROUP BY m.month, h.commune_code`;

// Each household's latest visit in the 12 months to each month's end: visited, reached if it met.
const REACHED = `WITH ${MONTHS}, l AS (SELECT m.month, v.commune_code AS c, v.outcome,
		row_number() OVER (PARTITION BY m.month, v.household_id
			ORDER BY v.visited_at DESC, v.id DESC) AS rn
		FROM m JOIN visits v ON v.visited_at >= m.w AND v.visited_at <= m.e
		WHERE ${inChunk('v.')})
	SELECT month, c, count(*) AS visited, sum(outcome = 'met') AS reached
	FROM l WHERE rn = 1 GROUP BY month, c`;

// Per household and service, the latest visit that met someone and asked about it, in the 12
// months to each month's end (as households.services_state keeps it live).
const ADOPTION = `WITH ${MONTHS}, l AS (SELECT m.month, v.commune_code AS c, s.service_code AS s,
		s.adults_using AS au, v.adults AS adults,
		row_number() OVER (PARTITION BY m.month, v.household_id, s.service_code
			ORDER BY v.visited_at DESC, v.id DESC) AS rn
		FROM m JOIN visits v ON v.visited_at >= m.w AND v.visited_at <= m.e AND v.outcome = 'met'
		JOIN visit_services s ON s.visit_id = v.id
		WHERE ${inChunk('v.')})
	SELECT month, c, s, sum(au) AS au, sum(adults) AS adults FROM l WHERE rn = 1
	GROUP BY month, c, s`;

// Flows per month from the day tables (a day number × 86.400 s is its Vietnam date) from ?4.
const VISITS_BY_MONTH = `SELECT commune_code AS c,
		strftime('%Y-%m', day * 86400, 'unixepoch') AS month, sum(visits) AS v, sum(demo_visits) AS d
	FROM commune_days WHERE ${inChunk()} AND day >= ?4 GROUP BY c, month`;
const HELPED_BY_MONTH = `SELECT commune_code AS c, service_code AS s,
		strftime('%Y-%m', day * 86400, 'unixepoch') AS month, sum(helped) AS h
	FROM commune_service_days WHERE ${inChunk()} AND day >= ?4 GROUP BY c, s, month`;
// Archived months (visits moved to R2): their totals, and they make reach unknowable.
const ARCHIVED = `SELECT commune_code AS c, month, visits AS v, demo_visits AS d
	FROM visit_months WHERE ${inChunk()}`;
const ARCHIVED_HELPED = `SELECT commune_code AS c, service_code AS s, month, helped AS h
	FROM visit_month_services WHERE ${inChunk()}`;

export interface MonthCount {
	month: string;
	c: string;
	n: number;
	demo: number;
}
export interface RecordHistory {
	teams: MonthCount[];
	members: MonthCount[];
	hamlets: (MonthCount & { covered: number })[];
	population: { c: string; n: number | null }[];
	households: MonthCount[];
	reached: { month: string; c: string; visited: number; reached: number }[];
	adoption: { month: string; c: string; s: string; au: number; adults: number }[];
	visits: { month: string; c: string; v: number; d: number }[];
	helped: { month: string; c: string; s: string; h: number }[];
	archived: { month: string; c: string; v: number; d: number }[];
	archivedHelped: { month: string; c: string; s: string; h: number }[];
}

/**
 * The records of some communes of ONE shard as at the end of each of `months`: one batch on the
 * global D1 (teams, members, hamlets, population) and one on the shard (households, visits, the
 * day tables and the archive's totals). `firstDay`: the first Vietnam day whose flows are read.
 */
export async function readRecordHistory(
	db: Db,
	shard: ShardDb,
	chunk: { provinceCodes: readonly string[]; communeCodes: readonly string[] },
	months: readonly { month: string; endMs: number; windowStartMs: number }[],
	firstDay: number
): Promise<RecordHistory> {
	const args = [
		param(chunk.provinceCodes),
		param(chunk.communeCodes),
		JSON.stringify(months.map((m) => [m.month, m.endMs, m.windowStartMs])),
		firstDay
	];
	const highest = (q: string) => Math.max(...[...q.matchAll(/\?(\d+)/g)].map((m) => Number(m[1])));
	const on = async (d: AnyDb, queries: string[]) =>
		(
			await runBatch(
				d,
				queries.map((q) => d.$client.prepare(q).bind(...args.slice(0, highest(q))))
			)
		).map((r) => r.results);
	const globalQ = [TEAMS, MEMBERS, HAMLETS, POPULATION];
	const shardQ = [
		HOUSEHOLDS,
		REACHED,
		ADOPTION,
		VISITS_BY_MONTH,
		HELPED_BY_MONTH,
		ARCHIVED,
		ARCHIVED_HELPED
	];
	const [g, s]: unknown[][][] = isGlobal(shard, db)
		? await on(db, [...globalQ, ...shardQ]).then((all) => [all.slice(0, 4), all.slice(4)])
		: await Promise.all([on(db, globalQ), on(shard, shardQ)]);
	const r = <T>(list: unknown[][] | undefined, i: number) => (list?.[i] ?? []) as T;
	return {
		teams: r(g, 0),
		members: r(g, 1),
		hamlets: r(g, 2),
		population: r(g, 3),
		households: r(s, 0),
		reached: r(s, 1),
		adoption: r(s, 2),
		visits: r(s, 3),
		helped: r(s, 4),
		archived: r(s, 5),
		archivedHelped: r(s, 6)
	};
}
