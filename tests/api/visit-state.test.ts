/**
 * The visit state the metrics job reads (migrations/0012) against the real local D1: each
 * household's services state (kept with its status by every visit write) and, per commune and
 * day, the visits, people helped and adoption sums (kept by triggers). After syncs out of order, an erasure,
 * the archive and a restore, a deletion by hand and the demo cleanup, it equals what the visits
 * themselves say; and the commune's figures computed from it equal the figures counted over
 * every visit of the period.
 */
import { describe, expect, it } from 'vitest';
import type { TestDb } from './support/db.ts';
import { useSeededDb } from './support/seeded-db.ts';
import { AREAS, shardOf } from './support/accounts-factory.ts';
import {
	DAY,
	T0,
	household,
	insertHouseholdsIn,
	insertVisitsIn,
	visitId
} from './support/records-factory.ts';
import { runBatch } from '../../src/lib/server/db/bulk.ts';
import { householdStatusStatements } from '../../src/lib/server/db/writes/visits.ts';
import { eraseHouseholdStatements } from '../../src/lib/server/privacy/erase.ts';
import {
	archiveCutoff,
	archiveVisits,
	restoreMonth,
	vnMonth
} from '../../src/lib/server/archive/visits.ts';
import { deleteDemoData } from '../../src/lib/server/demo/delete.ts';
import { computeMetrics } from '../../src/lib/server/metrics/job.ts';
import { twelveMonthsTo, vnDayNumber } from '../../src/lib/server/metrics/period.ts';
import { SERVICE_CODES } from '../../src/lib/domain/services.ts';
import type { VisitInput } from '../../src/lib/server/db/schema/visits.input.ts';
import type { VisitOutcome } from '../../src/lib/domain/choices.ts';

let t: TestDb;
const A = AREAS.own;
const OUTCOMES: VisitOutcome[] = ['met', 'met', 'met', 'not_home', 'refused', 'moved'];
const RETENTION_MONTHS = 24;
let demoIds: string[] = [];

/** A small deterministic generator (the same histories on every run). */
function random(seed: number) {
	let s = seed;
	return (n: number) => {
		s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
		return s % n;
	};
}

/** Visit histories over 900 days: met visits ask about some services; some share a time. */
function histories(ids: string[], isDemo: boolean, seed: number): VisitInput[] {
	const r = random(seed);
	return ids.flatMap((householdId, k) => {
		const times = Array.from({ length: 1 + r(6) }, () => T0 - r(900) * DAY - r(86_400) * 1000);
		if (k % 5 === 0) times.push(times[0]!); // two visits at the same instant: the id decides
		return times.map((at) => {
			const outcome = OUTCOMES[r(OUTCOMES.length)]!;
			const adults = 1 + r(5);
			const services =
				outcome === 'met'
					? SERVICE_CODES.filter(() => r(2) === 0).map((serviceCode) => ({
							serviceCode,
							adultsUsing: r(adults + 1),
							helped: r(2)
						}))
					: [];
			return {
				id: visitId(at),
				...A,
				householdId,
				visitedAt: at,
				receivedAt: at + 60_000,
				outcome,
				adults,
				peopleHelped: services.reduce((n, s) => n + s.helped, 0),
				services,
				isDemo
			};
		});
	});
}

useSeededDb(async (db) => {
	t = db;
	const real = Array.from({ length: 40 }, (_, i) => household(A, { address: `Số ${i + 1}` }));
	const demo = Array.from({ length: 10 }, (_, i) =>
		household(A, { address: `Số ${i + 1}, ngõ 9`, isDemo: true })
	);
	await insertHouseholdsIn(t, [...real, ...demo]);
	demoIds = demo.map((h) => h.id!);
	const visits = [
		...histories(
			real.map((h) => h.id!),
			false,
			7
		),
		...histories(demoIds, true, 11)
	];
	// newest first, over four syncs: every household's visits arrive out of order
	const late = [...visits].sort((a, b) => b.visitedAt - a.visitedAt);
	for (let i = 0; i < 4; i++)
		await insertVisitsIn(
			t,
			late.filter((_, j) => j % 4 === i),
			{ now: T0 }
		);
});

type Row = Record<string, unknown>;
const rows = async (text: string) => (await shardOf(t).$client.prepare(text).all<Row>()).results;

type State = Record<string, [number, number, number]>;

/**
 * The state as kept, and as the visits say it (rows with nothing left are not compared). Service
 * states older than `since` are left out: the archive leaves them, as it leaves a household's
 * latest visit, and they are outside every period the figures read.
 */
