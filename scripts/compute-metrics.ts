/**
 * Computes the public metric counts into the local D1 (area_metrics, area_service_metrics): a full
 * rebuild through the same incremental job the Worker's Cron Trigger runs (every commune marked,
 * then runs within a Worker invocation's limits until no mark is left).
 *
 *   node scripts/compute-metrics.ts [--now 2026-11-23T00:00:00Z]
 * Env: TUNG_NGO_PERSIST_DIR (local D1 state).
 */
import { parseArgs } from 'node:util';
import { withLocalDb } from './lib/local-d1.ts';
import { computeMetrics, type MetricsReport } from '../src/lib/server/metrics/job.ts';
import { computeMonths } from '../src/lib/server/metrics/months.ts';
import { runDisclosure } from '../src/lib/server/metrics/disclosure-job.ts';

const { values } = parseArgs({ options: { now: { type: 'string' } } });

function print(r: MetricsReport): void {
	const t = r.totals;
	console.log(`Metrics for ${r.period.start} … ${r.period.end}`);
	console.log(
		`  areas: ${r.areas.communes} communes, ${r.areas.provinces} provinces, ${r.areas.country} country`
	);
	console.log(
		`  rows: ${r.rows.areaMetrics} area_metrics, ${r.rows.areaServiceMetrics} area_service_metrics` +
			` in ${r.runs} run(s) of the incremental job, ${r.statements} D1 statements`
	);
	console.log(
		`  country: ${t.teams} teams, ${t.members} members (communes with usable population), ` +
			`${t.hamlets} hamlets (${t.hamletsCovered} covered), ${t.householdsKnown} households, ` +
			`${t.householdsVisited} visited, ${t.householdsReached} reached, ${t.helped} people helped, ` +
			`${t.demoRecords} demo records`
	);
	console.log(`  elapsed: ${r.elapsedMs} ms`);
}

const now = values.now ? new Date(values.now) : new Date();
if (Number.isNaN(now.getTime())) {
	console.error(`✗ --now is not a date: ${values.now}`);
	process.exit(1);
}
const [report, months, disclosure] = await withLocalDb(
	async ({ db, shards }) =>
		[
			await computeMetrics(db, { now, shards }),
			await computeMonths(db, { now, shards }),
			await runDisclosure(db, { now, budgetMs: Infinity })
		] as const
);
print(report);
console.log(
	`  monthly series: current ${months.current}, ${months.backfilled} communes' history ` +
		`backfilled, ${months.closed.length} month(s) closed, ${months.statements} D1 statements, ` +
		`${months.elapsedMs} ms`
);
console.log(
	`  suppression across time and geography: ${disclosure.protected.length} metrics protected, ` +
		`${disclosure.hidden} cells hidden, ${disclosure.unresolved} unresolved, ` +
		`${disclosure.elapsedMs} ms`
);
