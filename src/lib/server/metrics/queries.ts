/**
 * The metrics job's reads: one set-based aggregate per record table, grouped by commune, all
 * run in ONE D1 batch so they see one consistent state. Never a query per commune.
 */
import type { Db } from '../db/client.ts';
import { runBatch } from '../db/bulk.ts';

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
export interface VisitRow {
	c: string;
	visits: number;
	visited: number;
	reached: number;
	demo: number;
}
export interface ServiceRow {
	c: string;
	s: string;
	adults_using: number;
	adults_total: number;
	helped: number;
}

const COMMUNES = `SELECT code, province_code, population, population_usable FROM communes`;

const TEAMS = `SELECT commune_code AS c, count(*) AS n, sum(is_demo) AS demo
	FROM teams WHERE active = 1 GROUP BY commune_code`;

// Active members of active teams.
const MEMBERS = `SELECT m.commune_code AS c, count(*) AS n, sum(m.is_demo) AS demo
	FROM members m JOIN teams t ON t.id = m.team_id
	WHERE m.active = 1 AND t.active = 1 GROUP BY m.commune_code`;

// A hamlet is covered when at least one active team belongs to it.
const HAMLETS = `SELECT h.commune_code AS c, count(*) AS n, count(cv.hamlet_id) AS covered,
		sum(h.is_demo) AS demo
	FROM hamlets h
	LEFT JOIN (SELECT DISTINCT hamlet_id FROM teams WHERE active = 1 AND hamlet_id IS NOT NULL) cv
		ON cv.hamlet_id = h.id
	GROUP BY h.commune_code`;

const HOUSEHOLDS = `SELECT commune_code AS c, count(*) AS n, sum(is_demo) AS demo
	FROM households GROUP BY commune_code`;

// Latest visit per household in the period (rn = 1): visited; reached when it met someone.
const VISITS = `WITH v AS (
		SELECT commune_code, outcome, is_demo,
			row_number() OVER (PARTITION BY household_id ORDER BY visited_at DESC, id DESC) AS rn
		FROM visits WHERE visited_at >= ?1 AND visited_at <= ?2)
	SELECT commune_code AS c, count(*) AS visits, sum(rn = 1) AS visited,
		sum(rn = 1 AND outcome = 'met') AS reached, sum(is_demo) AS demo
	FROM v GROUP BY commune_code`;

// Adoption: per household and service, the latest visit in the period that met someone and
// asked about the service; a later visit that met nobody does not erase what was observed.
// Helped: every visit in the period.
const SERVICES = `WITH x AS (
		SELECT v.commune_code, vs.service_code, vs.adults_using, vs.helped, v.adults,
			CASE WHEN v.outcome = 'met' THEN row_number() OVER (
				PARTITION BY v.household_id, vs.service_code, v.outcome = 'met'
				ORDER BY v.visited_at DESC, v.id DESC) END AS rn
		FROM visits v JOIN visit_services vs ON vs.visit_id = v.id
		WHERE v.visited_at >= ?1 AND v.visited_at <= ?2)
	SELECT commune_code AS c, service_code AS s,
		coalesce(sum(CASE WHEN rn = 1 THEN adults_using END), 0) AS adults_using,
		coalesce(sum(CASE WHEN rn = 1 THEN adults END), 0) AS adults_total,
		sum(helped) AS helped
	FROM x GROUP BY commune_code, service_code`;

const SERVICE_CODES = `SELECT code FROM services ORDER BY sort_order, code`;

export interface RecordAggregates {
	communes: CommuneRef[];
	teams: CountRow[];
	members: CountRow[];
	hamlets: HamletRow[];
	households: CountRow[];
	visits: VisitRow[];
	services: ServiceRow[];
	serviceCodes: string[];
}

/**
 * Reads every aggregate the metrics need for the period [startMs, endMs] in one D1 batch.
 * @returns rows grouped by commune code (communes without records are simply absent).
 */
export async function readAggregates(
	db: Db,
	startMs: number,
	endMs: number
): Promise<RecordAggregates> {
	const d1 = db.$client;
	const results = await runBatch(db, [
		d1.prepare(COMMUNES),
		d1.prepare(TEAMS),
		d1.prepare(MEMBERS),
		d1.prepare(HAMLETS),
		d1.prepare(HOUSEHOLDS),
		d1.prepare(VISITS).bind(startMs, endMs),
		d1.prepare(SERVICES).bind(startMs, endMs),
		d1.prepare(SERVICE_CODES)
	]);
	const rows = <T>(i: number) => (results[i]?.results ?? []) as T[];
	return {
		communes: rows<CommuneRef>(0),
		teams: rows<CountRow>(1),
		members: rows<CountRow>(2),
		hamlets: rows<HamletRow>(3),
		households: rows<CountRow>(4),
		visits: rows<VisitRow>(5),
		services: rows<ServiceRow>(6),
		serviceCodes: rows<{ code: string }>(7).map((r) => r.code)
	};
}
