import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openTestDb, type TestDb } from './support/db.ts';
import { runNode } from './support/run-node.ts';
import {
	T0,
	hamlet,
	household,
	insertArea,
	insertServices,
	referenceCommunes,
	visit,
	insertHouseholdsIn
} from './support/records-factory.ts';
import { loadCommuneShapes } from '../../scripts/lib/demo-geometry.ts';
import { seedDemo, type SeedReport } from '../../src/lib/server/demo/seed.ts';
import { DemoConflictError } from '../../src/lib/server/demo/delete.ts';
import { isInside } from '../../src/lib/server/demo/geo.ts';
import { computeMetrics } from '../../src/lib/server/metrics/job.ts';
import { parseAddress } from '../../src/lib/domain/address.ts';
import { readMeta } from '../../src/lib/server/db/queries/meta.ts';
import type { ShardDb } from '../../src/lib/server/db/shards.ts';
import { insertHamlets } from '../../src/lib/server/db/writes/hamlets.ts';
import { householdStatusStatements, insertVisits } from '../../src/lib/server/db/writes/visits.ts';
import { measureShard } from '../../src/lib/server/archive/retention.ts';
import { retentionPlan } from '../../src/lib/domain/visit-retention.ts';

// Thái Nguyên (a phường, two xã), Lạng Sơn (a phường), Hà Nội, TP HCM and Đà Nẵng (a phường each).
const CODES = ['01840', '01849', '01864', '05986', '00004', '25747', '20194'];
const NOW = new Date(T0);
const shapeOf = loadCommuneShapes();

let t: TestDb;
let first: SeedReport;
beforeAll(async () => {
	t = await openTestDb();
	await insertArea(t.db, referenceCommunes(CODES));
	await insertServices(t.db);
	first = await seedDemo(t.db, { seed: 'test', now: NOW, shapeOf, shards: t.shards });
});
afterAll(() => t.close());

type Query = ReturnType<typeof sql>;
const all = <T>(q: Query) => t.db.all<T>(q);
const n = async (q: Query) => (await all<{ n: number }>(q))[0]!.n;
/** Rows of a query run on every shard (the records of the demo's provinces are spread). */
const inShards = async <T>(q: Query) =>
	(await Promise.all(t.shards.all().map((s) => s.db.all<T>(q)))).flat();
/** A count summed over every shard. */
const nShards = async (q: Query) =>
	(await inShards<{ n: number }>(q)).reduce((sum, r) => sum + r.n, 0);

