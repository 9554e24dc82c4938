/**
 * The protection across time and geography in the scheduled run (issue 16 §8, docs/disclosure.md):
 * after the monthly series is written, each protected metric whose month rows changed since its
 * last protection is protected again over the series' window (the country, every province and
 * commune, 24 months, quarters and 12-month figures: domain/disclosure-publish.ts), and its hidden
 * cells are stored in `disclosure_hidden`. Requests only read those flags.
 *
 * A run protects the stalest metrics first until its time budget is spent (always at least one),
 * so a run stays within the Worker's CPU; the others wait for the next run. Statements: 3 reads,
 * then per metric 1 read and 1 batch of writes (a few statements) — far under RUN_LIMITS.
 */
import type { Db } from '../db/client.ts';
import { runBatch, jsonChunks } from '../db/bulk.ts';
import { lastMonths, monthOf } from '../../domain/metric-months.ts';
import type { MonthCounts, MonthServiceCounts } from '../../domain/metric-months.ts';
import { metricDefinition } from '../../domain/metric-definitions.ts';
import {
	PROTECTED_MONTHS,
	protectPublished,
	protectedMetricKeys,
	publishedMetricOf,
	publishedPeriods
} from '../../domain/disclosure-publish.ts';
import { rows } from './months-history.ts';

/** How long one run may spend protecting (ms of wall time; the CPU is most of it). */
export const DISCLOSURE_BUDGET_MS = 8_000;

export interface DisclosureReport {
	/** Metrics protected by this run. */
	protected: string[];
	/** Stale metrics left for the next runs. */
	waiting: number;
	hidden: number;
	/** Cells the whole-hierarchy audit still flagged (expected 0; then everything was hidden). */
	unresolved: number;
	statements: number;
	elapsedMs: number;
}

const MONTH_ROWS = `SELECT level, code, month, province_code AS provinceCode, closed, teams, members,
		population, hamlets, hamlets_covered AS hamletsCovered, households_known AS householdsKnown,
		households_reached AS householdsReached, households_visited AS householdsVisited, visits,
		demo_records AS demoRecords, computed_at AS computedAt
	FROM area_months WHERE level = 'commune' AND month IN (SELECT value FROM json_each(?1))`;
const SERVICE_ROWS = `SELECT level, code, month, service_code AS serviceCode,
		province_code AS provinceCode, adults_using AS adultsUsing, adults_total AS adultsTotal, helped
	FROM area_month_services
	WHERE level = 'commune' AND service_code = ?2 AND month IN (SELECT value FROM json_each(?1))`;
const LAST_WRITE = `SELECT max(computed_at) AS at FROM area_months
	WHERE level = 'commune' AND month IN (SELECT value FROM json_each(?1))`;

/** The metrics to protect again, stalest first: never protected, an older window, older rows. */
async function staleMetrics(db: Db, current: string, window: string): Promise<string[]> {
	const [last] = await rows<{ at: number | null }>(db, LAST_WRITE, window);
	const runs = await rows<{ metric: string; currentMonth: string; computedAt: number }>(
		db,
		`SELECT metric, current_month AS currentMonth, computed_at AS computedAt FROM disclosure_runs`
	);
	const byKey = new Map(runs.map((r) => [r.metric, r]));
	const lastWrite = last?.at ?? 0;
	return protectedMetricKeys()
		.filter((k) => {
			const r = byKey.get(k);
			return !r || r.currentMonth !== current || r.computedAt < lastWrite;
		})
		.sort((a, b) => (byKey.get(a)?.computedAt ?? 0) - (byKey.get(b)?.computedAt ?? 0));
}

