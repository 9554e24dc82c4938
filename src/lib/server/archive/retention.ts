/**
 * The nightly retention of visits, shard by shard (issue 15): each shard's households and visits
 * of the last 30 days are counted, the months it can keep follow from them
 * (domain/visit-retention.ts), and its visits older than that move to R2 (archive/visits.ts).
 * A shard over capacity even at 13 months keeps 13 and raises the alarm: one console.error line,
 * and its binding in the report.
 */
import type { ShardDb, ShardRouter } from '../db/shards.ts';
import { RATE_WINDOW_DAYS, retentionPlan, type ShardLoad } from '../../domain/visit-retention.ts';
import { archiveVisits } from './visits.ts';

const DAY_MS = 86_400_000;

/** One shard's capacity and what the run did with it. */
export interface ShardRetention {
	binding: string;
	provinces: string[];
	households: number;
	/** Visits a month (the last 30 days' count, as a month's), rounded. */
	visitsPerMonth: number;
	/** Whole months of visits that fit; null when the shard had no visits in 30 days. */
	capacityMonths: number | null;
	/** Months kept: the configured ones, fewer when they do not fit, never under 13. */
	retentionMonths: number;
	/** Commune-months and visits moved to R2 (null without an archive bucket). */
	archived: { months: number; visits: number } | null;
}

export interface RetentionReport {
	shards: ShardRetention[];
	/** Bindings of the shards over capacity even at 13 months. */
	alarms: string[];
}

/**
 * A shard's households and visits of the last RATE_WINDOW_DAYS days, in one statement that reads
 * indexes only: the households' count walks their narrowest index (SQLite picks it; a count has
 * to see each household once, but not its 630 B row), the visits' is a range of
 * `visits_time_idx` (visited_at), the last 30 days and nothing older.
 */
export async function measureShard(db: ShardDb, now: number): Promise<ShardLoad> {
	const row = await db.$client
		.prepare(
			`SELECT (SELECT count(*) FROM households) AS households,
				(SELECT count(*) FROM visits WHERE visited_at > ?1 AND visited_at <= ?2) AS visits`
		)
		.bind(now - RATE_WINDOW_DAYS * DAY_MS, now)
		.first<{ households: number; visits: number }>();
	return { households: row?.households ?? 0, visitsInWindow: row?.visits ?? 0 };
}

/**
 * Measures every shard, archives what each may not keep (when `bucket` is given) and reports.
 * One D1 statement a shard beyond the archive's own: the count.
 * @param opts.budgetBytes what households and visits may fill (the real budget unless a test
 * lowers it)
 * @throws the D1 or R2 error of a failed step (the next nightly run tries again).
 */
export async function retainVisits(
	shards: ShardRouter,
	bucket: R2Bucket | undefined,
	opts: { now: number; configuredMonths: number; budgetBytes?: number }
): Promise<RetentionReport> {
	const report: RetentionReport = { shards: [], alarms: [] };
	for (const s of shards.all()) {
		const load = await measureShard(s.db, opts.now);
		const plan = retentionPlan(load, opts);
		const perMonth = Math.round(plan.visitsPerMonth);
		if (plan.alarm) {
			report.alarms.push(s.binding);
			console.error(
				`visit retention alarm: shard ${s.binding} (provinces ${s.provinces.join(', ') || 'all'})` +
					` holds ${load.households} households and ${perMonth} visits a month;` +
					` ${plan.capacityMonths} months of visits fit, under the 13 the figures need.` +
					` Keeping 13: split the shard or slim its visits (README "Scale").`
			);
		}
		const archived = bucket
			? await archiveVisits(s.db, bucket, { now: opts.now, months: plan.months })
			: null;
		report.shards.push({
			binding: s.binding,
			provinces: s.provinces,
			households: load.households,
			visitsPerMonth: perMonth,
			capacityMonths: plan.capacityMonths,
			retentionMonths: plan.months,
			archived: archived && { months: archived.months.length, visits: archived.visits }
		});
	}
	return report;
}