describe('seedDemo', () => {
	it('seeds the selected communes through the write functions, every row marked demo', async () => {
		expect(first.communes).toBe(CODES.length);
		expect(first.provinces).toEqual(['01', '19', '20', '48', '79']);
		const c = first.counts;
		expect(c.households).toBeGreaterThan(100);
		expect(await nShards(sql`SELECT count(*) AS n FROM households WHERE is_demo = 1`)).toBe(
			c.households
		);
		expect(await nShards(sql`SELECT count(*) AS n FROM visits WHERE is_demo = 1`)).toBe(c.visits);
		expect(await nShards(sql`SELECT count(*) AS n FROM visit_services`)).toBe(c.visitServices);
		expect(await n(sql`SELECT count(*) AS n FROM members WHERE is_demo = 1`)).toBe(c.members);
		// Each shard holds only its own provinces' records, and more than one shard holds some.
		const byShard = await Promise.all(
			t.shards.all().map(async (s) => {
				const rows = await s.db.all<{ p: string }>(
					sql`SELECT DISTINCT province_code AS p FROM households`
				);
				for (const { p } of rows) expect(s.provinces).toContain(p);
				return rows.length;
			})
		);
		expect(byShard.filter((x) => x > 0).length).toBeGreaterThan(1);
		const notDemo = await n(sql`SELECT (SELECT count(*) FROM hamlets WHERE is_demo = 0)
			+ (SELECT count(*) FROM teams WHERE is_demo = 0) AS n`);
		expect(notDemo).toBe(0);
		expect(await nShards(sql`SELECT count(*) AS n FROM households WHERE is_demo = 0`)).toBe(0);
		// No record was written to the global D1's (unused) copies of the shard tables.
		expect(
			await n(sql`SELECT (SELECT count(*) FROM households) + (SELECT count(*) FROM visits)
			+ (SELECT count(*) FROM routes) AS n`)
		).toBe(0);
	});

	it('places every household inside its commune polygon, keyed by its parsed address', async () => {
		const rows = await inShards<{
			commune_code: string;
			lon: number;
			lat: number;
			address: string;
			alley_key: string;
		}>(sql`SELECT commune_code, lon, lat, address, alley_key FROM households`);
		expect(rows).toHaveLength(first.counts.households);
		for (const r of rows) {
			expect(isInside(shapeOf(r.commune_code)!, [r.lon, r.lat])).toBe(true);
			expect(r.alley_key).toBe(parseAddress(r.address).alleyKey);
		}
	});

	it('gives visits UUIDv7 ids and counts that fit the household', async () => {
		const bad =
			await nShards(sql`SELECT count(*) AS n FROM visit_services s JOIN visits v ON v.id = s.visit_id
			WHERE s.adults_using > v.adults OR s.helped > v.adults OR v.outcome <> 'met'`);
		expect(bad).toBe(0);
		const ids = await inShards<{ id: string }>(sql`SELECT id FROM visits LIMIT 50`);
		expect(ids.length).toBeGreaterThan(0);
		for (const { id } of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab]/);
	});

	it('records the seed and counts in meta', async () => {
		const fact = JSON.parse((await readMeta(t.db))['demo_seed']!);
		expect(fact).toMatchObject({
			seed: 'test',
			now: NOW.toISOString(),
			communes: 7,
			counts: first.counts
		});
	});
	it('leaves every shard room for the configured 24 months of visits (the real budget)', async () => {
		const plans = await Promise.all(
			t.shards
				.all()
				.map(async (s) => retentionPlan(await measureShard(s.db, T0), { configuredMonths: 24 }))
		);
		expect(plans.some((p) => p.visitsPerMonth > 0)).toBe(true);
		for (const p of plans) expect(p).toMatchObject({ months: 24, alarm: false });
	});

	it("plans every team's coming week in town wards with the defaults, each household once", async () => {
		expect(first.routes).toBeGreaterThan(0);
		expect(await nShards(sql`SELECT count(*) AS n FROM routes WHERE is_demo = 1`)).toBe(
			first.routes
		);
		// Teams and members are global, routes and households in the shards: joined here.
		const teams = new Map(
			(
				await all<{ id: string; hamlet_id: string | null; active: number }>(
					sql`SELECT id, hamlet_id, active FROM teams`
				)
			).map((r) => [r.id, r])
		);
		const members = new Map(
			(
				await all<{ id: string; team_id: string; active: number }>(
					sql`SELECT id, team_id, active FROM members`
				)
			).map((r) => [r.id, r])
		);
		// Stops lie in the route's team's area (its hamlet, if it has one), once each.
		const stops = await inShards<{
			team_id: string;
			hamlet_id: string | null;
			do_not_contact: number;
		}>(sql`SELECT r.team_id, h.hamlet_id, h.do_not_contact FROM route_stops s
			JOIN routes r ON r.id = s.route_id JOIN households h ON h.id = s.household_id`);
		expect(stops.length).toBeGreaterThan(0);
		const strayStops = stops.filter((s) => {
			const tm = teams.get(s.team_id);
			return (
				!tm || (tm.hamlet_id !== null && s.hamlet_id !== tm.hamlet_id) || s.do_not_contact === 1
			);
		});
		expect(strayStops).toEqual([]);
		expect(
			await nShards(sql`SELECT count(*) AS n FROM (SELECT household_id FROM route_stops
				GROUP BY household_id HAVING count(*) > 1)`)
		).toBe(0);
		// Each outing: a member of the team, a morning of the coming week, 3 hours, fitting them.
		const week = [1, 7].map((d) =>
			new Date(NOW.getTime() + d * 86_400_000).toISOString().slice(0, 10)
		);
		const routes = await inShards<{
			team_id: string;
			assignee_member_id: string | null;
			status: string;
			planned_on: string | null;
			session: string | null;
			session_minutes: number | null;
			estimated_minutes: number | null;
			flag: string | null;
			travel_mode: string;
		}>(sql`SELECT team_id, assignee_member_id, status, planned_on, session, session_minutes,
			estimated_minutes, flag, travel_mode FROM routes`);
		const badRoutes = routes.filter((r) => {
			const m = r.assignee_member_id === null ? undefined : members.get(r.assignee_member_id);
			return (
				m?.team_id !== r.team_id ||
				m.active === 0 ||
				r.status !== 'assigned' ||
				r.planned_on === null ||
				r.planned_on < week[0]! ||
				r.planned_on > week[1]! ||
				r.session !== 'morning' ||
				r.session_minutes !== 180 ||
				((r.estimated_minutes ?? 0) > 180 && r.flag === null) ||
				r.travel_mode !== 'foot'
			);
		});
		expect(badRoutes).toEqual([]);
		// A hamlet team's households to visit are all planned (the week has room for them).
		const routed = new Set(routes.map((r) => r.team_id));
		const plannedHamlets = new Set(
			[...teams.values()]
				.filter((tm) => tm.active === 1 && tm.hamlet_id !== null && routed.has(tm.id))
				.map((tm) => tm.hamlet_id)
		);
		const unplanned = await inShards<{ id: string; hamlet_id: string }>(
			sql`SELECT id, hamlet_id FROM households WHERE do_not_contact = 0 AND hamlet_id IS NOT NULL
				AND id NOT IN (SELECT household_id FROM route_stops)`
		);
		expect(unplanned.filter((h) => plannedHamlets.has(h.hamlet_id))).toEqual([]);
	});
});

