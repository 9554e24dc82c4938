/**
 * The metrics job's reads: one set-based aggregate per record table for a chunk of communes, grouped by commune, all run in ONE D1 batch so they see one consistent state.
 */
import type { AnyDb, Db } from '../db/client.ts';
import { isGlobal, type ShardDb } from '../db/shards.ts';
import { runBatch } from '../db/bulk.ts';
import { vnDayNumber } from './period.ts';

export interface CommuneRef {
	code: string;
	province_code: string;
	population: number | null;
	population_usable: number;
}
/** A count per commune with how many of the counted rows are demo rows. */
export interface CountRow {
	c: string;
	n: number;
	demo: number;
}
export interface HamletRow extends CountRow {
	covered: number;
}
export interface HouseholdRow extends CountRow {
	visited: number;
	reached: number;
}
export interface VisitRow {
	c: string;
	visits: number;
	demo: number;
}
export interface ServiceRow {
	c: string;
	s: string;
	adults_using: number;
	adults_total: number;
	helped: number;
}

// Every read is limited to some communes: ?3 a JSON array of their provinces, ?4 of their codes. Record indexes lead with (province_code, commune_code), so no read scans a table.
const inChunk = (t = '') =>
	`${t}province_code IN (SELECT value FROM json_each(?3))
	AND ${t}commune_code IN (SELECT value FROM json_each(?4))`;

const COMMUNES = `SELECT code, province_code, population, population_usable FROM communes
	WHERE code IN (SELECT value FROM json_each(?4))`;

const TEAMS = `SELECT commune_code AS c, count(*) AS n, sum(is_demo) AS demo
	FROM teams WHERE ${inChunk()} AND active = 1 GROUP BY commune_code`;

// Active members of active teams.
const MEMBERS = `SELECT m.commune_code AS c, count(*) AS n, sum(m.is_demo) AS demo
	FROM members m JOIN teams t ON t.id = m.team_id
	WHERE ${inChunk('m.')} AND m.active = 1 AND t.active = 1
	GROUP BY m.commune_code`;

// A hamlet is covered when at least one active team belongs to it.
const HAMLETS = `SELECT h.commune_code AS c, count(*) AS n, count(cv.hamlet_id) AS covered,
		sum(h.is_demo) AS demo
	FROM hamlets h
	LEFT JOIN (SELECT DISTINCT hamlet_id FROM teams
		WHERE ${inChunk()} AND active = 1 AND hamlet_id IS NOT NULL) cv ON cv.hamlet_id = h.id
	WHERE ${inChunk('h.')}
	GROUP BY h.commune_code`;

// Households, and those whose latest visit (kept on the household by every visit write) falls
// in the period: visited; reached when it met someone. Visits are never later than their
// receipt, so the latest visit in the period is the latest visit.
const HOUSEHOLDS = `SELECT commune_code AS c, count(*) AS n, sum(is_demo) AS demo,
		coalesce(sum(last_visit_at >= ?1 AND last_visit_at <= ?2), 0) AS visited,
		coalesce(sum(last_visit_at >= ?1 AND last_visit_at <= ?2 AND last_outcome = 'met'), 0) AS reached
	FROM households WHERE ${inChunk()} GROUP BY commune_code`;

// Visits of the period's days (?5 to ?6, Vietnam day numbers), kept per commune and day.
const VISITS = `SELECT commune_code AS c, sum(visits) AS visits, sum(demo_visits) AS demo
	FROM commune_days WHERE ${inChunk()} AND day >= ?5 AND day <= ?6 GROUP BY commune_code`;

// Adoption: per household and service, the latest visit that met someone and asked about the
// service, if it is in the period (a later visit that met nobody does not erase what was
// observed); helped: every visit of the period. Both kept per commune, day and service
// (commune_service_days), so the period is a sum of days.
const SERVICES = `SELECT commune_code AS c, service_code AS s, sum(adults_using) AS adults_using,
		sum(adults) AS adults_total, sum(helped) AS helped
	FROM commune_service_days WHERE ${inChunk()} AND day >= ?5 AND day <= ?6
	GROUP BY commune_code, service_code`;

// The marks these figures clear (read in the same transaction as the records).
const MARKS = `SELECT commune_code AS c, changes FROM metrics_dirty
	WHERE commune_code IN (SELECT value FROM json_each(?4))`;

/** The service catalogue's codes (every area gets a row per service). */
export const SERVICE_CODES_SQL = `SELECT code FROM services ORDER BY sort_order, code`;

/** The highest ?N a query uses: D1 wants exactly that many bindings. */
const highestParam = (q: string) =>
	Math.max(...[...q.matchAll(/\?(\d+)/g)].map((m) => Number(m[1])));

export interface RecordAggregates {
	communes: CommuneRef[];
	teams: CountRow[];
	members: CountRow[];
	hamlets: HamletRow[];
	households: HouseholdRow[];
	visits: VisitRow[];
	services: ServiceRow[];
	/** The marks of these communes in the global D1 as read: cleared only if unchanged. */
	marks: Mark[];
	/** The same in their shard (empty with one database: the marks above are the shard's). */
	shardMarks: Mark[];
}

export interface Mark {
	c: string;
	changes: number;
}

/**
 * Reads every aggregate the metrics need for some communes of ONE shard, for the period
 * [startMs, endMs]: teams, members, hamlets and populations from the global D1, households and
 * visits from the shard — one batch on each (each one consistent state; one batch in all with
 * one database).
 * @returns rows grouped by commune code (communes without records are simply absent).
 */
export async function readCommuneAggregates(
	db: Db,
	shard: ShardDb,
	chunk: { provinceCodes: readonly string[]; communeCodes: readonly string[] },
	startMs: number,
	endMs: number
): Promise<RecordAggregates> {
	const params = [
		startMs,
		endMs,
		JSON.stringify(chunk.provinceCodes),
		JSON.stringify(chunk.communeCodes),
		vnDayNumber(startMs),
		vnDayNumber(endMs)
	];
	const on = (d: AnyDb, queries: string[]) =>
		runBatch(
			d,
			queries.map((q) => d.$client.prepare(q).bind(...params.slice(0, highestParam(q))))
		).then((results) => (i: number) => results[i]?.results ?? []);
	const global = [COMMUNES, TEAMS, MEMBERS, HAMLETS, MARKS];
	const records = [HOUSEHOLDS, VISITS, SERVICES];
	const one = isGlobal(shard, db);
	const [g, r] = one
		? await on(db, [...global, ...records]).then((x) => [x, (i: number) => x(i + 5)] as const)
		: await Promise.all([on(db, global), on(shard, [...records, MARKS])]);
	return {
		communes: g(0) as CommuneRef[],
		teams: g(1) as CountRow[],
		members: g(2) as CountRow[],
		hamlets: g(3) as HamletRow[],
		marks: g(4) as Mark[],
		households: r(0) as HouseholdRow[],
		visits: r(1) as VisitRow[],
		services: r(2) as ServiceRow[],
		shardMarks: one ? [] : (r(3) as Mark[])
	};
}
