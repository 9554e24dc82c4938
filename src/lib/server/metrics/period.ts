/** The metrics period: the 12 months ending at the job's `now`. */
export interface Period {
	start: Date;
	end: Date;
}

/**
 * The 12 months ending at `now` (same calendar time a year earlier; 29 Feb → 1 Mar).
 * @throws RangeError for an invalid date.
 */
export function twelveMonthsTo(now: Date): Period {
	if (Number.isNaN(now.getTime())) throw new RangeError('invalid date for the metrics period');
	const start = new Date(now.getTime());
	start.setUTCFullYear(now.getUTCFullYear() - 1);
	return { start, end: new Date(now.getTime()) };
}
