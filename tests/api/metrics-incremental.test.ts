/**
 * The incremental metrics job (issue 15): writes mark their commune (triggers), a run
 * recomputes only the marked communes and their provinces, within a Worker invocation's limits,
 * and ends where a full rebuild ends.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openTestDb, type TestDb } from './support/db.ts';
import {
	T0,
	hamlet,
	household,
	insertArea,
	insertServices,
	member,
	team,
	visit,
	type CommuneSpec,
	insertHouseholdsIn
} from './support/records-factory.ts';
import { insertHamlets } from '../../src/lib/server/db/writes/hamlets.ts';
import { insertMembers, insertTeams } from '../../src/lib/server/db/writes/teams.ts';
import { insertVisits } from '../../src/lib/server/db/writes/visits.ts';
import {
	computeMetrics,
	recomputeCommunes,
	requestFullRebuild,
	runMetrics,
	RUN_LIMITS,
	REFRESH_AFTER_MS
} from '../../src/lib/server/metrics/job.ts';
import { readCommuneAggregates } from '../../src/lib/server/metrics/queries.ts';
import { communeTotals } from '../../src/lib/server/metrics/roll-up.ts';
import { writeCommunes } from '../../src/lib/server/metrics/store.ts';
import { readMeta } from '../../src/lib/server/db/queries/meta.ts';
import type { AnyDb } from '../../src/lib/server/db/client.ts';

const A = { provinceCode: '19', communeCode: '05923' };
const B = { provinceCode: '19', communeCode: '05926' };
const C = { provinceCode: '20', communeCode: '06040' };
/** Enough communes that a full rebuild needs several runs. */
const FILLERS: CommuneSpec[] = Array.from({ length: 650 }, (_, i) => ({
	code: String(90_000 + i),
	provinceCode: i % 2 ? '33' : '31',
	population: 1_000,
	populationUsable: true
}));
const ALL = 3 + FILLERS.length;
const HOUR = 3_600_000;

let t: TestDb;
beforeAll(async () => {
	t = await openTestDb();
	await insertArea(t.db, [
		{ code: A.communeCode, provinceCode: '19', population: 12_000, populationUsable: true },
		{ code: B.communeCode, provinceCode: '19', population: 8_000, populationUsable: true },
		{ code: C.communeCode, provinceCode: '20', population: 5_000, populationUsable: true },
		...FILLERS
	]);
	await insertServices(t.db);
	await computeMetrics(t.db, { now: new Date(T0), shards: t.shards });
}, 180_000);
afterAll(() => t.close());

const MARKS = sql`SELECT commune_code AS c FROM metrics_dirty ORDER BY commune_code`;
/** The marks of one database: the global D1 (team, member, hamlet, commune writes) or a shard. */
const marksIn = async (d: AnyDb) => (await d.all<{ c: string }>(MARKS)).map((r) => r.c);
/** The communes marked anywhere: the global metrics_dirty and every shard's (records' marks). */
const marks = async () => {
	const all = await Promise.all([t.db, ...t.shards.all().map((s) => s.db)].map(marksIn));
	return [...new Set(all.flat())].sort();
};
/** Clears the marks of every database. */
const clearMarks = async () => {
	for (const d of [t.db, ...t.shards.all().map((s) => s.db)]) {
		await d.run(sql`DELETE FROM metrics_dirty`);
	}
};
const row = async (code: string) =>
	(await t.d1
		.prepare('SELECT * FROM area_metrics WHERE code = ?')
		.bind(code)
		.first<Record<string, number>>())!;
/** Every stored figure except when it was computed. */
const figures = async () =>
	(
		await t.d1
			.prepare(
				`SELECT a.level, a.code, a.teams, a.members, a.population, a.hamlets, a.hamlets_covered,
					a.households_known, a.households_reached, a.households_visited, a.demo_records,
					group_concat(s.service_code || ':' || s.adults_using || '/' || s.adults_total || '/' || s.helped)
					AS services
				FROM area_metrics a LEFT JOIN (SELECT * FROM area_service_metrics ORDER BY service_code) s
					ON s.level = a.level AND s.code = a.code
				GROUP BY a.level, a.code ORDER BY a.level, a.code`
			)
			.all()
	).results;