/** The writes of one metric's protection: its window's flags replaced, its run recorded. */
function writes(
	db: Db,
	key: string,
	periods: string[],
	hidden: { period: string; code: string }[],
	run: { current: string; unresolved: number; elapsedMs: number; at: number }
) {
	const d1 = db.$client;
	return [
		d1
			.prepare(
				`DELETE FROM disclosure_hidden WHERE metric = ?1
					AND period IN (SELECT value FROM json_each(?2))`
			)
			.bind(key, JSON.stringify(periods)),
		...jsonChunks(hidden.map((h) => [h.period, h.code])).map((chunk) =>
			d1
				.prepare(
					`INSERT OR IGNORE INTO disclosure_hidden (metric, period, code)
						SELECT ?1, value ->> 0, value ->> 1 FROM json_each(?2)`
				)
				.bind(key, chunk)
		),
		d1
			.prepare(
				`INSERT INTO disclosure_runs (metric, current_month, hidden, unresolved, elapsed_ms,
						computed_at, fresh) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 1)
					ON CONFLICT (metric) DO UPDATE SET current_month = excluded.current_month,
						hidden = excluded.hidden, fresh = 1,
						unresolved = excluded.unresolved, elapsed_ms = excluded.elapsed_ms,
						computed_at = excluded.computed_at`
			)
			.bind(key, run.current, hidden.length, run.unresolved, run.elapsedMs, run.at)
	];
}

/**
 * The protection step of one scheduled run at `now` (see the file comment). Moves the public
 * figures' version on when it wrote flags, so cached answers are not served with old ones.
 * @throws the D1 error of a failed batch (each metric's batch is whole; the next run redoes it).
 */
export async function runDisclosure(
	db: Db,
	opts: { now: Date; budgetMs?: number; metrics?: readonly string[] }
): Promise<DisclosureReport> {
	const started = performance.now();
	const budget = opts.budgetMs ?? DISCLOSURE_BUDGET_MS;
	const now = opts.now.getTime();
	const current = monthOf(now);
	const months = lastMonths(current, PROTECTED_MONTHS);
	const window = JSON.stringify(months);
	const periods = [...months, ...publishedPeriods(current).groups.map((g) => g.label)];
	const stale = (await staleMetrics(db, current, window)).filter(
		(k) => !opts.metrics || opts.metrics.includes(k)
	);
	const report = { protected: [] as string[], hidden: 0, unresolved: 0, statements: 2 };
	if (stale.length === 0) return { ...report, waiting: 0, elapsedMs: elapsed(started) };
	const monthRows = await rows<MonthCounts>(db, MONTH_ROWS, window);
	report.statements += 1;
	for (const key of stale) {
		if (report.protected.length > 0 && performance.now() - started > budget) break;
		const t0 = performance.now();
		const service = metricDefinition(key)?.serviceCode;
		const services = service
			? await rows<MonthServiceCounts>(db, SERVICE_ROWS, window, service)
			: [];
		const result = protectPublished(publishedMetricOf(key, current, monthRows, services));
		const run = { current, unresolved: result.unresolved.length, elapsedMs: elapsed(t0), at: now };
		const batch = writes(db, key, periods, result.hidden, run);
		await runBatch(db, batch);
		report.statements += (service ? 1 : 0) + batch.length;
		report.protected.push(key);
		report.hidden += result.hidden.length;
		report.unresolved += result.unresolved.length;
	}
	// The metrics left for later runs: their flags no longer match the rows, so until then the
	// cross-section's rule applies again on top of them (domain/disclosure-flags.ts).
	const waiting = stale.filter((k) => !report.protected.includes(k));
	await runBatch(db, [
		db.$client
			.prepare(
				`UPDATE disclosure_runs SET fresh = 0 WHERE metric IN (SELECT value FROM json_each(?1))`
			)
			.bind(JSON.stringify(waiting)),
		db.$client
			.prepare(
				`UPDATE meta SET updated_at = max(updated_at + 1, ?1) WHERE key = 'metrics_computed_at'`
			)
			.bind(now)
	]);
	report.statements += 2;
	return {
		...report,
		waiting: stale.length - report.protected.length,
		elapsedMs: elapsed(started)
	};
}

const elapsed = (since: number) => Math.round(performance.now() - since);
