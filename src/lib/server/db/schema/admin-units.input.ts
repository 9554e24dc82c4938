/**
 * Shared field schemas for write inputs (zod): codes, ids, points, dates. Used by the
 * *.input.ts schemas beside each table; not exported from schema/index.ts.
 */
import { z } from 'zod';

export const provinceCodeInput = z.string().regex(/^\d{2}$/, 'a province code is 2 digits');
export const communeCodeInput = z.string().regex(/^\d{5}$/, 'a commune code is 5 digits');

/** Record ids are made by the client (UUIDs) or by an importer; opaque, short, printable. */
export const idInput = z
	.string()
	.min(1)
	.max(64)
	.regex(/^[\w-]+$/, 'an id uses letters, digits, "_" and "-" only');

/** Epoch milliseconds between 2000 and 2100. */
export const epochMsInput = z.number().int().min(946_684_800_000).max(4_102_444_800_000);

/** A calendar date, YYYY-MM-DD. */
export const isoDateInput = z.iso.date();

// Vietnam's extent (incl. Hoàng Sa and Trường Sa) with a margin: catches swapped lon/lat.
export const lonInput = z.number().min(101.5).max(118.5);
export const latInput = z.number().min(6.5).max(24);

/** Optional free text: trimmed, empty → null. */
export function optionalText(max: number) {
	return z
		.string()
		.trim()
		.max(max)
		.nullish()
		.transform((s) => (s ? s : null));
}

/** Vietnamese phone number: 0 or +84, then 9–10 digits; spaces and dots are removed. */
export const phoneInput = z
	.string()
	.transform((s) => s.replace(/[\s.]/g, ''))
	.pipe(z.string().regex(/^(\+84|0)\d{9,10}$/, 'a Vietnamese phone number'))
	.nullish()
	.transform((s) => s ?? null);

/** Refinement: lon and lat are given together or not at all. */
export function pointComplete(p: { lon: number | null; lat: number | null }): boolean {
	return (p.lon === null) === (p.lat === null);
}