describe('marks: every write to a record table marks its commune', () => {
	it('marks the commune of a new team, member, hamlet, household and visit, and nothing else', async () => {
		expect(await marks()).toEqual([]);
		const h = hamlet(B);
		await insertHamlets(t.db, [h]);
		expect(await marks()).toEqual([B.communeCode]);
		const tm = team(A, { hamletId: null });
		await insertTeams(t.db, [tm]);
		await insertMembers(t.db, [member(A, tm.id)]);
		expect(await marksIn(t.db)).toEqual([A.communeCode, B.communeCode]);
		const hh = household(C, { adults: 2 });
		await insertHouseholdsIn(t, [hh]);
		const shardC = t.shard(C.provinceCode);
		await insertVisits(t.db, shardC, [visit(C, hh.id, 3, { adults: 2 })], { now: T0 });
		expect(await marks()).toEqual([A.communeCode, B.communeCode, C.communeCode]);
		// Records mark their commune in their province's shard, never in the global D1.
		expect(await marksIn(shardC)).toEqual([C.communeCode]);
		expect(await marksIn(t.db)).toEqual([A.communeCode, B.communeCode]);
	});

	it('marks both communes when a record moves, and a commune whose population changes', async () => {
		await clearMarks();
		await t.d1
			.prepare(`UPDATE teams SET commune_code = ? WHERE commune_code = ?`)
			.bind(B.communeCode, A.communeCode)
			.run();
		expect(await marks()).toEqual([A.communeCode, B.communeCode]);
		await clearMarks();
		await t.d1
			.prepare(`UPDATE communes SET population = 9000 WHERE code = ?`)
			.bind(C.communeCode)
			.run();
		expect(await marks()).toEqual([C.communeCode]);
		// Put the team back (marks A and B again) for the next tests.
		await t.d1
			.prepare(`UPDATE teams SET commune_code = ? WHERE commune_code = ? AND hamlet_id IS NULL`)
			.bind(A.communeCode, B.communeCode)
			.run();
	});
});

describe('runMetrics: only the marked communes, their provinces and the country', () => {
	it('recomputes the marked communes, clears their marks and leaves the others as they were', async () => {
		const filler = await row(FILLERS[0]!.code);
		const before = await readMeta(t.db);
		const r = await runMetrics(t.db, { now: new Date(T0 + 60_000), shards: t.shards });
		expect(r.communes).toEqual({ marked: 3, refreshed: 0, missing: 0 });
		expect(r.provinces).toBe(2);
		expect(r.remaining).toBe(0);
		expect(await marks()).toEqual([]);
		expect((await row(C.communeCode)).households_known).toBe(1);
		expect((await row(C.communeCode)).households_visited).toBe(1);
		expect((await row(A.communeCode)).teams).toBe(1);
		expect((await row(B.communeCode)).hamlets).toBe(1);
		expect((await row('20')).households_known).toBe(1);
		expect((await row('19')).teams).toBe(1);
		expect((await row('VN')).households_known).toBe(1);
		expect((await row('VN')).population).toBe(12_000 + 8_000 + 9_000 + FILLERS.length * 1_000);
		// Untouched communes keep their row and its time.
		expect(await row(FILLERS[0]!.code)).toEqual(filler);
		const after = await readMeta(t.db);
		expect(after['metrics_computed_at']).not.toBe(before['metrics_computed_at']);
	});

	it('writes nothing when nothing changed (the public version stays)', async () => {
		const before = await readMeta(t.db);
		const r = await runMetrics(t.db, { now: new Date(T0 + 120_000), shards: t.shards });
		expect(r.communes).toEqual({ marked: 0, refreshed: 0, missing: 0 });
		expect(r.provinces).toBe(0);
		expect(await readMeta(t.db)).toEqual(before);
	});

	it('keeps a mark made by a write after the figures were read', async () => {
		const hh = household(A, { adults: 1 });
		await insertHouseholdsIn(t, [hh]);
		const chunk = { provinceCodes: [A.provinceCode], communeCodes: [A.communeCode] };
		const shard = t.shard(A.provinceCode);
		const read = await readCommuneAggregates(t.db, shard, chunk, T0 - 365 * 86_400_000, T0);
		// The household's mark is in its shard; the global D1 has none for A.
		expect(read.shardMarks).toHaveLength(1);
		expect(read.marks).toEqual([]);
		// A second household arrives between the read and the write of the figures.
		await insertHouseholdsIn(t, [household(A, { adults: 1 })]);
		const period = { start: new Date(T0 - 1).toISOString(), end: new Date(T0).toISOString() };
		const seen = { global: read.marks, shard: read.shardMarks };
		await writeCommunes(t.db, shard, communeTotals(read, ['vneid']), seen, period, T0);
		expect(await marks()).toEqual([A.communeCode]);
		await runMetrics(t.db, { now: new Date(T0 + 180_000), shards: t.shards });
		expect(await marks()).toEqual([]);
		expect((await row(A.communeCode)).households_known).toBe(2);
	});

	it('recomputes a given commune on demand and leaves the other marks for the next run', async () => {
		await insertHouseholdsIn(t, [household(A, { adults: 1 }), household(C, { adults: 1 })]);
		const r = await recomputeCommunes(t.db, [C.communeCode], new Date(T0 + 200_000), t.shards);
		expect(r.communes.marked).toBe(1);
		expect((await row(C.communeCode)).households_known).toBe(2);
		expect((await row(A.communeCode)).households_known).toBe(2);
		expect(await marks()).toEqual([A.communeCode]);
		await runMetrics(t.db, { now: new Date(T0 + 210_000), shards: t.shards });
		expect((await row(A.communeCode)).households_known).toBe(3);
	});
});

