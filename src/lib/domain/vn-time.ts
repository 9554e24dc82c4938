/** Vietnam time (UTC+7, no daylight saving): the one place days are turned into instants. */
const VN_OFFSET_MS = 7 * 3_600_000;

/** Today in Vietnam as YYYY-MM-DD. */
export function vnToday(now = Date.now()): string {
	return new Date(now + VN_OFFSET_MS).toISOString().slice(0, 10);
}

/** Epoch ms at 00:00 in Vietnam of a YYYY-MM-DD day. */
export function vnDayStart(day: string): number {
	return Date.parse(`${day}T00:00:00Z`) - VN_OFFSET_MS;
}
