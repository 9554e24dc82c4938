/**
 * CSV → validated records. papaparse does the RFC 4180 work; each data row is checked with a
 * zod object schema and the first problem becomes an ImportError naming file, line and field.
 */
import Papa from 'papaparse';
import type { z } from 'zod';
import { ImportError } from './errors.ts';

/** One validated CSV row and the 1-based line it came from (the header is line 1). */
export interface CsvRecord<T> {
	line: number;
	value: T;
}

type RowSchema = z.ZodObject<Record<string, z.ZodType<unknown, string>>>;

/** Splits text into rows of strings; throws on broken quoting. */
function splitRows(file: string, text: string): string[][] {
	// The data README fixes the dialect: UTF-8, comma-separated, RFC 4180 quoting.
	const result = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), {
		header: false,
		delimiter: ','
	});
	const fatal = result.errors.find((e) => e.type === 'Quotes');
	if (fatal) {
		throw new ImportError(fatal.message, { file, line: (fatal.row ?? 0) + 1 });
	}
	return result.data;
}

/** Checks the header has every column the schema needs; returns column → index. */
function columnIndex(file: string, header: string[], schema: RowSchema): Map<string, number> {
	const index = new Map(header.map((h, i) => [h.trim(), i]));
	for (const column of Object.keys(schema.shape)) {
		if (!index.has(column)) {
			throw new ImportError(`missing column "${column}" in the header`, { file, line: 1 });
		}
	}
	return index;
}

/**
 * Parses and validates every data row of a CSV file. Blank lines are skipped. Line numbers
 * assume no line breaks inside quoted fields (the data README guarantees that).
 *
 * @returns the rows in file order, each with its line number
 * @throws ImportError for an empty file, a missing column, a row with the wrong number of
 *   fields, or the first field that fails its schema (`file line N, field "f": "v" is …`)
 */
export function parseCsv<S extends RowSchema>(
	file: string,
	text: string,
	schema: S
): CsvRecord<z.output<S>>[] {
	const [header, ...rows] = splitRows(file, text);
	if (!header || header.every((h) => h.trim() === '')) {
		throw new ImportError('the file is empty (no header line)', { file });
	}
	const index = columnIndex(file, header, schema);
	const columns = Object.keys(schema.shape);
	const records: CsvRecord<z.output<S>>[] = [];
	rows.forEach((cells, i) => {
		const line = i + 2;
		if (cells.length === 1 && cells[0]?.trim() === '') return;
		if (cells.length !== header.length) {
			const detail = `has ${cells.length} fields, the header has ${header.length}`;
			throw new ImportError(detail, { file, line });
		}
		const raw = Object.fromEntries(columns.map((c) => [c, cells[index.get(c) ?? -1] ?? '']));
		const parsed = schema.safeParse(raw);
		if (!parsed.success) {
			const issue = parsed.error.issues[0];
			const field = String(issue?.path[0] ?? '');
			const detail = `${JSON.stringify(raw[field])} ${issue?.message ?? 'is invalid'}`;
			throw new ImportError(detail, { file, line, field });
		}
		records.push({ line, value: parsed.data });
	});
	return records;
}

/**
 * Indexes records by a key and rejects duplicates.
 *
 * @returns key → record, in file order
 * @throws ImportError naming the duplicate's line and the line it repeats
 */
export function indexUnique<T>(
	file: string,
	records: CsvRecord<T>[],
	field: string,
	keyOf: (value: T) => string
): Map<string, CsvRecord<T>> {
	const byKey = new Map<string, CsvRecord<T>>();
	for (const record of records) {
		const key = keyOf(record.value);
		const first = byKey.get(key);
		if (first) {
			const detail = `${JSON.stringify(key)} repeats line ${first.line}`;
			throw new ImportError(detail, { file, line: record.line, field });
		}
		byKey.set(key, record);
	}
	return byKey;
}