async function stateBothWays(since = 0) {
	const recent = (state: State) =>
		Object.fromEntries(Object.entries(state).filter(([, [at]]) => at >= since));
	const sinceDay = vnDayNumber(since);
	const households = await rows(`SELECT id, services_state FROM households ORDER BY id`);
	const latest = await rows(`SELECT household_id, service_code, visited_at, adults_using, adults
		FROM (SELECT v.household_id, vs.service_code, v.visited_at, vs.adults_using, v.adults,
				row_number() OVER (PARTITION BY v.household_id, vs.service_code
					ORDER BY v.visited_at DESC, v.id DESC) AS rn
			FROM visits v JOIN visit_services vs ON vs.visit_id = v.id WHERE v.outcome = 'met')
		WHERE rn = 1`);
	const said = new Map<unknown, State>();
	for (const r of latest)
		said.set(r['household_id'], {
			...said.get(r['household_id']),
			[String(r['service_code'])]: [
				r['visited_at'],
				r['adults_using'],
				r['adults']
			] as State[string]
		});
	const kept = {
		services: households.map((h) => [
			h['id'],
			recent(JSON.parse(String(h['services_state'] ?? '{}')) as State)
		]),
		days: await rows(`SELECT province_code, commune_code, day, visits, demo_visits
			FROM commune_days WHERE visits <> 0 ORDER BY 1, 2, 3`),
		helped: await rows(`SELECT province_code, commune_code, day, service_code, helped
			FROM commune_service_days WHERE helped <> 0 ORDER BY 1, 2, 3, 4`),
		adoption: await rows(`SELECT province_code, commune_code, day, service_code, adults_using,
				adults FROM commune_service_days
			WHERE (adults_using <> 0 OR adults <> 0) AND day >= ${sinceDay} ORDER BY 1, 2, 3, 4`)
	};
	const fromVisits = {
		services: households.map((h) => [h['id'], recent(said.get(h['id']) ?? {})]),
		days: await rows(`SELECT province_code, commune_code,
				(visited_at + 25200000) / 86400000 AS day, count(*) AS visits, sum(is_demo) AS demo_visits
			FROM visits GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`),
		helped: await rows(`SELECT * FROM (SELECT v.province_code, v.commune_code,
				(v.visited_at + 25200000) / 86400000 AS day, vs.service_code, sum(vs.helped) AS helped
			FROM visits v JOIN visit_services vs ON vs.visit_id = v.id GROUP BY 1, 2, 3, 4)
			WHERE helped <> 0 ORDER BY 1, 2, 3, 4`),
		adoption: await rows(`SELECT province_code, commune_code,
				(visited_at + 25200000) / 86400000 AS day, service_code, sum(adults_using) AS adults_using,
				sum(adults) AS adults
			FROM (SELECT v.province_code, v.commune_code, vs.service_code, v.visited_at,
					vs.adults_using, v.adults, row_number() OVER (PARTITION BY v.household_id,
						vs.service_code ORDER BY v.visited_at DESC, v.id DESC) AS rn
				FROM visits v JOIN visit_services vs ON vs.visit_id = v.id WHERE v.outcome = 'met')
			WHERE rn = 1 AND (visited_at + 25200000) / 86400000 >= ${sinceDay}
			GROUP BY 1, 2, 3, 4 HAVING sum(adults_using) <> 0 OR sum(adults) <> 0
			ORDER BY 1, 2, 3, 4`)
	};
	return { kept, fromVisits };
}

/** The commune's figures as the metrics job stored them. */
async function stored() {
	await computeMetrics(t.db, { now: new Date(T0), shards: t.shards });
	const area = await t.db.$client
		.prepare(
			`SELECT households_visited AS visited, households_reached AS reached,
				demo_records AS demo FROM area_metrics WHERE level = 'commune' AND code = ?1`
		)
		.bind(A.communeCode)
		.first<Row>();
	const services = await t.db.$client
		.prepare(
			`SELECT service_code AS s, adults_using, adults_total, helped FROM area_service_metrics
			WHERE level = 'commune' AND code = ?1 ORDER BY 1`
		)
		.bind(A.communeCode)
		.all<Row>();
	return { area, services: services.results };
}

