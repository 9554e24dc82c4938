/**
 * Bad reference data is rejected with a message that says where the problem is, and the
 * database is left exactly as it was. Uses a small consistent subset of the real data
 * (Điện Biên and Lai Châu) so each case imports in well under a second.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { importReference } from '../../scripts/lib/reference-files.ts';
import { oldProvinces, provinces } from '../../src/lib/server/db/schema/index.ts';
import { ImportError, REFERENCE_FILES as F } from '../../src/lib/server/import/reference/index.ts';
import { runBatch } from '../../src/lib/server/import/reference/write.ts';
import { openTestDb, type TestDb } from './support/db.ts';
import {
	hashDatabase,
	lineOf,
	setCell,
	setFeatureProperty,
	subsetFiles,
	writeDataDir
} from './support/reference-data.ts';

type Files = Record<string, string>;

let t: TestDb;
let base: Files;
let baseline: string;

beforeAll(async () => {
	t = await openTestDb();
	base = subsetFiles(['11', '12']);
	const dir = writeDataDir(base);
	try {
		const report = await importReference(t.db, dir.dir);
		console.log(`subset import (2 provinces): ${report.elapsedMs} ms`);
	} finally {
		dir.remove();
	}
	baseline = await hashDatabase(t.d1);
});
afterAll(() => t.close());

/** Imports `files` from a temporary directory and returns the ImportError it must throw. */
async function importError(files: Files): Promise<ImportError> {
	const dir = writeDataDir(files);
	try {
		await importReference(t.db, dir.dir);
	} catch (err) {
		if (err instanceof ImportError) return err;
		throw err;
	} finally {
		dir.remove();
	}
	throw new Error('the import succeeded');
}

/** A copy of the subset with one cell of one CSV row changed. */
function withCell(file: string, code: string, column: string, value: string, keyColumn = 'code') {
	const line = lineOf(base[file] ?? '', keyColumn, code);
	return { files: { ...base, [file]: setCell(base[file] ?? '', line, column, value) }, line };
}

describe('a consistent subset of the data', () => {
	it('imports on its own', async () => {
		const [row] = await t.db
			.select({
				p: sql<number>`(select count(*) from provinces)`,
				c: sql<number>`(select count(*) from communes)`
			})
			.from(sql`(select 1)`);
		expect(row).toEqual({ p: 2, c: 45 + 38 });
	});
});

