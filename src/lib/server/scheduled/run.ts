/**
 * The Worker's scheduled work (Cron Triggers in wrangler.toml, handled by worker/entry.js):
 * every run moves the shards' audit outboxes to the global audit log, recomputes the communes
 * whose records changed (metrics/job.ts) and clears expired rows; the nightly run also archives
 * the visits each shard has no room to keep (archive/retention.ts) and deletes audit entries past
 * their retention. The same code runs locally through wrangler's scheduled route
 * (`/__scheduled?cron=…` with `wrangler dev --test-scheduled`), and scripts/compute-metrics.ts
 * calls the metrics part directly.
 */
import type { Db } from '../db/client.ts';
import { runMetrics, type MetricsRunReport } from '../metrics/job.ts';
import { runMonths, type MonthsReport } from '../metrics/months.ts';
import { runDisclosure, type DisclosureReport } from '../metrics/disclosure-job.ts';
import { pruneAuditLog } from '../privacy/retention.ts';
import { auditRetentionYears, visitRetentionMonths } from '../../domain/personal-data.ts';
import { retainVisits, type RetentionReport } from '../archive/retention.ts';
import type { ShardRouter } from '../db/shards.ts';
import { drainAuditOutboxes, type OutboxReport } from '../auth/audit-outbox.ts';
import { housekeeping, type HousekeepingReport } from './housekeeping.ts';
import { eraseEndedRequestPhones } from '../help-requests/retention.ts';

/** Every 15 minutes: figures at most a quarter of an hour behind the visits synced. */
export const FREQUENT_CRON = '*/15 * * * *';
/** Nightly at 02:30 in Vietnam (19:30 UTC), when nobody is in the field. */
export const NIGHTLY_CRON = '30 19 * * *';

export interface ScheduledReport {
	cron: string;
	at: string;
	housekeeping: HousekeepingReport;
	/** Audit entries moved from the shards' outboxes to the global audit log. */
	auditMoved: OutboxReport;
	/** Audit entries deleted by the nightly run (null on the others). */
	auditPruned: number | null;
	/** Commune-months of visits moved to the R2 archive by the nightly run (null on the others). */
	visitsArchived: { months: number; visits: number } | null;
	/**
	 * Each shard's capacity and the months it keeps, and the shards over capacity even at 13
	 * months (null on the runs that are not nightly).
	 */
	visitRetention: RetentionReport | null;
	/** Help requests whose phone the nightly run erased (null on the others; issue 17 §1). */
	helpRequestPhonesErased: number | null;
	/** The incremental metrics run: communes recomputed, marks left, D1 statements. */
	metrics: MetricsRunReport;
	/** The monthly series: months closed, the current month written, history backfilled. */
	months: MonthsReport;
	/** Suppression across time and geography: the metrics protected again (docs/disclosure.md). */
	disclosure: DisclosureReport;
	elapsedMs: number;
}

export interface ScheduledSettings {
	/** AUDIT_RETENTION_YEARS as configured (default 5). */
	AUDIT_RETENTION_YEARS?: string;
	/** VISIT_RETENTION_MONTHS as configured (default 24). */
	VISIT_RETENTION_MONTHS?: string;
}

/** One scheduled run for `cron` at `now`. Throws the D1 error of a failed step (the next run tries again). */
export async function runScheduled(
	db: Db,
	opts: {
		cron: string;
		now: Date;
		settings?: ScheduledSettings;
		archive?: R2Bucket;
		/** Every shard (a router made with `many`). */
		shards: ShardRouter;
		/** What a shard's households and visits may fill (SHARD_BUDGET_BYTES; tests lower it). */
		retentionBudgetBytes?: number;
	}
): Promise<ScheduledReport> {
	const started = performance.now();
	const now = opts.now.getTime();
	const { shards } = opts;
	const swept = await housekeeping(db, now);
	const auditMoved = await drainAuditOutboxes(db, shards);
	const pruned =
		opts.cron === NIGHTLY_CRON
			? await pruneAuditLog(db, {
					now,
					years: auditRetentionYears(opts.settings?.AUDIT_RETENTION_YEARS)
				})
			: null;
	// Before the metrics: the archive's deletes mark their communes, and figures never read
	// visits that old, so the same run leaves nothing stale. Shards are measured even without
	// a bucket: the alarm matters most where nothing is archived.
	const retention =
		opts.cron === NIGHTLY_CRON
			? await retainVisits(shards, opts.archive, {
					now,
					configuredMonths: visitRetentionMonths(opts.settings?.VISIT_RETENTION_MONTHS),
					budgetBytes: opts.retentionBudgetBytes
				})
			: null;
	const phones = opts.cron === NIGHTLY_CRON ? await eraseEndedRequestPhones(shards, now) : null;
	const metrics = await runMetrics(db, { now: opts.now, shards });
	// After the figures: the current month copies what this run recomputed (metrics/months.ts).
	const months = await runMonths(db, { now: opts.now, shards });
	// After the months: which of their cells to hide, so requests only read flags.
	const disclosure = await runDisclosure(db, { now: opts.now });
	return {
		cron: opts.cron,
		at: opts.now.toISOString(),
		housekeeping: swept,
		auditMoved,
		auditPruned: pruned?.deleted ?? null,
		visitsArchived: retention && opts.archive ? archivedTotal(retention) : null,
		visitRetention: retention,
		helpRequestPhonesErased: phones,
		metrics,
		months,
		disclosure,
		elapsedMs: Math.round(performance.now() - started)
	};
}

/** Commune-months and visits archived over every shard. */
function archivedTotal(r: RetentionReport): { months: number; visits: number } {
	const total = { months: 0, visits: 0 };
	for (const s of r.shards) {
		total.months += s.archived?.months ?? 0;
		total.visits += s.archived?.visits ?? 0;
	}
	return total;
}