describe('limits and full rebuilds', () => {
	it('splits a full rebuild over runs of at most 300 communes and 1,000 D1 statements', async () => {
		await requestFullRebuild(t.db, T0);
		expect(await marks()).toHaveLength(ALL);
		const runs = [];
		let r;
		do {
			r = await runMetrics(t.db, { now: new Date(T0 + 240_000), shards: t.shards });
			runs.push(r);
		} while (r.remaining > 0 && runs.length < 10);
		expect(runs.map((x) => x.communes.marked)).toEqual([300, 300, ALL - 600]);
		expect(runs.map((x) => x.remaining)).toEqual([ALL - 300, ALL - 600, 0]);
		for (const x of runs) expect(x.statements).toBeLessThanOrEqual(1_000);
		expect(await marks()).toEqual([]);
		console.log(
			`full rebuild of ${ALL} communes: ${runs.length} runs, statements per run ${runs.map((x) => x.statements).join(', ')}, ${runs.map((x) => x.elapsedMs).join(', ')} ms`
		);
	}, 60_000);

	it('refreshes a few aged communes per run even without a change (the window moves)', async () => {
		const later = new Date(T0 + 240_000 + REFRESH_AFTER_MS + HOUR);
		const r = await runMetrics(t.db, { now: later, shards: t.shards });
		expect(r.communes).toEqual({ marked: 0, refreshed: RUN_LIMITS.refresh, missing: 0 });
	});

	it('ends where a full rebuild ends, after writes of every kind', async () => {
		const hh = household(B, { adults: 3 });
		await insertHouseholdsIn(t, [hh]);
		const now = T0 + 300_000;
		await insertVisits(
			t.db,
			t.shard(B.provinceCode),
			[
				visit(B, hh.id, 2, {
					peopleHelped: 1,
					adults: 3,
					services: [{ serviceCode: 'vneid', adultsUsing: 2, helped: 1 }]
				})
			],
			{ now }
		);
		await t.d1
			.prepare(`UPDATE members SET active = 0 WHERE commune_code = ?`)
			.bind(A.communeCode)
			.run();
		await t.d1.prepare(`DELETE FROM hamlets WHERE commune_code = ?`).bind(B.communeCode).run();
		await runMetrics(t.db, { now: new Date(now), shards: t.shards });
		const incremental = await figures();
		await computeMetrics(t.db, { now: new Date(now), shards: t.shards });
		expect(await figures()).toEqual(incremental);
		expect(incremental.find((x) => x['code'] === B.communeCode)).toMatchObject({
			households_known: 1,
			households_reached: 1,
			hamlets: 0
		});
	}, 60_000);
});
