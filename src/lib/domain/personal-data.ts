/**
 * Personal-data rights (Law 91/2025, Decree 356/2025): the retention rules and the small pure
 * helpers behind export and erasure. Plain data in, plain data out; the server applies them.
 */

/**
 * Households not visited (nor created, nor kept on review) for this many months are due for a
 * review of their personal fields. Overridable by PERSONAL_DATA_REVIEW_MONTHS (1…120).
 * Two years: a team comes back to every house at least once a year in a working commune, so a
 * household untouched for two years is likely gone, moved or no longer wanting visits.
 */
export const DEFAULT_REVIEW_MONTHS = 24;

/**
 * Audit entries are kept this many years, then deleted by the housekeeping job. Five years: a
 * full term of a commune's people's committee, long enough to answer a complaint or an
 * inspection about who read or changed someone's data, short enough that the log of who looked
 * at what is not kept for ever. Overridable by AUDIT_RETENTION_YEARS (1…20).
 */
export const DEFAULT_AUDIT_RETENTION_YEARS = 5;

/** Longest free-text reason for an export, erasure or keep decision. */
export const REASON_MAX = 500;

/** What an erased person's name reads as where a name must still be shown (never a person). */
export const ERASED_NAME = '—';

/**
 * A positive whole number from a config value within [min, max], else the fallback.
 * @example configNumber('36', 24, 1, 120) === 36; configNumber('x', 24, 1, 120) === 24
 */
export function configNumber(
	raw: string | undefined | null,
	fallback: number,
	min: number,
	max: number
): number {
	const n = Number(raw);
	return raw != null && raw !== '' && Number.isInteger(n) && n >= min && n <= max ? n : fallback;
}

/** The review period in months from PERSONAL_DATA_REVIEW_MONTHS (default 24). */
export const reviewMonths = (raw?: string | null) =>
	configNumber(raw, DEFAULT_REVIEW_MONTHS, 1, 120);

/** Months visits stay in D1 unless VISIT_RETENTION_MONTHS says otherwise. */
export const DEFAULT_VISIT_RETENTION_MONTHS = 24;

/** The fewest months visits stay in D1: the public figures read the last 12 months of visits. */
export const MIN_VISIT_RETENTION_MONTHS = 13;

/**
 * Months visits may stay in D1 before they move to the archive (VISIT_RETENTION_MONTHS, default
 * 24, 13…120); a shard keeps fewer when its size says so (visit-retention.ts).
 */
export const visitRetentionMonths = (raw?: string | null) =>
	configNumber(raw, DEFAULT_VISIT_RETENTION_MONTHS, MIN_VISIT_RETENTION_MONTHS, 120);

/** The audit retention in years from AUDIT_RETENTION_YEARS (default 5). */
export const auditRetentionYears = (raw?: string | null) =>
	configNumber(raw, DEFAULT_AUDIT_RETENTION_YEARS, 1, 20);

/**
 * The instant `months` calendar months before `now` (UTC; the 31st becomes the month's last day).
 * @returns epoch ms
 */
export function monthsBefore(now: number, months: number): number {
	const d = new Date(now);
	const day = d.getUTCDate();
	d.setUTCDate(1);
	d.setUTCMonth(d.getUTCMonth() - months);
	const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
	d.setUTCDate(Math.min(day, last));
	return d.getTime();
}

/** Audit entries at or before this instant are past retention (`years` before `now`). */
export const auditCutoff = (now: number, years: number) => monthsBefore(now, years * 12);

/** The facts the retention rule reads about a household (epoch ms). */
export interface RetentionFacts {
	createdAt: number;
	lastVisitAt: number | null;
	reviewedAt: number | null;
}

/** The last time anyone had a reason to hold this household's data: visit, creation or review. */
export function lastTouched(h: RetentionFacts): number {
	return Math.max(h.createdAt, h.lastVisitAt ?? 0, h.reviewedAt ?? 0);
}

/** True when the household was not visited, created nor kept on review since `cutoff`. */
export function isDueForReview(h: RetentionFacts, cutoff: number): boolean {
	return lastTouched(h) < cutoff;
}

const PHONE_LIKE = /\+?\d[\d .-]{7,}\d/g;

/** Lower case without diacritics (đ → d), for finding a name however it was typed. */
function fold(s: string): string {
	return s
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[đĐ]/g, 'd')
		.toLowerCase();
}

/**
 * The reason as the audit log may keep it: the erased person's own values (name, phone,
 * address, login) and anything that looks like a phone number are replaced by "…", so the
 * record of an erasure never holds what it erased. Matching ignores case and diacritics.
 */
export function redactReason(reason: string, erased: readonly (string | null | undefined)[]) {
	let out = reason.replace(PHONE_LIKE, '…');
	const values = erased
		.filter((v): v is string => !!v && v.trim().length >= 3)
		.sort((a, b) => b.length - a.length);
	for (const value of values) {
		const folded = fold(out);
		const needle = fold(value.trim());
		let at = folded.indexOf(needle);
		while (at >= 0) {
			// NFD folding keeps one character per precomposed letter of NFC text, so indices align.
			out = out.slice(0, at) + '…' + out.slice(at + needle.length);
			at = fold(out).indexOf(needle);
		}
	}
	return out;
}

/** The download name of an export: `tung-ngo-<kind>-<id>-<YYYY-MM-DD>.json`. */
export function exportFileName(kind: 'household' | 'member', id: string, day: string): string {
	return `tung-ngo-${kind}-${id.replace(/[^\w-]/g, '')}-${day}.json`;
}
