/**
 * Helpers for reference-import tests: temporary data directories (a consistent subset of the
 * real data, optionally corrupted) and a hash of every row in the database.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { dataDir } from '../../../scripts/lib/paths.ts';
import { REFERENCE_FILES } from '../../../src/lib/server/import/reference/index.ts';

/** The real reference data (TUNG_NGO_DATA_DIR or ../shared/data). */
export const realDataDir = dataDir();

const F = REFERENCE_FILES;
type Cells = Record<string, string>;

/** Keeps the header and the data lines whose parsed row passes `keep`; bytes are untouched. */
function filterCsv(text: string, keep: (row: Cells) => boolean): string {
	const lines = text.split('\n');
	const header = Papa.parse<string[]>(lines[0] ?? '').data[0] ?? [];
	const kept = lines.slice(1).filter((line) => {
		if (line.trim() === '') return false;
		const cells = Papa.parse<string[]>(line).data[0] ?? [];
		return keep(Object.fromEntries(header.map((h, i) => [h, cells[i] ?? ''])));
	});
	return [lines[0], ...kept, ''].join('\n');
}

function filterFeatures(text: string, keep: (props: Cells) => boolean): string {
	const fc = JSON.parse(text) as { features: Array<{ properties: Cells }> };
	return JSON.stringify({ ...fc, features: fc.features.filter((f) => keep(f.properties)) });
}

/**
 * Texts of the real files restricted to some 2025 provinces, with their communes, old units
 * and crosswalk rows: a consistent data set that imports on its own.
 */
export function subsetFiles(provinceCodes: readonly string[]): Record<string, string> {
	const read = (file: string) => readFileSync(join(realDataDir, file), 'utf8');
	const P = new Set(provinceCodes);
	const oldCsv = read(F.oldProvinces);
	const oldRows = Papa.parse<Cells>(oldCsv, { header: true, skipEmptyLines: true }).data;
	const oldP = new Set(oldRows.filter((r) => P.has(r.newProvinceCode ?? '')).map((r) => r.code));
	const inP = (r: Cells) => P.has(r.provinceCode ?? '');
	const inOldP = (r: Cells) => oldP.has(r.provinceCode ?? '');
	return {
		[F.provinces]: filterCsv(read(F.provinces), (r) => P.has(r.code ?? '')),
		[F.provinceShapes]: filterFeatures(read(F.provinceShapes), (p) => P.has(p.code ?? '')),
		[F.communes]: filterCsv(read(F.communes), inP),
		[F.population]: filterCsv(read(F.population), inP),
		[F.communeShapes]: filterFeatures(read(F.communeShapes), inP),
		[F.communeLabels]: filterFeatures(read(F.communeLabels), inP),
		[F.oldProvinces]: filterCsv(oldCsv, (r) => oldP.has(r.code ?? '')),
		[F.oldDistricts]: filterCsv(read(F.oldDistricts), inOldP),
		[F.oldCommunes]: filterCsv(read(F.oldCommunes), inOldP),
		[F.crosswalk]: filterCsv(
			read(F.crosswalk),
			(r) => P.has(r.new_province_code ?? '') && oldP.has(r.old_province_code ?? '')
		)
	};
}

/** Every reference file of the real data, unchanged. */
export function allFiles(): Record<string, string> {
	return Object.fromEntries(
		Object.values(F).map((file) => [file, readFileSync(join(realDataDir, file), 'utf8')])
	);
}

/** Writes files into a new temporary directory; returns its path and a cleanup. */
export function writeDataDir(files: Record<string, string>): { dir: string; remove(): void } {
	const dir = mkdtempSync(join(tmpdir(), 'tung-ngo-data-'));
	for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
	return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** 1-based line number of the first data row whose `column` equals `value`. */
export function lineOf(text: string, column: string, value: string): number {
	const rows = Papa.parse<Cells>(text, { header: true }).data;
	const index = rows.findIndex((r) => r[column] === value);
	if (index < 0) throw new Error(`no row with ${column}=${value}`);
	return index + 2;
}

/** Sets `column` of the data row on `line` (1-based) to `value`; other lines are untouched. */
export function setCell(text: string, line: number, column: string, value: string): string {
	const lines = text.split('\n');
	const header = Papa.parse<string[]>(lines[0] ?? '').data[0] ?? [];
	const cells = Papa.parse<string[]>(lines[line - 1] ?? '').data[0] ?? [];
	const at = header.indexOf(column);
	if (at < 0) throw new Error(`no column ${column}`);
	cells[at] = value;
	lines[line - 1] = Papa.unparse([cells]);
	return lines.join('\n');
}

/** Sets a property of the feature at `index` in a GeoJSON FeatureCollection text. */
export function setFeatureProperty(
	text: string,
	index: number,
	key: string,
	value: string
): string {
	const fc = JSON.parse(text) as { features: Array<{ properties: Cells }> };
	const feature = fc.features[index];
	if (!feature) throw new Error(`no feature ${index}`);
	feature.properties[key] = value;
	return JSON.stringify(fc);
}

/**
 * SHA-256 over every row (with its rowid) of every table, in rowid order: equal hashes mean
 * no row was inserted, changed, deleted or rewritten elsewhere. A `WITHOUT ROWID` table has no
 * rowid: its rows, in primary-key order, are hashed as they are.
 */
export async function hashDatabase(d1: D1Database): Promise<string> {
	const { results } = await d1
		.prepare(
			"select name, sql from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '_cf_%' order by name"
		)
		.all<{ name: string; sql: string }>();
	const hash = createHash('sha256');
	for (const { name, sql } of results) {
		const query = /without\s+rowid/i.test(sql)
			? `select * from "${name}"`
			: `select rowid as _rowid, * from "${name}" order by rowid`;
		const rows = await d1.prepare(query).raw();
		hash.update(`${name}\n${JSON.stringify(rows)}\n`);
	}
	return hash.digest('hex');
}

/** The CSV text without the data rows whose `column` equals `value`. */
export function dropRows(text: string, column: string, value: string): string {
	return filterCsv(text, (row) => row[column] !== value);
}

/** The GeoJSON text without the features whose `code` property equals `code`. */
export function dropFeatures(text: string, code: string): string {
	return filterFeatures(text, (props) => props.code !== code);
}