/** The same figures counted over every visit of the period (the job's definition). */
async function countedFromVisits() {
	const { start } = twelveMonthsTo(new Date(T0));
	const period = `visited_at >= ${start.getTime()} AND visited_at <= ${T0}`;
	const [visits] = await rows(`SELECT coalesce(sum(rn = 1), 0) AS visited,
			coalesce(sum(rn = 1 AND outcome = 'met'), 0) AS reached
		FROM (SELECT outcome, row_number() OVER (PARTITION BY household_id
			ORDER BY visited_at DESC, id DESC) AS rn FROM visits WHERE ${period})`);
	const [records] = await rows(`SELECT
		(SELECT count(*) FROM households WHERE is_demo = 1)
		+ (SELECT count(*) FROM visits WHERE is_demo = 1 AND ${period}) AS demo`);
	const services = await rows(`SELECT vs.service_code AS s,
			coalesce(sum(CASE WHEN rn = 1 THEN adults_using END), 0) AS adults_using,
			coalesce(sum(CASE WHEN rn = 1 THEN adults END), 0) AS adults_total, sum(helped) AS helped
		FROM (SELECT vs.service_code, vs.adults_using, vs.helped, v.adults,
			CASE WHEN v.outcome = 'met' THEN row_number() OVER (
				PARTITION BY v.household_id, vs.service_code, v.outcome = 'met'
				ORDER BY v.visited_at DESC, v.id DESC) END AS rn
			FROM visits v JOIN visit_services vs ON vs.visit_id = v.id WHERE v.${period}) AS vs
		GROUP BY vs.service_code`);
	const byCode = new Map(services.map((s) => [s['s'], s]));
	return {
		area: { ...visits, ...records },
		services: SERVICE_CODES.map(
			(s) => byCode.get(s) ?? { s, adults_using: 0, adults_total: 0, helped: 0 }
		).sort((a, b) => String(a['s']).localeCompare(String(b['s'])))
	};
}

async function expectConsistent(since = 0) {
	const { kept, fromVisits } = await stateBothWays(since);
	expect(kept.services).toEqual(fromVisits.services);
	expect(kept.days).toEqual(fromVisits.days);
	expect(kept.helped).toEqual(fromVisits.helped);
	expect(kept.adoption).toEqual(fromVisits.adoption);
	expect(await stored()).toEqual(await countedFromVisits());
	return fromVisits;
}

describe('the visit state', () => {
	it('equals what the visits say after syncs out of order, and gives the same figures', async () => {
		const state = await expectConsistent();
		// the histories reach every case: several services, demo visits, figures in the period
		const states = state.services.flatMap(([, st]) => Object.keys(st as State));
		expect(states.length).toBeGreaterThan(60);
		expect(state.days.some((d) => Number(d['demo_visits']) > 0)).toBe(true);
		const { area } = await stored();
		expect(Number(area!['reached'])).toBeGreaterThan(5);
	});

	it('follows an erased household to its anonymous placeholder', async () => {
		const shard = shardOf(t);
		const withState = await rows(`SELECT id FROM households WHERE is_demo = 0
			AND services_state <> '{}' ORDER BY id LIMIT 3`);
		const erased = withState.map((r) => String(r['id']));
		for (const id of erased)
			await runBatch(shard, eraseHouseholdStatements(shard, id, crypto.randomUUID(), T0));
		const placeholders = await rows(`SELECT count(*) AS n FROM households
			WHERE erased_at IS NOT NULL AND services_state <> '{}'`);
		expect(placeholders).toEqual([{ n: 3 }]);
		await expectConsistent();
	});

	it('loses the archived months and takes a restored month back', async () => {
		const r = await archiveVisits(shardOf(t), t.archive, {
			now: T0,
			months: RETENTION_MONTHS,
			maxMonths: 100
		});
		expect(r.visits).toBeGreaterThan(10);
		const cutoff = archiveCutoff(T0, RETENTION_MONTHS);
		await expectConsistent(cutoff);
		const month = r.months[0]!;
		const back = await restoreMonth(t.db, shardOf(t), t.archive, month);
		expect(back.restored).toBeGreaterThan(0);
		expect(vnMonth(T0 - 900 * DAY) <= month.month).toBe(true);
		await expectConsistent(cutoff);
	});

	it('follows a deletion by hand of some households’ latest visits', async () => {
		// No app path deletes a household's latest visit and keeps older ones.
		const latest = await rows(`SELECT household_id, max(id) AS visit_id FROM visits
			WHERE outcome = 'met' GROUP BY household_id LIMIT 8`);
		const ids = JSON.stringify(latest.map((r) => r['visit_id']));
		const shard = shardOf(t);
		const d1 = shard.$client;
		const inIds = (table: string, column: string) =>
			d1
				.prepare(`DELETE FROM ${table} WHERE ${column} IN (SELECT value FROM json_each(?))`)
				.bind(ids);
		await d1.batch([
			inIds('visit_services', 'visit_id'),
			inIds('visits', 'id'),
			// as a write would: the households' latest visit is another one now
			...householdStatusStatements(
				shard,
				latest.map((r) => ({ householdId: String(r['household_id']), outcome: '' }))
			)
		]);
		await expectConsistent(archiveCutoff(T0, RETENTION_MONTHS));
	});

	it('drops the demo households’ state with the demo cleanup', async () => {
		await deleteDemoData(t.db, t.shards);
		const left = await rows(`SELECT count(*) AS n FROM households
			WHERE id IN ('${demoIds.join("','")}')`);
		expect(left).toEqual([{ n: 0 }]);
		const state = await expectConsistent(archiveCutoff(T0, RETENTION_MONTHS));
		expect(state.days.every((d) => Number(d['demo_visits']) === 0)).toBe(true);
	});
});
