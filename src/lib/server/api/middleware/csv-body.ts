/** Uploaded CSV bodies and CSV responses for the import/export routes. */
import type { Context } from 'hono';
import { z } from 'zod';
import { ApiError } from '../errors.ts';
import { communeCodeInput } from '../../../domain/fields.ts';

/** `?commune=05569` of a CSV export. */
export const csvExportQuery = z.object({ commune: communeCodeInput });

/** `?commune=05569[&commit=1]` of a CSV import: a preview unless commit is 1. */
export const csvImportQuery = csvExportQuery.extend({
	commit: z.enum(['0', '1']).default('0')
});

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

/** A CSV download response. */
export function csvResponse(c: Context, filename: string, csv: string): Response {
	return c.body(csv, 200, {
		'Content-Type': 'text/csv; charset=utf-8',
		'Content-Disposition': `attachment; filename="${filename}"`
	});
}
