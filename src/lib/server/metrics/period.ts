/** The metrics period: the 12 months ending at the job's `now`, in whole Vietnam days. */
export interface Period {
	start: Date;
	end: Date;
}

const VN_OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;

/** The Vietnam day number of an instant: what the visit state tables are keyed by. */
export const vnDayNumber = (ms: number) => Math.floor((ms + VN_OFFSET_MS) / DAY_MS);

/**
 * The 12 months ending at `now`: from the start of the same Vietnam calendar day a year earlier
 * (29 Feb → 1 Mar) to `now`. Whole days at the start, so that figures kept per day
 * (commune_days, commune_service_days) cover the period exactly.
 * @throws RangeError for an invalid date.
 */
export function twelveMonthsTo(now: Date): Period {
	if (Number.isNaN(now.getTime())) throw new RangeError('invalid date for the metrics period');
	const local = new Date(now.getTime() + VN_OFFSET_MS);
	local.setUTCFullYear(local.getUTCFullYear() - 1);
	local.setUTCHours(0, 0, 0, 0);
	return { start: new Date(local.getTime() - VN_OFFSET_MS), end: new Date(now.getTime()) };
}