describe('re-seeding', () => {
	it('replaces demo rows without duplicates and keeps real rows', async () => {
		const real = { provinceCode: '19', communeCode: '01849' };
		const h = hamlet(real, { name: 'Xóm Thật' });
		await insertHamlets(t.db, [h]);
		await insertHouseholdsIn(t, [household(real, { hamletId: h.id })]);
		const demoIds = async () =>
			(await inShards<{ id: string }>(sql`SELECT id FROM households WHERE is_demo = 1`))
				.map((r) => r.id)
				.sort();
		const before = await demoIds();
		expect(before).toHaveLength(first.counts.households);
		const again = await seedDemo(t.db, { seed: 'test', now: NOW, shapeOf, shards: t.shards });
		expect(again.counts).toEqual(first.counts);
		expect(again.deleted.households).toBe(first.counts.households);
		expect(await demoIds()).toEqual(before);
		expect(await nShards(sql`SELECT count(*) AS n FROM households WHERE is_demo = 0`)).toBe(1);
		expect(await n(sql`SELECT count(*) AS n FROM hamlets WHERE is_demo = 0`)).toBe(1);
	});

	it('also clears demo records a database from before the split left in the global tables', async () => {
		// As a local database made before the shards holds them: a demo household of a demo hamlet
		// in the global D1's own households table (it keeps the hamlet from being deleted).
		const [h] = await all<{ id: string }>(sql`SELECT id FROM hamlets WHERE is_demo = 1 LIMIT 1`);
		await t.db.run(sql`INSERT INTO households (id, province_code, commune_code, hamlet_id, address,
			address_key, alley_key, location_status, adults, is_demo, created_at)
			SELECT 'old-demo-hh', province_code, commune_code, id, 'Số 1', 'k', 'k', 'needs_check', 2, 1, 0
			FROM hamlets WHERE id = ${h!.id}`);
		const again = await seedDemo(t.db, { seed: 'test', now: NOW, shapeOf, shards: t.shards });
		expect(again.deleted.households).toBe(first.counts.households + 1);
		expect(await n(sql`SELECT count(*) AS n FROM households`)).toBe(0);
		expect(again.counts).toEqual(first.counts);
	});

	it('refuses, deleting nothing, while a real visit points at a demo household', async () => {
		// Lạng Sơn (20): not the first shard the check reads.
		const shard = t.shard('20');
		const [hh] = await shard.all<{ id: string; provinceCode: string; communeCode: string }>(
			sql`SELECT id, province_code AS provinceCode, commune_code AS communeCode
				FROM households WHERE is_demo = 1 LIMIT 1`
		);
		const scope = { provinceCode: hh!.provinceCode, communeCode: hh!.communeCode };
		const real = visit(scope, hh!.id, 1, { outcome: 'not_home' });
		await insertVisits(t.db, shard, [real], { now: T0 });
		const count = await nShards(sql`SELECT count(*) AS n FROM households WHERE is_demo = 1`);
		const members = await n(sql`SELECT count(*) AS n FROM members WHERE is_demo = 1`);
		await expect(
			seedDemo(t.db, { seed: 'test', now: NOW, shapeOf, shards: t.shards })
		).rejects.toBeInstanceOf(DemoConflictError);
		expect(await nShards(sql`SELECT count(*) AS n FROM households WHERE is_demo = 1`)).toBe(count);
		expect(await n(sql`SELECT count(*) AS n FROM members WHERE is_demo = 1`)).toBe(members);
		await removeVisit(shard, real.id, hh!.id);
	});

	it('keeps the demo as it is in one line when `npm start` finds it in use, and goes on', async () => {
		const shard = t.shard('19');
		const [hh] = await shard.all<{ id: string; provinceCode: string; communeCode: string }>(
			sql`SELECT id, province_code AS provinceCode, commune_code AS communeCode
				FROM households WHERE is_demo = 1 AND province_code = '19' LIMIT 1`
		);
		const scope = { provinceCode: hh!.provinceCode, communeCode: hh!.communeCode };
		const real = visit(scope, hh!.id, 2, { outcome: 'not_home' });
		await insertVisits(t.db, shard, [real], { now: T0 });
		// The script runs on a copy: two local D1 runtimes must not share one folder.
		const copy = mkdtempSync(join(tmpdir(), 'tung-ngo-d1-seed-'));
		try {
			cpSync(t.persistTo, copy, { recursive: true });
			// Asynchronously: a blocked event loop would let the test's own D1 connection drop.
			const run = await runNode(['scripts/seed-demo.ts', '--keep-if-in-use'], {
				TUNG_NGO_PERSIST_DIR: copy
			});
			expect(run.status, run.stderr).toBe(0);
			expect(run.stdout.trim()).toBe(
				'Demo data kept as it is: it is in use by real records (1 real visits to demo households); nothing was deleted.'
			);
		} finally {
			rmSync(copy, { recursive: true, force: true });
		}
		await removeVisit(shard, real.id, hh!.id);
	});
});

