/**
 * zod schemas for single reference-data fields. Input is always the raw CSV string (codes stay
 * strings: leading zeros matter). Each message is phrased to follow the quoted raw value, so
 * an issue reads `"4" is not a 5-digit commune code`.
 */
import { z } from 'zod';
import { cleanText } from '../../../domain/text.ts';

/** A code of exactly `digits` digits, e.g. `code(5, 'commune')`. */
export function code(digits: number, what: string) {
	return z.string().regex(new RegExp(`^\\d{${digits}}$`), `is not a ${digits}-digit ${what} code`);
}

export const provinceCode = code(2, 'province');
export const districtCode = code(3, 'district');
export const communeCode = code(5, 'commune');

/** "02;08" → ["02", "08"]: the 2-digit codes of the old provinces a province was merged from. */
export const provinceCodeList = z
	.string()
	.regex(/^\d{2}(;\d{2})*$/, 'is not a ";"-separated list of 2-digit province codes')
	.transform((s) => s.split(';'));

/** Non-empty text, NFC-normalised with white space collapsed. */
export const name = z
	.string()
	.transform(cleanText)
	.refine((s) => s.length > 0, 'is empty');

/** Text that may be empty ("" stays ""), NFC-normalised. */
export const optionalText = z.string().transform(cleanText);

/** One of a fixed list of labels (compared after NFC normalisation). */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
	const message = `is not one of ${values.map((v) => `"${v}"`).join(', ')}`;
	return z
		.string()
		.transform(cleanText)
		.refine((s): s is T[number] => (values as readonly string[]).includes(s), message);
}

const DECIMAL = /^\d+(\.\d+)?$/;

/** A non-negative decimal such as "2.97"; "" is not accepted. */
export const decimal = z
	.string()
	.regex(DECIMAL, 'is not a non-negative decimal number')
	.transform(Number);

/** A non-negative decimal, or null when the cell is empty. */
export const optionalDecimal = z
	.string()
	.regex(/^(\d+(\.\d+)?)?$/, 'is not a non-negative decimal number')
	.transform((s) => (s === '' ? null : Number(s)));

/** A whole number such as "126". */
export const count = z.string().regex(/^\d+$/, 'is not a whole number').transform(Number);

/** A whole number, or null when the cell is empty. */
export const optionalCount = z
	.string()
	.regex(/^\d*$/, 'is not a whole number')
	.transform((s) => (s === '' ? null : Number(s)));

/** "1" → true, "0" → false. */
export const flag = z.enum(['0', '1'], { error: 'is not 0 or 1' }).transform((s) => s === '1');

/** ";"-separated snake_case flags, possibly none: "very_low;density_outlier". */
export const flagList = z
	.string()
	.regex(/^([a-z_]+(;[a-z_]+)*)?$/, 'is not a ";"-separated list of snake_case flags');
