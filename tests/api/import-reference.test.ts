/**
 * The reference import against the real data directory and a real local D1: counts, joins,
 * and that a second run writes nothing at all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { importReference } from '../../scripts/lib/reference-files.ts';
import {
	communeCrosswalk,
	communes,
	meta,
	oldCommunes,
	provinceSettings,
	provinces,
	services
} from '../../src/lib/server/db/schema/index.ts';
import { DEFAULT_SERVICES } from '../../src/lib/domain/services.ts';
import type { ImportReport } from '../../src/lib/server/import/reference/index.ts';
import { openTestDb, type TestDb } from './support/db.ts';
import { hashDatabase, realDataDir } from './support/reference-data.ts';

let t: TestDb;
let first: ImportReport;

beforeAll(async () => {
	t = await openTestDb();
	first = await importReference(t.db, realDataDir);
	console.log(`full import on a fresh D1: ${first.elapsedMs} ms, ${first.statements} statements`);
});
afterAll(() => t.close());

const count = async (table: SQLiteTable) =>
	(await t.db.select({ n: sql<number>`count(*)` }).from(table))[0]?.n;

describe('full import of the real data', () => {
	it.each([
		['provinces', provinces, 34],
		['communes', communes, 3321],
		['old communes', oldCommunes, 10035],
		['crosswalk rows', communeCrosswalk, 10604],
		['services', services, DEFAULT_SERVICES.length]
	])('loads every row: %s', async (_name, table, expected) => {
		expect(await count(table)).toBe(expected);
	});

	it('reports every row as inserted on a fresh database', () => {
		expect(first.tables.provinces.inserted).toBe(34);
		expect(first.tables.communes.inserted).toBe(3321);
		expect(first.tables.oldDistricts.inserted).toBe(696);
		expect(first.tables.crosswalk.inserted).toBe(10604);
		expect(first.changed).toBe(true);
	});

	it('covers all 10,035 old communes and all 3,321 new communes with the crosswalk', async () => {
		const [row] = await t.db
			.select({
				old: sql<number>`(select count(*) from old_communes o where exists (select 1 from commune_crosswalk x where x.old_code = o.code))`,
				new: sql<number>`(select count(*) from communes c where exists (select 1 from commune_crosswalk x where x.new_code = c.code))`,
				notInList: sql<number>`(select count(distinct old_code) from commune_crosswalk where old_in_list = 0)`
			})
			.from(sql`(select 1)`);
		expect(row).toEqual({ old: 10035, new: 3321, notInList: 17 });
	});

	it('joins the crosswalk on new_code_in_2025_list (Ia Mơ is 23938, not 23737)', async () => {
		const links = await t.db
			.select()
			.from(communeCrosswalk)
			.where(eq(communeCrosswalk.newCode, '23737'));
		expect(links).toEqual([]);
		const iaMo = await t.db
			.select()
			.from(communeCrosswalk)
			.where(eq(communeCrosswalk.newCode, '23938'));
		expect(iaMo.length).toBeGreaterThan(0);
	});

	it('gives every commune a bbox from the web geometry and a label point inside it', async () => {
		const [row] = await t.db
			.select({
				withBox: sql<number>`sum(west is not null and south < north and west < east)`,
				labelInBox: sql<number>`sum(label_lon between west and east and label_lat between south and north)`
			})
			.from(communes);
		expect(row).toEqual({ withBox: 3321, labelInBox: 3321 });
	});

	it('gives every province a bbox from the province geometry', async () => {
		const [row] = await t.db
			.select({ n: sql<number>`sum(west is not null and south < north and west < east)` })
			.from(provinces);
		expect(row?.n).toBe(34);
	});

	it('marks population usable for exactly 2,770 communes and keeps unusable figures', async () => {
		const [row] = await t.db
			.select({
				usable: sql<number>`sum(population_usable)`,
				withNumber: sql<number>`sum(population is not null)`
			})
			.from(communes);
		expect(row).toEqual({ usable: 2770, withNumber: 3203 });
		const [yenBinh] = await t.db.select().from(communes).where(eq(communes.code, '04714'));
		expect(yenBinh).toMatchObject({
			population: null,
			populationUsable: false,
			populationFlags: 'no_valid_source_record'
		});
	});

	it('keeps codes as strings with their leading zeros and builds search keys', async () => {
		const [baDinh] = await t.db.select().from(communes).where(eq(communes.code, '00004'));
		expect(baDinh).toMatchObject({
			provinceCode: '01',
			name: 'Ba Đình',
			searchKey: 'ba dinh',
			unitType: 'Phường'
		});
		const [thanhHoa] = await t.db.select().from(provinces).where(eq(provinces.code, '38'));
		expect(thanhHoa?.searchKey).toBe('thanh hoa');
	});

	it('seeds the known citizen app of Thái Nguyên', async () => {
		const rows = await t.db.select().from(provinceSettings);
		expect(rows).toEqual([{ provinceCode: '19', citizenAppName: 'C‑Thái Nguyên' }]);
	});

	it('records the import time and data hash in meta', async () => {
		const rows = await t.db.select().from(meta);
		const facts = Object.fromEntries(rows.map((r) => [r.key, r.value]));
		expect(facts['reference_data_hash']).toBe(first.dataHash);
		expect(new Date(facts['reference_imported_at'] ?? '').toISOString()).toBe(
			facts['reference_imported_at']
		);
	});
});

describe('re-running the import', () => {
	it('writes nothing when the data are unchanged', async () => {
		const before = await hashDatabase(t.d1);
		const again = await importReference(t.db, realDataDir);
		console.log(`re-run with unchanged data: ${again.elapsedMs} ms`);
		expect(again.changed).toBe(false);
		expect(again.statements).toBe(0);
		for (const table of Object.values(again.tables)) {
			expect(table).toMatchObject({ inserted: 0, updated: 0, deleted: 0 });
		}
		expect(again.dataHash).toBe(first.dataHash);
		expect(await hashDatabase(t.d1)).toBe(before);
	});

	it('never overwrites an admin edit of a service or of a citizen-app name', async () => {
		await t.db
			.update(services)
			.set({ nameVi: 'VNeID (mức 2)', active: false })
			.where(eq(services.code, 'vneid'));
		await t.db
			.update(provinceSettings)
			.set({ citizenAppName: null })
			.where(eq(provinceSettings.provinceCode, '19'));
		const before = await hashDatabase(t.d1);
		const again = await importReference(t.db, realDataDir);
		expect(again.tables.services).toMatchObject({ inserted: 0, updated: 0, unchanged: 7 });
		expect(again.changed).toBe(false);
		expect(await hashDatabase(t.d1)).toBe(before);
	});

	it('restores a deleted default service without touching the others', async () => {
		await t.db.delete(services).where(eq(services.code, 'scam_awareness'));
		const again = await importReference(t.db, realDataDir);
		expect(again.tables.services).toMatchObject({ inserted: 1, unchanged: 6 });
		const [vneid] = await t.db.select().from(services).where(eq(services.code, 'vneid'));
		expect(vneid?.nameVi).toBe('VNeID (mức 2)');
	});
});