/** Takes a test's visit back out, with its household's status (as if it was never written). */
async function removeVisit(shard: ShardDb, id: string, householdId: string) {
	await shard.$client.batch([
		shard.$client.prepare('DELETE FROM visits WHERE id = ?').bind(id),
		...householdStatusStatements(shard, [{ householdId, outcome: '' }])
	]);
}

describe('metrics after seeding', () => {
	it('computes households reached from the records, as an independent query counts them', async () => {
		const report = await computeMetrics(t.db, { now: NOW, shards: t.shards });
		const start = Date.parse(report.period.start);
		// Households and visits per shard, the communes from the global D1.
		const reached = new Map(
			(
				await inShards<{ code: string; reached: number }>(sql`
			SELECT h.commune_code AS code, count(*) AS reached FROM households h WHERE (
				SELECT v.outcome FROM visits v WHERE v.household_id = h.id
					AND v.visited_at BETWEEN ${start} AND ${T0}
				ORDER BY v.visited_at DESC, v.id DESC LIMIT 1) = 'met'
			GROUP BY h.commune_code`)
			).map((r) => [r.code, r.reached])
		);
		const codes = await all<{ code: string }>(sql`SELECT code FROM communes ORDER BY code`);
		const expected = codes.map(({ code }) => ({ code, reached: reached.get(code) ?? 0 }));
		const got = await all<{ code: string; reached: number }>(
			sql`SELECT code, households_reached AS reached FROM area_metrics WHERE level = 'commune' ORDER BY code`
		);
		expect(got).toEqual(expected);
		expect(expected.reduce((s, r) => s + r.reached, 0)).toBeGreaterThan(0);
		const demo = await n(sql`SELECT demo_records AS n FROM area_metrics WHERE level = 'country'`);
		expect(demo).toBeGreaterThan(first.counts.households);
	});
});
