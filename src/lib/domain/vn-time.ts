/**
 * Vietnam time (UTC+7, no daylight saving): the one place days are turned into instants, and
 * calendar days (YYYY-MM-DD) are counted.
 */
const VN_OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;

/** Today in Vietnam as YYYY-MM-DD. */
export function vnToday(now = Date.now()): string {
	return new Date(now + VN_OFFSET_MS).toISOString().slice(0, 10);
}

/** Epoch ms at 00:00 in Vietnam of a YYYY-MM-DD day. */
export function vnDayStart(day: string): number {
	return Date.parse(`${day}T00:00:00Z`) - VN_OFFSET_MS;
}

/** `day` (YYYY-MM-DD) plus `n` calendar days (n may be negative), as YYYY-MM-DD. */
export function addDays(day: string, n: number): string {
	return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** The weekday of a YYYY-MM-DD day: 0 Sunday … 6 Saturday. */
export function weekdayOf(day: string): number {
	return new Date(`${day}T00:00:00Z`).getUTCDay();
}
