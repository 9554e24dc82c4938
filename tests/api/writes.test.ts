import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openTestDb, type TestDb } from './support/db.ts';
import {
	T0,
	household,
	hamlet,
	insertArea,
	insertServices,
	member,
	team,
	visit,
	insertHouseholdsIn
} from './support/records-factory.ts';
import { insertHamlets, prepareHamlets } from '../../src/lib/server/db/writes/hamlets.ts';
import { insertMembers, insertTeams } from '../../src/lib/server/db/writes/teams.ts';
import { insertVisits } from '../../src/lib/server/db/writes/visits.ts';
import { insertHouseholds } from '../../src/lib/server/db/writes/households.ts';
import { ShardScopeError } from '../../src/lib/server/db/shards.ts';
import { WriteValidationError } from '../../src/lib/server/db/writes/errors.ts';
import { bulkInsert, runBatch, statementOf } from '../../src/lib/server/db/bulk.ts';
import { hamlets as hamletsTable, meta } from '../../src/lib/server/db/schema/index.ts';

const A = { provinceCode: '19', communeCode: '05923' };
const B = { provinceCode: '19', communeCode: '05926' };

let t: TestDb;
beforeAll(async () => {
	t = await openTestDb();
	await insertArea(t.db, [
		{ code: A.communeCode, provinceCode: '19', population: 10_000 },
		{ code: B.communeCode, provinceCode: '19', population: 8_000 }
	]);
	await insertServices(t.db);
});
afterAll(() => t.close());

const count = async (table: string) =>
	(await t.db.all<{ n: number }>(sql.raw(`SELECT count(*) AS n FROM ${table}`)))[0]!.n;

describe('bulk inserts', () => {
	it('writes thousands of rows in a handful of statements, with Vietnamese text intact', async () => {
		const rows = Array.from({ length: 3000 }, (_, i) =>
			hamlet(A, { id: `bulk-${i}`, name: `Tổ dân phố ${i} Đồng Tâm`, kind: 'to_dan_pho' })
		).map((h) => ({ ...h, lon: null, lat: null, isDemo: true }));
		const statements = bulkInsert(t.db, hamletsTable, rows);
		expect(statements.length).toBeLessThan(10);
		await runBatch(t.db, statements);
		const got = await t.db.all<{ name: string; is_demo: number }>(
			sql`SELECT name, is_demo FROM hamlets WHERE id = 'bulk-2999'`
		);
		expect(got).toEqual([{ name: 'Tổ dân phố 2999 Đồng Tâm', is_demo: 1 }]);
		await t.db.run(sql`DELETE FROM hamlets WHERE id LIKE 'bulk-%'`);
	});
});

describe('write functions', () => {
	it('insert a hamlet, its team, members and households with derived address keys', async () => {
		const h = hamlet(A);
		expect(await insertHamlets(t.db, [h])).toEqual({ inserted: 1 });
		const tm = team(A, { hamletId: h.id });
		expect(await insertTeams(t.db, [tm])).toEqual({ inserted: 1 });
		expect(
			await insertMembers(t.db, [member(A, tm.id), member(A, tm.id, { phone: '0912 345 678' })])
		).toEqual({
			inserted: 2
		});
		const hh = household(A, { hamletId: h.id, address: 'Số 12, ngách 3, ngõ 45, phố Lò Đúc' });
		await insertHouseholdsIn(t, [hh]);
		const row = await t
			.shard('19')
			.all<{ alley_key: string; address_key: string; consent: number }>(
				sql`SELECT alley_key, address_key, consent FROM households WHERE id = ${hh.id}`
			);
		expect(row).toEqual([{ alley_key: 'lo duc|45/3', address_key: 'lo duc|45/3#12', consent: 0 }]);
	});

	it('reject invalid rows with the row index and field, writing nothing', async () => {
		const before = await count('hamlets');
		const bad = [
			hamlet(A),
			hamlet(A, { kind: 'village' as never }),
			hamlet(A, { communeCode: '5923' })
		];
		const err = await insertHamlets(t.db, bad).catch((e: unknown) => e);
		expect(err).toBeInstanceOf(WriteValidationError);
		expect((err as WriteValidationError).issues.map((i) => [i.index, i.path])).toEqual([
			[1, 'kind'],
			[2, 'communeCode']
		]);
		expect(await count('hamlets')).toBe(before);
	});

	it('reject a commune outside the province and a hamlet of another commune', async () => {
		await expect(
			insertHamlets(t.db, [hamlet({ provinceCode: '20', communeCode: A.communeCode })])
		).rejects.toThrow(/commune is in province 19/);
		const h = hamlet(A);
		await insertHamlets(t.db, [h]);
		await expect(insertHouseholdsIn(t, [household(B, { hamletId: h.id })])).rejects.toThrow(
			/hamletId is in commune 05923/
		);
	});

	it('refuse records of a province the shard does not hold, writing nothing', async () => {
		const other = t.shard('20');
		const hh = household(A);
		await expect(insertHouseholds(t.db, other, [hh])).rejects.toBeInstanceOf(ShardScopeError);
		await insertHouseholdsIn(t, [hh]);
		// The visit's household is not in that shard: refused before its province is checked.
		await expect(insertVisits(t.db, other, [visit(A, hh.id, 1)])).rejects.toThrow(/householdId/);
		for (const table of ['households', 'visits']) {
			const rows = await other.all<{ n: number }>(sql.raw(`SELECT count(*) AS n FROM ${table}`));
			expect(rows).toEqual([{ n: 0 }]);
		}
	});

	it('fail a whole batch on a duplicate id, or skip it when asked', async () => {
		const h = hamlet(A);
		await insertHamlets(t.db, [h]);
		await expect(insertHamlets(t.db, [hamlet(A), h])).rejects.toThrow();
		expect(await insertHamlets(t.db, [hamlet(A), h], { onDuplicate: 'skip' })).toEqual({
			inserted: 1
		});
	});
});

