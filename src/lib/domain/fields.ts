/**
 * The field schemas (zod) of the contract between the layers: codes, ids, points, dates, free
 * text. One definition, imported by the write schemas beside each table (db/schema/*.input.ts),
 * the API's request bodies and queries, and the offline backup file (docs/style.md, "One
 * contract"). The rules themselves are the plain ones of codes.ts, point.ts and text.ts.
 */
import { z } from 'zod';
import {
	CODE_MESSAGES,
	COMMUNE_CODE,
	isAreaCode,
	PROVINCE_CODE,
	RECORD_ID,
	SERVICE_CODE
} from './codes.ts';
import { parseDate, parsePhone, type Parsed } from './csv-fields.ts';
import { pointIssueMessage, pointIssues, VN_BOUNDS } from './point.ts';
import { cleanText } from './text.ts';

export const provinceCodeInput = z.string().regex(PROVINCE_CODE, CODE_MESSAGES.province);
export const communeCodeInput = z.string().regex(COMMUNE_CODE, CODE_MESSAGES.commune);
/** A province or a commune code (an area of the public figures). */
export const areaCodeInput = z.string().refine(isAreaCode, CODE_MESSAGES.area);

/** Record ids are made by the client (UUIDs) or by an importer; opaque, short, printable. */
export const idInput = z.string().regex(RECORD_ID, CODE_MESSAGES.id);

/** An optional field stored as null when absent (null or undefined both mean "none"). */
export function orNull<T extends z.ZodType>(schema: T) {
	return schema.nullish().transform((v) => v ?? null);
}

/** A service code of the catalogue (domain/services.ts), e.g. "vneid". */
export const serviceCodeInput = z.string().regex(SERVICE_CODE, CODE_MESSAGES.service);

/** Epoch milliseconds between 2000 and 2100. */
export const epochMsInput = z
	.number()
	.int('a time in whole epoch milliseconds')
	.min(946_684_800_000, 'a time before 2000-01-01')
	.max(4_102_444_800_000, 'a time after 2100-01-01');

/**
 * The fields every commune-scoped record has (a hamlet, a team, a member, a household): its id,
 * its province and commune, whether it is demo data, when it was made. Spread into a write schema.
 */
export const scopedRecordFields = {
	id: idInput,
	provinceCode: provinceCodeInput,
	communeCode: communeCodeInput,
	isDemo: z.boolean().default(false),
	createdAt: epochMsInput
};

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

/** A zod string field read by one of the domain's field parsers (csv-fields.ts). */
function parsedBy(parse: (raw: string) => Parsed<string>) {
	return z.string().transform((s, ctx) => {
		const r = parse(s);
		if (!r.ok) ctx.addIssue({ code: 'custom', message: r.error });
		return r.ok ? r.value : '';
	});
}

/** A Vietnamese phone number in any usual spelling, normalised to 0XXXXXXXXX (parsePhone). */
export const phoneText = parsedBy(parsePhone);

/** A date as YYYY-MM-DD or DD/MM/YYYY, normalised to YYYY-MM-DD (parseDate). */
export const dayText = parsedBy(parseDate);

/** An optional phone number (phoneText): absent → null. */
export const phoneInput = phoneText.nullish().transform((s) => s ?? null);

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
