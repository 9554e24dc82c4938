/**
 * The monthly series for all 3,321 communes within the scheduled job's limits (issue 16 §1):
 * on a fresh local D1 (real workerd, temp folder) with the reference data and the demo seed
 * (visits over the last months), the scheduled runs' metrics part — the incremental job, then
 * the series' step — is repeated with the Worker's limits (RUN_LIMITS, MONTH_LIMITS) from a full
 * rebuild until every commune and its history are in; then the first run of the next month
 * (closing a month for every commune) and an admin's recompute of a month. Prints the D1
 * statements and elapsed time of each (limit: 1,000 statements per invocation).
 *
 *   node bench/metrics-months.ts [--now 2026-11-23T00:00:00Z]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { applyMigrations, withLocalDb } from '../scripts/lib/local-d1.ts';
import { requireDataDir } from '../scripts/lib/paths.ts';
import { importReference } from '../scripts/lib/reference-files.ts';
import { loadCommuneShapes } from '../scripts/lib/demo-geometry.ts';
import { seedDemo } from '../src/lib/server/demo/seed.ts';
import { requestFullRebuild, runMetrics } from '../src/lib/server/metrics/job.ts';
import { requestMonthsBackfill, runMonths } from '../src/lib/server/metrics/months.ts';
import { recomputeMonth } from '../src/lib/server/metrics/months-history.ts';
import { addMonths, monthBounds, monthOf } from '../src/lib/domain/metric-months.ts';

const { values } = parseArgs({ options: { now: { type: 'string' } } });
const now = new Date(values.now ?? '2026-11-23T00:00:00Z');
const LIMIT = 1_000;
const n = (x: number) => x.toLocaleString('vi-VN');
const s = (ms: number) => `${(ms / 1000).toLocaleString('vi-VN', { maximumFractionDigits: 2 })} s`;

const persistTo = mkdtempSync(join(tmpdir(), 'tung-ngo-bench-months-'));
try {
	applyMigrations(persistTo);
	await withLocalDb(async ({ db, shards }) => {
		await importReference(db, requireDataDir());
		const seeded = await seedDemo(db, { now, shapeOf: loadCommuneShapes(), shards });
		console.log(
			`demo: ${seeded.communes} communes with records, ${n(seeded.counts.visits)} visits; ` +
				`series to ${monthOf(now.getTime())}`
		);
		await requestFullRebuild(db, now.getTime());
		await requestMonthsBackfill(db);
		let max = 0;
		let total = 0;
		const started = performance.now();
		for (let run = 1; run <= 100; run++) {
			const at = new Date(now.getTime() + run * 15 * 60_000);
			const m = await runMetrics(db, { now: at, shards });
			const months = await runMonths(db, { now: at, shards });
			const statements = m.statements + months.statements;
			max = Math.max(max, statements);
			total += m.elapsedMs + months.elapsedMs;
			console.log(
				`run ${run}: ${m.communes.marked + m.communes.missing} communes recomputed, ` +
					`${months.backfilled} histories backfilled — ${statements} statements ` +
					`(job ${m.statements}, series ${months.statements}), ` +
					`${s(m.elapsedMs + months.elapsedMs)} (series ${s(months.elapsedMs)})`
			);
			if (m.remaining === 0 && months.backfillRemaining === 0) break;
		}
		console.log(
			`full rebuild with the series: ${s(performance.now() - started)} wall, ${s(total)} in runs; ` +
				`at most ${max} statements in a run (limit ${n(LIMIT)})`
		);
		const next = new Date(monthBounds(addMonths(monthOf(now.getTime()), 1)).startMs + 60_000);
		const m = await runMetrics(db, { now: next, shards });
		const close = await runMonths(db, { now: next, shards });
		console.log(
			`first run of ${monthOf(next.getTime())}: closed ${close.closed.join(', ')} for every ` +
				`commune — ${m.statements + close.statements} statements (series ${close.statements}), ` +
				`${s(close.elapsedMs)}`
		);
		const month = monthOf(now.getTime());
		const r = await recomputeMonth(db, month, { now: next, shards });
		console.log(
			`recompute of ${month} (admin, one request): ${n(r.communes)} communes, ` +
				`${r.statements} statements, ${s(r.elapsedMs)}`
		);
		if (max > LIMIT || r.statements > LIMIT) process.exitCode = 1;
	}, persistTo);
} finally {
	rmSync(persistTo, { recursive: true, force: true });
}
