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
	visit
} from './support/records-factory.ts';
import { oneShard } from './support/shards.ts';
import { loadCommuneShapes } from '../../scripts/lib/demo-geometry.ts';
import { seedDemo, type SeedReport } from '../../src/lib/server/demo/seed.ts';
import { DemoConflictError } from '../../src/lib/server/demo/delete.ts';
import { isInside } from '../../src/lib/server/demo/geo.ts';
import { computeMetrics } from '../../src/lib/server/metrics/job.ts';
import { parseAddress } from '../../src/lib/domain/address.ts';
import { readMeta } from '../../src/lib/server/db/queries/meta.ts';
import { insertHamlets } from '../../src/lib/server/db/writes/hamlets.ts';
import { insertHouseholds } from '../../src/lib/server/db/writes/households.ts';
import { insertVisits } from '../../src/lib/server/db/writes/visits.ts';

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
	first = await seedDemo(t.db, { seed: 'test', now: NOW, shapeOf });
});
afterAll(() => t.close());

const all = <T>(q: ReturnType<typeof sql>) => t.db.all<T>(q);
const n = async (q: ReturnType<typeof sql>) => (await all<{ n: number }>(q))[0]!.n;

describe('seedDemo', () => {
	it('seeds the selected communes through the write functions, every row marked demo', async () => {
		expect(first.communes).toBe(CODES.length);
		expect(first.provinces).toEqual(['01', '19', '20', '48', '79']);
		const c = first.counts;
		expect(c.households).toBeGreaterThan(100);
		expect(await n(sql`SELECT count(*) AS n FROM households WHERE is_demo = 1`)).toBe(c.households);
		expect(await n(sql`SELECT count(*) AS n FROM visits WHERE is_demo = 1`)).toBe(c.visits);
		expect(await n(sql`SELECT count(*) AS n FROM visit_services`)).toBe(c.visitServices);
		expect(await n(sql`SELECT count(*) AS n FROM members WHERE is_demo = 1`)).toBe(c.members);
		const notDemo = await n(sql`SELECT (SELECT count(*) FROM hamlets WHERE is_demo = 0)
			+ (SELECT count(*) FROM teams WHERE is_demo = 0) + (SELECT count(*) FROM households WHERE is_demo = 0) AS n`);
		expect(notDemo).toBe(0);
	});

	it('places every household inside its commune polygon, keyed by its parsed address', async () => {
		const rows = await all<{
			commune_code: string;
			lon: number;
			lat: number;
			address: string;
			alley_key: string;
		}>(sql`SELECT commune_code, lon, lat, address, alley_key FROM households`);
		for (const r of rows) {
			expect(isInside(shapeOf(r.commune_code)!, [r.lon, r.lat])).toBe(true);
			expect(r.alley_key).toBe(parseAddress(r.address).alleyKey);
		}
	});

	it('gives visits UUIDv7 ids and counts that fit the household', async () => {
		const bad =
			await n(sql`SELECT count(*) AS n FROM visit_services s JOIN visits v ON v.id = s.visit_id
			WHERE s.adults_using > v.adults OR s.helped > v.adults OR v.outcome <> 'met'`);
		expect(bad).toBe(0);
		const ids = await all<{ id: string }>(sql`SELECT id FROM visits LIMIT 50`);
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
	it("plans every team's coming week in town wards with the defaults, each household once", async () => {
		expect(first.routes).toBeGreaterThan(0);
		expect(await n(sql`SELECT count(*) AS n FROM routes WHERE is_demo = 1`)).toBe(first.routes);
		// Stops lie in the route's team's area (its hamlet, if it has one), once each.
		expect(
			await n(sql`SELECT count(*) AS n FROM route_stops s JOIN routes r ON r.id = s.route_id
				JOIN teams t ON t.id = r.team_id JOIN households h ON h.id = s.household_id
				WHERE (t.hamlet_id IS NOT NULL AND h.hamlet_id IS NOT t.hamlet_id) OR h.do_not_contact = 1`)
		).toBe(0);
		expect(
			await n(sql`SELECT count(*) AS n FROM (SELECT household_id FROM route_stops
				GROUP BY household_id HAVING count(*) > 1)`)
		).toBe(0);
		// Each outing: a member of the team, a morning of the coming week, 3 hours, fitting them.
		const week = [1, 7].map((d) =>
			new Date(NOW.getTime() + d * 86_400_000).toISOString().slice(0, 10)
		);
		expect(
			await n(sql`SELECT count(*) AS n FROM routes r LEFT JOIN members m ON m.id = r.assignee_member_id
				WHERE m.team_id IS NOT r.team_id OR m.active = 0 OR r.status <> 'assigned'
				OR r.planned_on < ${week[0]} OR r.planned_on > ${week[1]} OR r.session IS NOT 'morning'
				OR r.session_minutes IS NOT 180 OR (r.estimated_minutes > 180 AND r.flag IS NULL)
				OR r.travel_mode <> 'foot'`)
		).toBe(0);
		// A hamlet team's households to visit are all planned (the week has room for them).
		expect(
			await n(sql`SELECT count(*) AS n FROM households h JOIN teams t ON t.hamlet_id = h.hamlet_id
				WHERE t.active = 1 AND h.do_not_contact = 0 AND t.id IN (SELECT team_id FROM routes)
				AND h.id NOT IN (SELECT household_id FROM route_stops)`)
		).toBe(0);
	});
});

describe('re-seeding', () => {
	it('replaces demo rows without duplicates and keeps real rows', async () => {
		const real = { provinceCode: '19', communeCode: '01849' };
		const h = hamlet(real, { name: 'Xóm Thật' });
		await insertHamlets(t.db, [h]);
		await insertHouseholds(t.db, [household(real, { hamletId: h.id })]);
		const before = await all(sql`SELECT id FROM households WHERE is_demo = 1 ORDER BY id`);
		const again = await seedDemo(t.db, { seed: 'test', now: NOW, shapeOf });
		expect(again.counts).toEqual(first.counts);
		expect(again.deleted.households).toBe(first.counts.households);
		expect(await all(sql`SELECT id FROM households WHERE is_demo = 1 ORDER BY id`)).toEqual(before);
		expect(await n(sql`SELECT count(*) AS n FROM households WHERE is_demo = 0`)).toBe(1);
		expect(await n(sql`SELECT count(*) AS n FROM hamlets WHERE is_demo = 0`)).toBe(1);
	});

	it('refuses, deleting nothing, while a real visit points at a demo household', async () => {
		const [hh] = await all<{ id: string; provinceCode: string; communeCode: string }>(
			sql`SELECT id, province_code AS provinceCode, commune_code AS communeCode
				FROM households WHERE is_demo = 1 LIMIT 1`
		);
		const scope = { provinceCode: hh!.provinceCode, communeCode: hh!.communeCode };
		const real = visit(scope, hh!.id, 1, { outcome: 'not_home' });
		await insertVisits(t.db, oneShard(t.db), [real], { now: T0 });
		const count = await n(sql`SELECT count(*) AS n FROM households WHERE is_demo = 1`);
		await expect(seedDemo(t.db, { seed: 'test', now: NOW, shapeOf })).rejects.toBeInstanceOf(
			DemoConflictError
		);
		expect(await n(sql`SELECT count(*) AS n FROM households WHERE is_demo = 1`)).toBe(count);
		await t.db.run(sql`DELETE FROM visits WHERE id = ${real.id}`);
	});

	it('keeps the demo as it is in one line when `npm start` finds it in use, and goes on', async () => {
		const [hh] = await all<{ id: string; provinceCode: string; communeCode: string }>(
			sql`SELECT id, province_code AS provinceCode, commune_code AS communeCode
				FROM households WHERE is_demo = 1 LIMIT 1`
		);
		const scope = { provinceCode: hh!.provinceCode, communeCode: hh!.communeCode };
		const real = visit(scope, hh!.id, 2, { outcome: 'not_home' });
		await insertVisits(t.db, oneShard(t.db), [real], { now: T0 });
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
		await t.db.run(sql`DELETE FROM visits WHERE id = ${real.id}`);
	});
});

describe('metrics after seeding', () => {
	it('computes households reached from the records, as an independent query counts them', async () => {
		const report = await computeMetrics(t.db, { now: NOW });
		const start = Date.parse(report.period.start);
		const expected = await all<{ code: string; reached: number }>(sql`
			SELECT c.code, (SELECT count(*) FROM households h WHERE h.commune_code = c.code AND (
				SELECT v.outcome FROM visits v WHERE v.household_id = h.id
					AND v.visited_at BETWEEN ${start} AND ${T0}
				ORDER BY v.visited_at DESC, v.id DESC LIMIT 1) = 'met') AS reached
			FROM communes c ORDER BY c.code`);
		const got = await all<{ code: string; reached: number }>(
			sql`SELECT code, households_reached AS reached FROM area_metrics WHERE level = 'commune' ORDER BY code`
		);
		expect(got).toEqual(expected);
		expect(expected.reduce((s, r) => s + r.reached, 0)).toBeGreaterThan(0);
		const demo = await n(sql`SELECT demo_records AS n FROM area_metrics WHERE level = 'country'`);
		expect(demo).toBeGreaterThan(first.counts.households);
	});
});