describe('bad reference data', () => {
	const cases: Array<[string, () => { files: Files; message: string }]> = [
		[
			'rejects a commune code that is not 5 digits',
			() => {
				const { files, line } = withCell(F.communes, '03199', 'code', '4');
				return {
					files,
					message: `${F.communes} line ${line}, field "code": "4" is not a 5-digit commune code`
				};
			}
		],
		[
			'rejects a non-numeric area',
			() => {
				const { files, line } = withCell(F.communes, '03199', 'areaKm2', '12,5');
				return {
					files,
					message: `${F.communes} line ${line}, field "areaKm2": "12,5" is not a non-negative decimal number`
				};
			}
		],
		[
			'rejects a commune whose province code is unknown',
			() => {
				const { files, line } = withCell(F.communes, '03199', 'provinceCode', '99');
				return {
					files,
					message: `${F.communes} line ${line}, field "provinceCode": "99" matches no code in ${F.provinces}`
				};
			}
		],
		[
			'rejects a commune type that is not Phường, Xã or Đặc khu',
			() => {
				const { files, line } = withCell(F.communes, '03199', 'unitType', 'Thị trấn');
				return {
					files,
					message: `${F.communes} line ${line}, field "unitType": "Thị trấn" is not one of "Phường", "Xã", "Đặc khu"`
				};
			}
		],
		[
			'rejects a repeated commune code',
			() => {
				const line = lineOf(base[F.communes] ?? '', 'code', '03199');
				const { files, line: dup } = withCell(F.communes, '03202', 'code', '03199');
				return {
					files,
					message: `${F.communes} line ${dup}, field "code": "03199" repeats line ${line}`
				};
			}
		],
		[
			'rejects a commune geometry feature without a matching commune code',
			() => ({
				files: {
					...base,
					[F.communeShapes]: setFeatureProperty(base[F.communeShapes] ?? '', 3, 'code', '99999')
				},
				message: `${F.communeShapes} features[3], field "properties.code": code "99999" matches no row of ${F.communes}`
			})
		],
		[
			'rejects a label point without a matching commune code',
			() => ({
				files: {
					...base,
					[F.communeLabels]: setFeatureProperty(base[F.communeLabels] ?? '', 0, 'code', '00004')
				},
				message: `${F.communeLabels} features[0], field "properties.code": code "00004" matches no row of ${F.communes}`
			})
		],
		[
			'rejects a geometry file that is not JSON',
			() => ({
				files: { ...base, [F.provinceShapes]: '{"type": "FeatureCollection", "features": [' },
				message: `${F.provinceShapes}: is not valid JSON`
			})
		],
		[
			'rejects a crosswalk row pointing to an unknown new commune',
			() => {
				const { files, line } = withCell(
					F.crosswalk,
					'03199',
					'new_code_in_2025_list',
					'99999',
					'new_code_in_2025_list'
				);
				return {
					files,
					message: `${F.crosswalk} line ${line}, field "new_code_in_2025_list": "99999" matches no code in ${F.communes}`
				};
			}
		],
		[
			'rejects a population row marked usable without a population',
			() => {
				const { files, line } = withCell(F.population, '03199', 'population', '');
				const usable = setCell(files[F.population] ?? '', line, 'populationUsable', '1');
				return {
					files: { ...files, [F.population]: usable },
					message: `${F.population} line ${line}, field "populationUsable": "1" but the row has no population`
				};
			}
		],
		[
			'rejects a province whose commune count disagrees with the communes file',
			() => {
				const { files, line } = withCell(F.provinces, '11', 'communeCount', '46');
				return {
					files,
					message: `${F.provinces} line ${line}, field "communeCount": "46" but ${F.communes} has 45 communes in province "11"`
				};
			}
		],
		[
			'rejects an old commune in an unknown old district',
			() => {
				const text = base[F.oldCommunes] ?? '';
				const code = text.split('\n')[1]?.split(',')[0] ?? '';
				const { files, line } = withCell(F.oldCommunes, code, 'districtCode', '999');
				return {
					files,
					message: `${F.oldCommunes} line ${line}, field "districtCode": "999" matches no code in ${F.oldDistricts}`
				};
			}
		],
		[
			'rejects a file without a required column',
			() => ({
				files: { ...base, [F.communes]: (base[F.communes] ?? '').replace(',unitType,', ',kind,') },
				message: `${F.communes} line 1: missing column "unitType" in the header`
			})
		],
		[
			'rejects a data directory without vn2025_communes.csv',
			() => {
				const { [F.communes]: _gone, ...files } = base;
				return { files, message: `${F.communes}: missing in the data directory ` };
			}
		]
	];

	it.each(cases)('%s, and leaves the database unchanged', async (_name, make) => {
		const { files, message } = make();
		const err = await importError(files);
		expect(err.message.startsWith(message), `got: ${err.message}`).toBe(true);
		expect(await hashDatabase(t.d1)).toBe(baseline);
	});

	it('rejects a missing data directory, and leaves the database unchanged', async () => {
		const dir = '/nonexistent/tung-ngo-data';
		await expect(importReference(t.db, dir)).rejects.toThrow(
			new ImportError(`Reference data directory not found: ${dir}`)
		);
		expect(await hashDatabase(t.d1)).toBe(baseline);
	});

	it('locates errors by file, line and field on the ImportError', async () => {
		const { files, line } = withCell(F.communes, '03199', 'code', '4');
		const err = await importError(files);
		expect(err).toMatchObject({
			file: F.communes,
			line,
			field: 'code',
			detail: '"4" is not a 5-digit commune code'
		});
	});
});

describe('the write batch', () => {
	it('is all or nothing: a failing statement undoes the ones before it', async () => {
		const fresh = { code: '98', name: 'Test', fullName: 'Tỉnh Test', newProvinceCode: '11' };
		const existing = (await t.db.select().from(provinces).limit(1))[0];
		if (!existing) throw new Error('no province');
		const duplicate = t.db.insert(provinces).values(existing);
		await expect(
			runBatch(t.db, [t.db.insert(oldProvinces).values(fresh), duplicate])
		).rejects.toThrow();
		expect(await hashDatabase(t.d1)).toBe(baseline);
	});
});
