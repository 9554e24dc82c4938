/**
 * Retry timing for the visit sync: exponential backoff with jitter, so a crowd of phones coming
 * back online after an outage does not hit the server in lockstep. Pure: the caller passes the
 * random number.
 */

/** Named sync timings (docs/style.md, "Offline"). */
export const SYNC_TIMING = {
	/** First retry after a failure, before jitter. */
	baseDelayMs: 2_000,
	/** Longest wait between retries. */
	maxDelayMs: 5 * 60_000,
	/** Background sync while the app is open. */
	periodicMs: 60_000,
	/** Visits per request (the server accepts up to 500). */
	batchSize: 200
} as const;

/**
 * Delay before retry number `attempt` (0 = first retry): half the exponential step fixed, the
 * other half random ("equal jitter"), capped at `maxDelayMs`.
 * @param random a number in [0, 1)
 */
export function backoffDelay(
	attempt: number,
	random: number,
	t: { baseDelayMs: number; maxDelayMs: number } = SYNC_TIMING
): number {
	const step = Math.min(t.maxDelayMs, t.baseDelayMs * 2 ** Math.max(0, attempt));
	return Math.round(step / 2 + (step / 2) * Math.min(Math.max(random, 0), 1));
}
