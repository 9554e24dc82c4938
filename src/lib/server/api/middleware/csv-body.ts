/** Uploaded CSV bodies and CSV responses for the import/export routes. */
import type { Context } from 'hono';
import { ApiError } from '../errors.ts';
import type { ImportError } from '../../../domain/csv-import.ts';

/** Uploads above this are refused before parsing (a commune's file is far smaller). */
export const MAX_CSV_BYTES = 1024 * 1024;
/** Household files are bigger than team or hamlet files: up to 20,000 rows. */
export const MAX_HOUSEHOLD_CSV_BYTES = 4 * 1024 * 1024;

/** The raw bytes of an uploaded file; 413 when too large, 400 when empty. */
export async function csvBytes(c: Context, maxBytes = MAX_CSV_BYTES): Promise<Uint8Array> {
	const tooLarge = () =>
		new ApiError('too_large', 413, `The file is larger than ${maxBytes / 1024 / 1024} MB`);
	const declared = Number(c.req.header('content-length') ?? 0);
	if (declared > maxBytes) throw tooLarge();
	const bytes = new Uint8Array(await c.req.arrayBuffer());
	if (bytes.length > maxBytes) throw tooLarge();
	if (bytes.length === 0) throw new ApiError('empty_file', 400, 'The file is empty');
	return bytes;
}

/** 422 `import_invalid` listing every line-numbered error; nothing was written. */
export function importInvalid(errors: ImportError[]): ApiError {
	const first = errors[0];
	const where = first
		? `line ${first.line}${first.field ? `, ${first.field}` : ''}: ${first.message}`
		: '';
	return new ApiError(
		'import_invalid',
		422,
		`${errors.length} error(s); nothing was imported. First: ${where}`,
		{ errors }
	);
}

/** A CSV download response. */
export function csvResponse(c: Context, filename: string, csv: string): Response {
	return c.body(csv, 200, {
		'Content-Type': 'text/csv; charset=utf-8',
		'Content-Disposition': `attachment; filename="${filename}"`
	});
}