describe('insertVisits', () => {
	it('stores a visit with its service counts and treats a resend as a no-op', async () => {
		const hh = household(A);
		await insertHouseholdsIn(t, [hh]);
		const v = visit(A, hh.id, 3, {
			peopleHelped: 2,
			services: [{ serviceCode: 'vneid', adultsUsing: 3, helped: 2 }]
		});
		expect(await insertVisits(t.db, t.shard('19'), [v], { now: T0 })).toEqual({
			inserted: 1,
			duplicates: [],
			conflicts: []
		});
		expect(await insertVisits(t.db, t.shard('19'), [v], { now: T0 })).toEqual({
			inserted: 0,
			duplicates: [v.id],
			conflicts: []
		});
		const changed = { ...v, note: 'khác' };
		expect(await insertVisits(t.db, t.shard('19'), [changed], { now: T0 })).toMatchObject({
			conflicts: [v.id]
		});
		const vs = await t
			.shard('19')
			.all(
				sql`SELECT service_code, adults_using, helped FROM visit_services WHERE visit_id = ${v.id}`
			);
		expect(vs).toEqual([{ service_code: 'vneid', adults_using: 3, helped: 2 }]);
	});

	it('rejects counts that do not fit the household and services on a visit that met nobody', async () => {
		const hh = household(A);
		await insertHouseholdsIn(t, [hh]);
		const tooMany = visit(A, hh.id, 1, {
			services: [{ serviceCode: 'vneid', adultsUsing: 4, helped: 0 }]
		});
		const notHome = visit(A, hh.id, 1, {
			outcome: 'not_home',
			services: [{ serviceCode: 'vssid', adultsUsing: 1, helped: 0 }]
		});
		const helpedMore = visit(A, hh.id, 1, {
			peopleHelped: 0,
			services: [{ serviceCode: 'vssid', adultsUsing: 1, helped: 1 }]
		});
		const err = (await insertVisits(t.db, t.shard('19'), [tooMany, notHome, helpedMore]).catch(
			(e: unknown) => e
		)) as WriteValidationError;
		expect(err.issues.map((i) => [i.index, i.path])).toEqual([
			[0, 'services.0.adultsUsing'],
			[1, 'services'],
			[2, 'peopleHelped']
		]);
	});

	it('rejects a visit to a household of another commune and a non-UUIDv7 id', async () => {
		const hh = household(A);
		await insertHouseholdsIn(t, [hh]);
		await expect(insertVisits(t.db, t.shard('19'), [visit(B, hh.id, 1)])).rejects.toThrow(
			/householdId is in commune 05923/
		);
		await expect(
			insertVisits(t.db, t.shard('19'), [visit(A, hh.id, 1, { id: 'not-a-uuid' })])
		).rejects.toThrow(/#0 id/);
	});
});

describe('prepared writes', () => {
	it('join other statements in one atomic batch: a failing statement undoes the rows', async () => {
		const before = await count('hamlets');
		const write = await prepareHamlets(t.db, [hamlet(A), hamlet(A)]);
		expect(write.rows).toBe(2);
		const failing = t.db.$client.prepare(
			'INSERT INTO meta (key, value, updated_at) VALUES (NULL, 1, 1)'
		);
		await expect(runBatch(t.db, [...write.statements, failing])).rejects.toThrow();
		expect(await count('hamlets')).toBe(before);
		const audit = statementOf(
			t.db,
			t.db.insert(meta).values({ key: 'k', value: 'v', updatedAt: T0 })
		);
		await runBatch(t.db, [...write.statements, audit]);
		expect(await count('hamlets')).toBe(before + 2);
	});
});
