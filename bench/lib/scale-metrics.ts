/**
 * The metrics work the scale benchmark measures, while the job has no per-commune entry point
 * in a commit: one commune's recompute is the committed job's aggregate reads
 * (src/lib/server/metrics/queries.ts) restricted to that commune, in one batch, with the sums
 * per service; the province roll-up reads the stored figures of its communes (area_metrics,
 * area_service_metrics) and sums them, as an incremental job does after recomputing a commune.
 */
import type { Db } from '../../src/lib/server/db/client.ts';
import { runBatch } from '../../src/lib/server/db/bulk.ts';

// ?1 period start, ?2 period end (epoch ms), ?3 province, ?4 commune; a statement that does not
// use the period still takes four parameters (SQLite counts up to the highest ?N).
const ONE = (t = '') => `${t}province_code = ?3 AND ${t}commune_code = ?4`;

const COMMUNE_READS = [
	`SELECT count(*) AS n, sum(is_demo) AS demo FROM teams WHERE ${ONE()} AND active = 1`,
	`SELECT count(*) AS n, sum(m.is_demo) AS demo FROM members m JOIN teams t ON t.id = m.team_id
		WHERE ${ONE('m.')} AND m.active = 1 AND t.active = 1`,
	`SELECT count(*) AS n, count(cv.hamlet_id) AS covered, sum(h.is_demo) AS demo FROM hamlets h
		LEFT JOIN (SELECT DISTINCT hamlet_id FROM teams WHERE ${ONE()} AND active = 1
			AND hamlet_id IS NOT NULL) cv ON cv.hamlet_id = h.id
		WHERE ${ONE('h.')}`,
	`SELECT count(*) AS n, sum(is_demo) AS demo FROM households WHERE ${ONE()}`,
	`WITH v AS (SELECT outcome, is_demo, row_number() OVER (PARTITION BY household_id
			ORDER BY visited_at DESC, id DESC) AS rn
		FROM visits WHERE ${ONE()} AND visited_at >= ?1 AND visited_at <= ?2)
	SELECT count(*) AS visits, sum(rn = 1) AS visited, sum(rn = 1 AND outcome = 'met') AS reached,
		sum(is_demo) AS demo FROM v`,
	`WITH x AS (SELECT vs.service_code, vs.adults_using, vs.helped, v.adults,
			CASE WHEN v.outcome = 'met' THEN row_number() OVER (
				PARTITION BY v.household_id, vs.service_code, v.outcome = 'met'
				ORDER BY v.visited_at DESC, v.id DESC) END AS rn
		FROM visits v JOIN visit_services vs ON vs.visit_id = v.id
		WHERE ${ONE('v.')} AND v.visited_at >= ?1 AND v.visited_at <= ?2)
	SELECT service_code AS s, coalesce(sum(CASE WHEN rn = 1 THEN adults_using END), 0) AS used,
		coalesce(sum(CASE WHEN rn = 1 THEN adults END), 0) AS total, sum(helped) AS helped
	FROM x GROUP BY service_code`
];

/** One commune's figures as the job computes them (counts and per-service sums). */
export async function recomputeCommune(
	db: Db,
	area: { provinceCode: string; communeCode: string },
	period: { start: number; end: number }
) {
	const d1 = db.$client;
	const results = await runBatch(
		db,
		COMMUNE_READS.map((q) =>
			d1.prepare(q).bind(period.start, period.end, area.provinceCode, area.communeCode)
		)
	);
	const [teams, members, hamlets, households, visits] = results.map((r) => r.results[0]);
	return { teams, members, hamlets, households, visits, services: results[5]!.results };
}

type Sums = Record<string, number>;

/** Adds the numeric fields of `row` into `into`. */
function add(into: Sums, row: Record<string, unknown>) {
	for (const [k, v] of Object.entries(row)) if (typeof v === 'number') into[k] = (into[k] ?? 0) + v;
}

/**
 * The province's figures from its communes' stored figures (one batch of two reads).
 * @returns the summed counts and the per-service sums.
 */
export async function rollUpProvince(db: Db, provinceCode: string) {
	const d1 = db.$client;
	const [areas, services] = await runBatch(db, [
		d1
			.prepare(
				`SELECT teams, members, population, hamlets, hamlets_covered, households_known,
				households_reached, households_visited, demo_records FROM area_metrics
				WHERE level = 'commune' AND province_code = ?1`
			)
			.bind(provinceCode),
		d1
			.prepare(
				`SELECT s.service_code, s.adults_using, s.adults_total, s.helped
				FROM area_metrics a JOIN area_service_metrics s
					ON s.level = a.level AND s.code = a.code
				WHERE a.level = 'commune' AND a.province_code = ?1`
			)
			.bind(provinceCode)
	]);
	const counts: Sums = {};
	for (const r of areas!.results as Record<string, unknown>[]) add(counts, r);
	const perService = new Map<string, Sums>();
	for (const r of services!.results as ({ service_code: string } & Record<string, unknown>)[]) {
		const s = perService.get(r.service_code) ?? {};
		add(s, r);
		perService.set(r.service_code, s);
	}
	return { communes: areas!.results.length, counts, perService };
}
