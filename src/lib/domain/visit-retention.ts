/**
 * How many months of visits a shard can keep in D1 (issue 15, README "Scale", "Retention plan
 * that follows", point 1). A D1 database holds 10 GB and no more; households stay, visits grow
 * with every month kept. So the months kept follow from the shard's own households and visit
 * rate, N = (budget − households × bytes per household) ÷ (visits a month × bytes per visit),
 * bounded above by VISIT_RETENTION_MONTHS and below by the 13 months the figures need.
 */
import { MIN_VISIT_RETENTION_MONTHS } from './personal-data.ts';

/**
 * D1's largest database (Workers Paid), 10 GB. Counted as 10¹⁰ B: Cloudflare states the limit
 * in GB, and the decimal reading is the smaller, so the safe one.
 */
export const D1_MAX_BYTES = 10_000_000_000;

/**
 * What a shard's households and visits may fill: 80 % of D1_MAX_BYTES. The other 2 GB hold the
 * rest of the shard (routes and their stops, the day tables, help requests, the archive's
 * totals), the current month on top of the months kept, and the nights the archive lags behind.
 */
export const SHARD_BUDGET_BYTES = 8_000_000_000;

/**
 * Bytes one household costs with its indexes: 630 B, measured with dbstat on the 1.060.156
 * households of bench/scale.ts's shard (README "Scale", "Storage"; services state included).
 */
export const HOUSEHOLD_BYTES = 630;

/**
 * Bytes one visit costs with its 4,4 service rows and both tables' indexes: 1.001 B (449 B a
 * visit, 125 B a service row), the same measurement on its 3.232.700 visits.
 */
export const VISIT_BYTES = 1_001;

/** The window the visit rate is counted over, in days. */
export const RATE_WINDOW_DAYS = 30;

/** Days in an average month (365,25 ÷ 12): a 30-day count times 30,4375 ÷ 30 is a month's. */
export const DAYS_PER_MONTH = 365.25 / 12;

/** What a shard holds, as the nightly run counts it. */
export interface ShardLoad {
	/** Every household row of the shard (erased and demo ones too: they take room). */
	households: number;
	/** Visits made in the last RATE_WINDOW_DAYS days. */
	visitsInWindow: number;
}

export interface RetentionPlan {
	/** The shard's visits a month, from its window's count. */
	visitsPerMonth: number;
	/**
	 * Whole months of visits that fit in the budget beside the households; null when the window
	 * has no visits (nothing grows), 0 when the households alone fill the budget.
	 */
	capacityMonths: number | null;
	/** Months to keep: the configured months, fewer when they do not fit, never under 13. */
	months: number;
	/** Even 13 months do not fit: someone must split the shard or slim its visits. */
	alarm: boolean;
}

const count = (name: string, n: number) => {
	if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${name} is not a count: ${n}`);
	return n;
};

/**
 * The months a shard keeps. Under capacity it keeps `configuredMonths`; over it, as many as fit;
 * never fewer than 13, since deleting visits the figures read is worse than being told (the
 * alarm): the shard then grows past its budget until it is split.
 * @param opts.budgetBytes what households and visits may fill (SHARD_BUDGET_BYTES; tests lower it)
 * @throws RangeError when a count is not a whole number ≥ 0, or the budget is not positive.
 */
export function retentionPlan(
	load: ShardLoad,
	opts: { configuredMonths: number; budgetBytes?: number }
): RetentionPlan {
	const households = count('households', load.households);
	const visits = count('visitsInWindow', load.visitsInWindow);
	const budget = opts.budgetBytes ?? SHARD_BUDGET_BYTES;
	if (!(budget > 0)) throw new RangeError(`budgetBytes is not positive: ${budget}`);
	const visitsPerMonth = (visits * DAYS_PER_MONTH) / RATE_WINDOW_DAYS;
	const free = budget - households * HOUSEHOLD_BYTES;
	const capacityMonths =
		free <= 0 ? 0 : visits === 0 ? null : Math.floor(free / (visitsPerMonth * VISIT_BYTES));
	const wanted = Math.max(opts.configuredMonths, MIN_VISIT_RETENTION_MONTHS);
	const fits = capacityMonths === null ? wanted : Math.min(wanted, capacityMonths);
	return {
		visitsPerMonth,
		capacityMonths,
		months: Math.max(fits, MIN_VISIT_RETENTION_MONTHS),
		alarm: capacityMonths !== null && capacityMonths < MIN_VISIT_RETENTION_MONTHS
	};
}
