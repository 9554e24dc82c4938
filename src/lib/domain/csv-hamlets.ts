/**
 * CSV import of hamlets and residential groups (thôn, xóm, bản, ấp, tổ dân phố), with an
 * optional point. Pure, like the team import: the server supplies what the database knows.
 */
import { parseChoice, readPoint } from './csv-fields.ts';
import type { CsvTable } from './csv-read.ts';
import { HAMLET_KIND_LABELS } from './csv-labels.ts';
import { readRow, startImport, type ImportError } from './csv-import.ts';
import { searchKey } from './text.ts';

export const HAMLET_COLUMNS = {
	ma_xa: ['ma_xa', 'commune_code'],
	ten: ['ten', 'ten_thon', 'thon', 'name'],
	loai: ['loai', 'kind'],
	kinh_do: ['kinh_do', 'lon', 'longitude'],
	vi_do: ['vi_do', 'lat', 'latitude']
} as const;

const NO_POINT = { lon: null, lat: null };

/** The longest hamlet name the hamlet write schema takes (db/schema/hamlets.input.ts). */
export const MAX_HAMLET_NAME = 120;

export interface HamletImportContext {
	communeCode: string;
	knownCommunes: ReadonlySet<string>;
	/** searchKey(name) of the commune's existing hamlets → their name. */
	existing: ReadonlyMap<string, string>;
}

export interface ImportedHamlet {
	name: string;
	kind: keyof typeof HAMLET_KIND_LABELS;
	lon: number | null;
	lat: number | null;
	line: number;
}

/** Validates a hamlet file; committed only when `errors` is empty. */
export function parseHamletImport(
	table: CsvTable,
	ctx: HamletImportContext
): { hamlets: ImportedHamlet[]; errors: ImportError[] } {
	const { columns, errors, ok } = startImport(table, HAMLET_COLUMNS, ['ma_xa', 'ten', 'loai']);
	if (!ok) return { hamlets: [], errors };
	const hamlets: ImportedHamlet[] = [];
	const seen = new Map<string, number>();
	for (const row of table.rows) {
		const before = errors.length;
		const { cell, err } = readRow(columns, row, ctx, errors);
		const name = cell('ten');
		const key = searchKey(name);
		if (!name) err('ten', 'thiếu tên thôn');
		else if (name.length > MAX_HAMLET_NAME) err('ten', `tên thôn dài quá ${MAX_HAMLET_NAME} ký tự`);
		else if (ctx.existing.has(key))
			err('ten', `"${ctx.existing.get(key)}" đã có trong danh sách thôn của xã`);
		else if (seen.has(key)) err('ten', `"${name}" trùng với dòng ${seen.get(key)}`);
		else seen.set(key, row.line);
		const kind = parseChoice(cell('loai'), HAMLET_KIND_LABELS, 'loại');
		if (!kind.ok)
			err('loai', cell('loai') ? kind.error : 'thiếu loại (thôn, xóm, bản, ấp, tổ dân phố)');
		const point = readPoint(cell('kinh_do'), cell('vi_do'), err);
		if (errors.length === before && kind.ok)
			hamlets.push({ name, kind: kind.value, ...(point ?? NO_POINT), line: row.line });
	}
	errors.sort((a, b) => a.line - b.line);
	return { hamlets, errors };
}
