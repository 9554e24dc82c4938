/**
 * The production path of the reference data: the SQL files of scripts/reference-sql.ts, applied
 * with the real `wrangler d1 execute DB --local --file` (the deploy runs the same command with
 * --remote), leave the database exactly as the direct import does, write nothing when applied
 * again, follow each table's policy, and bad data stops the export with file, line and field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, getTableName } from 'drizzle-orm';
import { repoRoot } from '../../scripts/lib/paths.ts';
import { importReference } from '../../scripts/lib/reference-files.ts';
import {
	writeReferenceSql,
	type WrittenReferenceSql
} from '../../scripts/lib/reference-sql-files.ts';
import { executeD1File } from '../../scripts/lib/wrangler-cli.ts';
import {
	META_DATA_HASH,
	META_IMPORTED_AT,
	REFERENCE_FILES as F,
	TABLE_NAMES
} from '../../src/lib/server/import/reference/index.ts';
import { TABLE_SPECS } from '../../src/lib/server/import/reference/tables.ts';
import { provinces } from '../../src/lib/server/db/schema/index.ts';
import { openTestDb, type TestDb } from './support/db.ts';
import {
	hashDatabase,
	lineOf,
	realDataDir,
	setCell,
	subsetFiles,
	writeDataDir
} from './support/reference-data.ts';
import { runNode } from './support/run-node.ts';

let viaSql: TestDb;
let direct: TestDb;
let exported: WrittenReferenceSql;
const cleanups: Array<() => void> = [];

function tempDir(prefix: string): string {
	const dir = mkdtempSync(join(tmpdir(), prefix));
	cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
	return dir;
}

/** Applies every exported file, in order, with wrangler's CLI. */
async function applyFiles(t: TestDb): Promise<void> {
	const config = join(repoRoot, 'wrangler.toml');
	for (const path of exported.paths) {
		await executeD1File('DB', path, { remote: false, persistTo: t.persistTo }, config);
	}
}

/** Every row of a table, as arrays, in a stable order. */
async function rowsOf(d1: D1Database, table: string): Promise<string[]> {
	const rows = await d1.prepare(`select * from "${table}"`).raw();
	return rows.map((r) => JSON.stringify(r)).sort();
}

async function metaValue(d1: D1Database, key: string): Promise<string | undefined> {
	const row = await d1
		.prepare('select value from meta where key = ?')
		.bind(key)
		.first<string>('value');
	return row ?? undefined;
}

beforeAll(async () => {
	exported = await writeReferenceSql(realDataDir, tempDir('tung-ngo-refsql-'));
	[viaSql, direct] = await Promise.all([openTestDb(), openTestDb()]);
	await importReference(direct.db, realDataDir);
	const started = performance.now();
	await applyFiles(viaSql);
	const seconds = ((performance.now() - started) / 1000).toFixed(1);
	console.log(
		`reference SQL: ${exported.paths.length} files applied with wrangler in ${seconds} s`
	);
});
afterAll(async () => {
	await Promise.all([viaSql.close(), direct.close()]);
	cleanups.forEach((c) => c());
});

