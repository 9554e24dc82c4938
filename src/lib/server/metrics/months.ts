/**
 * The monthly series of the metrics job (issue 16 §1, docs/monthly-series.md). After each run of
 * the incremental job (metrics/job.ts), one step:
 *  1. closes the months that have ended and still have open rows: their flows re-read exactly
 *     from the day tables for every commune, their stocks those the last live run of the month
 *     stored ("as at" the month's end within the cron's lag), `closed` set; never touched again
 *     by a run (only by the audited recompute, months-history.ts);
 *  2. writes the current month of the communes the run recomputed: stocks "as now" (their
 *     area_metrics rows), flows of the month so far;
 *  3. backfills the history (the 23 months before the current one) of a few communes not yet
 *     backfilled, reconstructed from the records (months-build.ts), keeping rows that exist;
 *  4. sums the provinces and the country of every month it wrote (months-store.ts).
 * Within the run's limits: MONTH_LIMITS keeps the step under ~250 D1 statements.
 */
import type { Db } from '../db/client.ts';
import type { ShardRouter } from '../db/shards.ts';
import { runBatch } from '../db/bulk.ts';
import { setMetaStatement } from '../db/writes/meta.ts';
import { lastMonths, monthOf, planMonths, previousMonth } from '../../domain/metric-months.ts';
import { closeMonthStatements, rollUpMonths, writeCurrentMonth } from './months-store.ts';
import { ALL_COMMUNES, flowsOf, reconstruct, rows, type Commune } from './months-history.ts';

/** How much of the series one scheduled run may do (within RUN_LIMITS' 1,000 queries). */
export const MONTH_LIMITS = {
	/** Communes whose history is backfilled per run (12 runs for 3,321 communes). */
	backfill: 300,
	/** Communes read in one batch (11 statements whatever the count). */
	chunk: 25,
	/** Ended months closed per run (one, unless the job stopped for longer). */
	close: 2
} as const;
type MonthLimits = { backfill: number; chunk: number; close: number };

/** Months of history before the current one (the series shows 24 months). */
export const HISTORY_MONTHS = 23;

export interface MonthsReport {
	current: string;
	closed: string[];
	/** Communes whose current month this run wrote. */
	currentCommunes: number;
	backfilled: number;
	/** Communes still waiting for their history. */
	backfillRemaining: number;
	statements: number;
	elapsedMs: number;
}

/** Step 1: closes the ended months that still have open rows. */
async function closeEnded(db: Db, current: string, now: number, shards: ShardRouter, max: number) {
	const open = await rows<{ month: string }>(
		db,
		`SELECT DISTINCT month FROM area_months WHERE level = 'commune' AND closed = 0 AND month < ?1`,
		current
	);
	let statements = 1;
	const { close } = planMonths(
		current,
		open.map((o) => ({ month: o.month, closed: false }))
	);
	const closing = close.slice(0, max);
	if (closing.length === 0) return { closed: closing, statements };
	const communes = await rows<Commune>(db, ALL_COMMUNES);
	const provinces = [...new Set(communes.map((c) => c.provinceCode))];
	statements += 1;
	for (const month of closing) {
		const flows = await flowsOf(communes, month, shards);
		const writes = [
			...closeMonthStatements(db, month, now, flows),
			...rollUpMonths(db, [month], provinces, now)
		];
		await runBatch(db, writes);
		statements += flows.statements + writes.length;
	}
	return { closed: closing, statements };
}

/** Step 2: the current month of the communes this run recomputed (area_metrics stamped `now`). */
async function writeCurrent(db: Db, current: string, now: number, shards: ShardRouter) {
	const communes = await rows<Commune>(
		db,
		`SELECT code, province_code AS provinceCode FROM area_metrics
			WHERE level = 'commune' AND computed_at = ?1`,
		now
	);
	if (communes.length === 0) return { communes: 0, statements: 1 };
	const flows = await flowsOf(communes, current, shards);
	const provinces = [...new Set(communes.map((c) => c.provinceCode))];
	const writes = [
		...writeCurrentMonth(db, current, now, flows),
		...rollUpMonths(db, [current], provinces, now)
	];
	await runBatch(db, writes);
	return { communes: communes.length, statements: 1 + flows.statements + writes.length };
}

const WAITING = `SELECT c.code, c.province_code AS provinceCode FROM communes c
	WHERE NOT EXISTS (SELECT 1 FROM area_month_backfill b WHERE b.commune_code = c.code)
	ORDER BY c.province_code, c.code`;

/** Step 3: the history of communes not yet backfilled. */
async function backfill(db: Db, current: string, now: number, shards: ShardRouter, l: MonthLimits) {
	const waiting = await rows<Commune>(db, WAITING);
	const picked = waiting.slice(0, l.backfill);
	if (picked.length === 0) return { backfilled: 0, remaining: 0, statements: 1 };
	const months = lastMonths(previousMonth(current), HISTORY_MONTHS);
	const r = await reconstruct(db, picked, months, { shards, chunk: l.chunk, now, replace: false });
	const roll = rollUpMonths(db, months, [...r.provinces], now);
	await runBatch(db, roll);
	return {
		backfilled: picked.length,
		remaining: waiting.length - picked.length,
		statements: 1 + r.statements + roll.length
	};
}

/**
 * The series' step of one scheduled run at `now` (see the file comment); stamps the public
 * figures' version when it wrote anything.
 * @throws the D1 error of a failed batch (each batch is whole; the next run redoes the rest).
 */
export async function runMonths(
	db: Db,
	opts: { now: Date; shards: ShardRouter; limits?: Partial<MonthLimits> }
): Promise<MonthsReport> {
	const started = performance.now();
	const limits: MonthLimits = { ...MONTH_LIMITS, ...opts.limits };
	const now = opts.now.getTime();
	const current = monthOf(now);
	const closed = await closeEnded(db, current, now, opts.shards, limits.close);
	const cur = await writeCurrent(db, current, now, opts.shards);
	const back = await backfill(db, current, now, opts.shards, limits);
	let statements = closed.statements + cur.statements + back.statements;
	if (closed.closed.length + back.backfilled > 0) {
		await runBatch(db, [setMetaStatement(db, 'metrics_computed_at', opts.now.toISOString(), now)]);
		statements += 1;
	}
	return {
		current,
		closed: closed.closed,
		currentCommunes: cur.communes,
		backfilled: back.backfilled,
		backfillRemaining: back.remaining,
		statements,
		elapsedMs: Math.round(performance.now() - started)
	};
}

/** Lets the next runs backfill every commune's missing months again (a full rebuild). */
export async function requestMonthsBackfill(db: Db): Promise<void> {
	await db.$client.prepare('DELETE FROM area_month_backfill').run();
}

/**
 * The series after a local full rebuild (scripts, tests): the same step without a Worker's
 * limits, repeated until every commune's history is in.
 */
export async function computeMonths(
	db: Db,
	opts: { now: Date; shards: ShardRouter }
): Promise<MonthsReport & { runs: number }> {
	await requestMonthsBackfill(db);
	let runs = 0;
	let statements = 1;
	let last: MonthsReport;
	const started = performance.now();
	do {
		last = await runMonths(db, { ...opts, limits: { backfill: 100_000, chunk: 200, close: 24 } });
		runs += 1;
		statements += last.statements;
	} while (last.backfillRemaining > 0 && runs < 100);
	return { ...last, runs, statements, elapsedMs: Math.round(performance.now() - started) };
}
