/**
 * When a visit may say it happened, measured against when the server receives it (issue 13,
 * defect 3). A visit dated after its receipt would pin its household's status (the latest visit
 * wins) until that date; a visit dated long before was not recorded in this round of work.
 *
 * - Future: at most VISIT_CLOCK_SKEW_MS after receipt, for phones whose clock runs a little fast.
 * - Past: at most VISIT_MAX_AGE_DAYS before receipt. Field work is offline first and a phone
 *   may stay in a drawer for weeks, or its outbox travel as a backup file; a year covers that,
 *   and matches the 12-month window of the metrics (docs/domain.md `households_reached`), so a visit
 *   synced later than that would not count anywhere anyway.
 *
 * The server alone says when it received a visit: `receivedAt` is never taken from a device.
 * A refused visit stays on the device, flagged with the reason (sync-response.ts).
 */

/** How far a visit may lie after its receipt: a phone clock running fast. */
export const VISIT_CLOCK_SKEW_MS = 10 * 60_000;

/** How long a visit may wait on a device (or in a backup file) before it is synced. */
export const VISIT_MAX_AGE_DAYS = 365;
export const VISIT_MAX_AGE_MS = VISIT_MAX_AGE_DAYS * 86_400_000;

export type VisitTimeProblem = 'in_future' | 'too_old';

/**
 * Checks a visit's time against its receipt time (epoch ms).
 * @returns the problem, or null when the visit lies within the allowed window.
 */
export function visitTimeProblem(visitedAt: number, receivedAt: number): VisitTimeProblem | null {
	if (visitedAt > receivedAt + VISIT_CLOCK_SKEW_MS) return 'in_future';
	if (visitedAt < receivedAt - VISIT_MAX_AGE_MS) return 'too_old';
	return null;
}

/** English message of a visit-time problem, for API errors (the client words its own). */
export function visitTimeMessage(problem: VisitTimeProblem, visitedAt: number, receivedAt: number) {
	const at = new Date(visitedAt).toISOString();
	if (problem === 'in_future') {
		const minutes = Math.round((visitedAt - receivedAt) / 60_000);
		return `visitedAt ${at} is ${minutes} min after the server's time (at most ${VISIT_CLOCK_SKEW_MS / 60_000} min): check the phone's clock`;
	}
	return `visitedAt ${at} is more than ${VISIT_MAX_AGE_DAYS} days before it reached the server`;
}
