/**
 * Shared field schemas for write inputs (zod): codes, ids, points, dates. Used by the
 * *.input.ts schemas beside each table; not exported from schema/index.ts.
 */
import { z } from 'zod';
import { pointIssueMessage, pointIssues, VN_BOUNDS } from '../../../domain/point.ts';
import { cleanText } from '../../../domain/text.ts';

export const provinceCodeInput = z.string().regex(/^\d{2}$/, 'a province code is 2 digits');
export const communeCodeInput = z.string().regex(/^\d{5}$/, 'a commune code is 5 digits');

/** Record ids are made by the client (UUIDs) or by an importer; opaque, short, printable. */
export const idInput = z
	.string()
	.min(1)
	.max(64)
	.regex(/^[\w-]+$/, 'an id uses letters, digits, "_" and "-" only');

/** Epoch milliseconds between 2000 and 2100. */
export const epochMsInput = z
	.number()
	.int('a time in whole epoch milliseconds')
	.min(946_684_800_000, 'a time before 2000-01-01')
	.max(4_102_444_800_000, 'a time after 2100-01-01');

/** A calendar date, YYYY-MM-DD. */
export const isoDateInput = z.iso.date();

const lonRange = `longitude outside Vietnam (${VN_BOUNDS.west} to ${VN_BOUNDS.east})`;
const latRange = `latitude outside Vietnam (${VN_BOUNDS.south} to ${VN_BOUNDS.north})`;
/** Vietnam's extent (domain/point.ts, incl. Hoàng Sa and Trường Sa): catches swapped lon/lat. */
export const lonInput = z.number().min(VN_BOUNDS.west, lonRange).max(VN_BOUNDS.east, lonRange);
export const latInput = z.number().min(VN_BOUNDS.south, latRange).max(VN_BOUNDS.north, latRange);
/** A [lon, lat] pair (a route's start, a drawn polygon's corner). */
export const lonLatInput = z.tuple([lonInput, latInput]);

/**
 * Required free text (a name, an address) in its stored form (domain cleanText: NFC, no
 * invisible, control or bidi characters, single spaces), then 1…max characters.
 */
export function textInput(max: number) {
	return z
		.string()
		.transform(cleanText)
		.pipe(z.string().min(1, 'Required').max(max, `At most ${max} characters`));
}

/** Free text that may be cleared: cleaned like textInput, then empty → null; null stays null. */
export function nullableText(max: number) {
	return z
		.string()
		.transform(cleanText)
		.pipe(z.string().max(max, `At most ${max} characters`))
		.transform((s) => (s ? s : null))
		.nullable();
}

/** Optional free text, cleaned like textInput: absent, empty or only invisible characters → null. */
export function optionalText(max: number) {
	return nullableText(max)
		.optional()
		.transform((s) => s ?? null);
}

/** Vietnamese phone number: 0 or +84, then 9–10 digits; spaces and dots are removed. */
export const phoneInput = z
	.string()
	.transform((s) => s.replace(/[\s.]/g, ''))
	.pipe(z.string().regex(/^(\+84|0)\d{9,10}$/, 'a Vietnamese phone number'))
	.nullish()
	.transform((s) => s ?? null);

/**
 * superRefine: lon and lat are given together or not at all (domain/point.ts); null and
 * undefined both mean "absent". The ranges are lonInput's and latInput's.
 */
export function checkPoint(
	p: { lon?: number | null; lat?: number | null },
	ctx: z.RefinementCtx
): void {
	for (const issue of pointIssues(p.lon, p.lat)) {
		ctx.addIssue({ code: 'custom', path: [issue.field], message: pointIssueMessage(issue) });
	}
}
