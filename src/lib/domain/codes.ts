/**
 * The shapes of the codes and ids every layer passes around, written once: the write schemas,
 * the API's validation, the CSV readers, the offline backup file, page loads and the client
 * import them from here (docs/style.md, "One contract").
 *
 * Administrative codes are official strings (docs/domain.md): 2 digits for a province, 5 for a
 * commune, leading zeros included. Join on them, never on names.
 */

/** A province code: 2 digits, e.g. "19". */
export const PROVINCE_CODE = /^\d{2}$/;

/** A commune code: 5 digits, e.g. "05569". */
export const COMMUNE_CODE = /^\d{5}$/;

/** The same commune-code rule for an HTML `pattern` attribute (anchored by the browser). */
export const COMMUNE_CODE_HTML_PATTERN = '\\d{5}';

/** A record id (hamlet, team, member, household, route, visit): 1–64 of letters, digits, _ and -. */
export const RECORD_ID = /^[\w-]{1,64}$/;

/** A service code of the catalogue, e.g. "vneid". */
export const SERVICE_CODE = /^[a-z][a-z0-9_]{0,39}$/;

/** A calendar day as written in queries and stored rows: YYYY-MM-DD. */
export const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** True for a well-formed province code (2 digits). */
export function isProvinceCode(value: string): boolean {
	return PROVINCE_CODE.test(value);
}

/** True for a well-formed commune code (5 digits). */
export function isCommuneCode(value: string): boolean {
	return COMMUNE_CODE.test(value);
}

/** True for a well-formed province (2 digits) or commune (5 digits) code. */
export function isAreaCode(value: string): boolean {
	return isProvinceCode(value) || isCommuneCode(value);
}

/**
 * A commune code as a spreadsheet may have kept it: 4 digits (its leading zero dropped) get the
 * zero back; anything else is returned as it is, for isCommuneCode to judge.
 */
export function restoreCommuneCode(raw: string): string {
	return /^\d{4}$/.test(raw) ? `0${raw}` : raw;
}

/** True for a well-formed record id. */
export function isRecordId(value: string): boolean {
	return RECORD_ID.test(value);
}

/** Messages for API errors about a malformed code or id. */
export const CODE_MESSAGES = {
	province: 'A province code is 2 digits, e.g. "19"',
	commune: 'A commune code is 5 digits, e.g. "05569"',
	area: 'A province (2 digits) or commune (5 digits) code',
	id: 'An id is 1–64 letters, digits, "_" or "-"',
	service: 'A service code, e.g. "vneid"',
	day: 'A date is YYYY-MM-DD'
} as const;
