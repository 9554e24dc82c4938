/**
 * Changed reference data is applied in place, by code: renamed or reclassified units are
 * updated (never duplicated), links that left the data are removed, and only the rows that
 * differ are written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { importReference } from '../../scripts/lib/reference-files.ts';
import { communeCrosswalk, communes, meta } from '../../src/lib/server/db/schema/index.ts';
import {
	REFERENCE_FILES as F,
	type ImportReport
} from '../../src/lib/server/import/reference/index.ts';
import { openTestDb, type TestDb } from './support/db.ts';
import {
	allFiles,
	dropFeatures,
	dropRows,
	lineOf,
	realDataDir,
	setCell,
	writeDataDir
} from './support/reference-data.ts';

let t: TestDb;
let original: Record<string, string>;

beforeAll(async () => {
	t = await openTestDb();
	await importReference(t.db, realDataDir);
	original = allFiles();
});
afterAll(() => t.close());

async function importFiles(files: Record<string, string>): Promise<ImportReport> {
	const dir = writeDataDir(files);
	try {
		return await importReference(t.db, dir.dir);
	} finally {
		dir.remove();
	}
}

async function counts() {
	const [row] = await t.db
		.select({
			provinces: sql<number>`(select count(*) from provinces)`,
			communes: sql<number>`(select count(*) from communes)`,
			crosswalk: sql<number>`(select count(*) from commune_crosswalk)`
		})
		.from(sql`(select 1)`);
	return row;
}

const metaValue = async (key: string) =>
	(await t.db.select().from(meta).where(eq(meta.key, key)))[0]?.value;

/** The real files with commune 00004 (Ba Đình) renamed and reclassified as a xã. */
function renamedBaDinh(): Record<string, string> {
	const line = lineOf(original[F.communes] ?? '', 'code', '00004');
	let text = original[F.communes] ?? '';
	for (const [column, value] of [
		['name', 'Ba Đình Mới'],
		['fullName', 'Xã Ba Đình Mới'],
		['unitType', 'Xã'],
		['unitTypeEn', 'Commune']
	] as const) {
		text = setCell(text, line, column, value);
	}
	return { ...original, [F.communes]: text };
}

describe('changed reference data', () => {
	it('updates a renamed and reclassified commune in place, by code', async () => {
		const hashBefore = await metaValue('reference_data_hash');
		const report = await importFiles(renamedBaDinh());
		expect(report.tables.communes).toEqual({
			inserted: 0,
			updated: 1,
			deleted: 0,
			unchanged: 3320,
			retained: 0
		});
		expect(report.tables.provinces).toMatchObject({ inserted: 0, updated: 0, unchanged: 34 });
		expect(report.tables.crosswalk).toMatchObject({ inserted: 0, updated: 0, deleted: 0 });
		const [baDinh] = await t.db.select().from(communes).where(eq(communes.code, '00004'));
		expect(baDinh).toMatchObject({
			name: 'Ba Đình Mới',
			fullName: 'Xã Ba Đình Mới',
			unitType: 'Xã',
			unitTypeEn: 'Commune',
			searchKey: 'ba dinh moi',
			provinceCode: '01'
		});
		expect(await counts()).toEqual({ provinces: 34, communes: 3321, crosswalk: 10604 });
		expect(await metaValue('reference_data_hash')).toBe(report.dataHash);
		expect(report.dataHash).not.toBe(hashBefore);
	});

	it('removes a crosswalk link that left the data and updates a changed link type', async () => {
		const text = original[F.crosswalk] ?? '';
		const lines = text.split('\n');
		// line 2: 00001 → 00097 (full); line 3: 00004 → 00004 (full)
		const edited = setCell(
			[lines[0], lines[2], ...lines.slice(3)].join('\n'),
			2,
			'type',
			'partial'
		);
		const report = await importFiles({ ...renamedBaDinh(), [F.crosswalk]: edited });
		expect(report.tables.crosswalk).toEqual({
			inserted: 0,
			updated: 1,
			deleted: 1,
			unchanged: 10602,
			retained: 0
		});
		expect(report.tables.communes).toMatchObject({ updated: 0 });
		const gone = await t.db
			.select()
			.from(communeCrosswalk)
			.where(and(eq(communeCrosswalk.oldCode, '00001'), eq(communeCrosswalk.newCode, '00097')));
		expect(gone).toEqual([]);
		const [changed] = await t.db
			.select()
			.from(communeCrosswalk)
			.where(and(eq(communeCrosswalk.oldCode, '00004'), eq(communeCrosswalk.newCode, '00004')));
		expect(changed?.type).toBe('partial');
	});

	it('restores the original rows when the original data come back', async () => {
		const report = await importFiles(original);
		expect(report.tables.communes).toMatchObject({ inserted: 0, updated: 1 });
		expect(report.tables.crosswalk).toMatchObject({ inserted: 1, updated: 1, deleted: 0 });
		const [baDinh] = await t.db.select().from(communes).where(eq(communes.code, '00004'));
		expect(baDinh).toMatchObject({ name: 'Ba Đình', unitType: 'Phường', searchKey: 'ba dinh' });
		expect(await counts()).toEqual({ provinces: 34, communes: 3321, crosswalk: 10604 });
	});

	it('keeps a commune that left the data, since other tables may refer to it', async () => {
		const files = { ...original };
		const drop = (file: string, column: string) => {
			files[file] = dropRows(files[file] ?? '', column, '00004');
		};
		drop(F.communes, 'code');
		drop(F.population, 'code');
		drop(F.crosswalk, 'new_code_in_2025_list');
		files[F.communeShapes] = dropFeatures(files[F.communeShapes] ?? '', '00004');
		files[F.communeLabels] = dropFeatures(files[F.communeLabels] ?? '', '00004');
		const hanoi = lineOf(files[F.provinces] ?? '', 'code', '01');
		files[F.provinces] = setCell(files[F.provinces] ?? '', hanoi, 'communeCount', '125');
		const report = await importFiles(files);
		expect(report.tables.communes).toMatchObject({
			inserted: 0,
			updated: 0,
			deleted: 0,
			retained: 1
		});
		expect(report.tables.provinces).toMatchObject({ updated: 1 });
		expect(report.tables.crosswalk.deleted).toBeGreaterThan(0);
		expect(await t.db.select().from(communes).where(eq(communes.code, '00004'))).toHaveLength(1);
	});
});
