/**
 * Shared shapes for CSV imports: line-numbered errors, the per-row cell reader, and the
 * checks every import makes on the commune code column.
 */
import { mapHeader, type CsvRow, type CsvTable } from './csv-read.ts';
import { cleanText } from './text.ts';
import { isCommuneCode, restoreCommuneCode } from './codes.ts';

/** One problem in an uploaded file: where (line, column) and why, in Vietnamese. */
export interface ImportError {
	line: number;
	field: string;
	message: string;
}

/**
 * A file refused as a whole: every line-numbered error, nothing written. The server's one error
 * translator (server/api/errors.ts) turns it into a 422 `import_invalid`.
 */
export class ImportRefusedError extends Error {
	readonly errors: ImportError[];
	constructor(errors: ImportError[]) {
		const first = errors[0];
		const where = first
			? `line ${first.line}${first.field ? `, ${first.field}` : ''}: ${first.message}`
			: '';
		super(`${errors.length} error(s); nothing was imported. First: ${where}`);
		this.name = 'ImportRefusedError';
		this.errors = errors;
	}
}

/** @throws ImportRefusedError when the preview found errors; otherwise returns. */
export function refuseIfErrors(errors: ImportError[]): void {
	if (errors.length > 0) throw new ImportRefusedError(errors);
}

/** The most rows one import takes (a commune has hundreds at most). */
export const MAX_IMPORT_ROWS = 5000;

/** Reads a row's cells by field name; missing columns read as ''. */
export function cellReader<F extends string>(columns: Record<F, number>, row: CsvRow) {
	return (field: F): string => {
		const i = columns[field];
		return i >= 0 ? cleanText(row.cells[i] ?? '') : '';
	};
}

/** The commune codes a file mentions (so the server can look up which exist). */
export function codesInColumn(rows: CsvRow[], column: number): string[] {
	if (column < 0) return [];
	return [...new Set(rows.map((r) => (r.cells[column] ?? '').trim()).filter(Boolean))];
}

/**
 * Checks a row's commune code: present, 5 digits (a lost leading zero is restored), existing,
 * and the commune being imported into. Returns an error message or null.
 */
export function communeCodeError(
	raw: string,
	target: string,
	known: ReadonlySet<string>
): string | null {
	if (!raw) return 'thiếu mã xã';
	const code = restoreCommuneCode(raw);
	if (!isCommuneCode(code)) return `mã xã "${raw}" phải gồm 5 chữ số`;
	if (!known.has(code)) return `mã xã ${code} không tồn tại`;
	if (code !== target) return `mã xã ${code} không phải xã đang nhập (${target})`;
	return null;
}

/** Errors for a table with no data rows or more than `maxRows`. */
export function sizeErrors(rowCount: number, maxRows = MAX_IMPORT_ROWS): ImportError[] {
	if (rowCount === 0) return [{ line: 1, field: '', message: 'tệp không có dòng dữ liệu nào' }];
	if (rowCount > maxRows) {
		return [{ line: 1, field: '', message: `tệp có ${rowCount} dòng, tối đa ${maxRows}` }];
	}
	return [];
}

/** What every import checks its rows against: the commune imported into, the communes that exist. */
export interface CommuneTarget {
	communeCode: string;
	knownCommunes: ReadonlySet<string>;
}

/**
 * The start every import shares: the header mapped to fields, required columns and the row count
 * checked (`ok` false: nothing more to read), then the table's structural problems.
 * @returns the columns and the errors so far, to which the rows' errors are added.
 */
export function startImport<F extends string>(
	table: CsvTable,
	aliases: Record<F, readonly string[]>,
	required: readonly NoInfer<F>[],
	maxRows = MAX_IMPORT_ROWS
): { columns: Record<F, number>; errors: ImportError[]; ok: boolean } {
	const { columns, missing } = mapHeader(table.header, aliases, required);
	const errors = [...headerErrors(missing), ...sizeErrors(table.rows.length, maxRows)];
	if (errors.length) return { columns, errors, ok: false };
	return { columns, errors: structureErrors(table.problems), ok: true };
}

/**
 * One row of an import: its cells by field, a reporter of errors on its line (added to
 * `errors`), and its commune code already checked (communeCodeError, reported as `ma_xa`).
 */
export function readRow<F extends string>(
	columns: Record<F | 'ma_xa', number>,
	row: CsvRow,
	target: CommuneTarget,
	errors: ImportError[]
) {
	const err = (field: F | 'ma_xa', message: string): void => {
		errors.push({ line: row.line, field, message });
	};
	const cell = cellReader(columns, row);
	const communeError = communeCodeError(cell('ma_xa'), target.communeCode, target.knownCommunes);
	if (communeError) err('ma_xa', communeError);
	return { cell, err };
}

/** The table's structural problems as import errors. */
export function structureErrors(problems: { line: number; message: string }[]): ImportError[] {
	return problems.map((p) => ({ line: p.line, field: '', message: p.message }));
}

/** Errors for required header columns that are missing. */
export function headerErrors(missing: string[]): ImportError[] {
	return missing.map((f) => ({ line: 1, field: f, message: `thiếu cột "${f}" ở dòng tiêu đề` }));
}