describe('reference SQL files applied with wrangler d1 execute --local', () => {
	it('keeps every statement under D1 limits and every file free of transactions', () => {
		for (const file of exported.files) {
			expect(file.sql).not.toMatch(/^\s*(BEGIN|COMMIT)\b/im);
			for (const statement of file.sql.split(';\n')) {
				expect(new TextEncoder().encode(statement).length).toBeLessThan(100_000);
			}
		}
	});

	it.each(TABLE_NAMES)('leaves %s exactly as the direct import does', async (name) => {
		const table = getTableName(TABLE_SPECS[name].table);
		const expected = await rowsOf(direct.d1, table);
		expect(expected.length).toBeGreaterThan(0);
		expect(await rowsOf(viaSql.d1, table)).toEqual(expected);
	});

	it('stores the data hash of the direct import and an import time', async () => {
		expect(await metaValue(viaSql.d1, META_DATA_HASH)).toBe(exported.dataHash);
		expect(await metaValue(direct.d1, META_DATA_HASH)).toBe(exported.dataHash);
		const at = Date.parse((await metaValue(viaSql.d1, META_IMPORTED_AT)) ?? '');
		expect(Math.abs(Date.now() - at)).toBeLessThan(10 * 60_000);
	});

	it('writes nothing when the same files are applied again', async () => {
		const d1 = viaSql.d1;
		const tables = [...TABLE_NAMES.map((n) => getTableName(TABLE_SPECS[n].table)), 'meta'];
		// Triggers count every row written, even one rewritten with the values it had.
		const triggers = tables.flatMap((table) =>
			['insert', 'update', 'delete'].map((op) => [`test_writes_${table}_${op}`, table, op])
		);
		await d1.batch([
			d1.prepare('create table test_writes (n integer not null)'),
			d1.prepare('insert into test_writes values (0)'),
			...triggers.map(([name, table, op]) =>
				d1.prepare(
					`create trigger ${name} after ${op} on "${table}" begin update test_writes set n = n + 1; end`
				)
			)
		]);
		const before = await hashDatabase(d1);
		await applyFiles(viaSql);
		expect(await d1.prepare('select n from test_writes').first('n')).toBe(0);
		expect(await hashDatabase(d1)).toBe(before);
		await d1.batch([
			...triggers.map(([name]) => d1.prepare(`drop trigger ${name}`)),
			d1.prepare('drop table test_writes')
		]);
	});

	it('follows each table policy: restores, prunes, keeps and records the new import', async () => {
		const d1 = viaSql.d1;
		const extraOld = ['0000X', '1500X', '2900X', '9999X'];
		const [hanoi] = await viaSql.db.select().from(provinces).where(eq(provinces.code, '01'));
		await viaSql.db.insert(provinces).values({ ...hanoi!, code: '99' });
		await d1.batch([
			d1.prepare("update communes set name = 'Sai tên' where code = '00004'"),
			d1.prepare("update services set name_vi = 'Tên của quản trị' where code = 'vneid'"),
			...extraOld.map((code) =>
				d1
					.prepare(
						"insert into old_communes (code, name, full_name, unit_type, district_code, province_code) values (?, 'Cũ', 'Xã Cũ', 'Xã', '001', '01')"
					)
					.bind(code)
			),
			...extraOld.map((code) =>
				d1
					.prepare(
						"insert into commune_crosswalk (old_code, new_code, type, old_name, old_province_code, old_in_list) values (?, '00004', 'full', 'Cũ', '01', 1)"
					)
					.bind(code)
			),
			d1.prepare("update meta set value = 'older data' where key = ?").bind(META_DATA_HASH),
			d1
				.prepare("update meta set value = '2020-01-01T00:00:00.000Z' where key = ?")
				.bind(META_IMPORTED_AT)
		]);
		await applyFiles(viaSql);
		const one = (q: string) => d1.prepare(q).first<number | string>('v');
		expect(await one("select name v from communes where code = '00004'")).toBe('Ba Đình');
		expect(await one("select name_vi v from services where code = 'vneid'")).toBe(
			'Tên của quản trị'
		);
		expect(await one("select count(*) v from provinces where code = '99'")).toBe(1);
		expect(await one("select count(*) v from old_communes where code like '%X'")).toBe(0);
		expect(await one("select count(*) v from commune_crosswalk where old_code like '%X'")).toBe(0);
		expect(await rowsOf(d1, 'old_communes')).toEqual(await rowsOf(direct.d1, 'old_communes'));
		expect(await metaValue(d1, META_DATA_HASH)).toBe(exported.dataHash);
		expect(await metaValue(d1, META_IMPORTED_AT)).not.toBe('2020-01-01T00:00:00.000Z');
	});
});

describe('node scripts/reference-sql.ts', () => {
	it('exits 1 naming file, line and field for bad data, and writes no file', async () => {
		const files = subsetFiles(['11', '12']);
		const line = lineOf(files[F.communes] ?? '', 'code', '03199');
		const data = writeDataDir({
			...files,
			[F.communes]: setCell(files[F.communes] ?? '', line, 'code', '4')
		});
		cleanups.push(data.remove);
		const out = join(tempDir('tung-ngo-refsql-bad-'), 'sql');
		const run = await runNode(['scripts/reference-sql.ts', '--out', out], {
			TUNG_NGO_DATA_DIR: data.dir
		});
		expect(run.status).toBe(1);
		expect(run.stderr).toMatch(
			new RegExp(
				`^Reference SQL export failed: ${F.communes} line ${line}, field "code": "4" is not a 5-digit commune code`
			)
		);
		expect(run.stderr).not.toMatch(/^\s+at /m);
		expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
	});

	it('writes the files and their manifest for a good data directory', async () => {
		const data = writeDataDir(subsetFiles(['11', '12']));
		cleanups.push(data.remove);
		const out = tempDir('tung-ngo-refsql-ok-');
		const run = await runNode(['scripts/reference-sql.ts', '--out', out], {
			TUNG_NGO_DATA_DIR: data.dir
		});
		expect(run.status).toBe(0);
		expect(run.stdout).toMatch(/Reference SQL written: \d+ files/);
		expect(readdirSync(out).sort()).toEqual(['manifest.json', 'reference-001.sql']);
	});
});
