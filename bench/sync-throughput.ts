/**
 * Sync throughput: 1,000 visits queued in the device's outbox (real Chromium, IndexedDB) reach
 * the local D1 through POST /api/visits (wrangler dev). Goal: ≤ 5 s. Prints the figures.
 *
 *   node bench/sync-throughput.ts [--visits 1000]     (E2E_PORT picks the port)
 */
import { parseArgs } from 'node:util';
import { playwright, prepareApp, reportOf } from './lib/e2e-app.ts';

const { values } = parseArgs({ options: { visits: { type: 'string', default: '1000' } } });
const GOAL_MS = 5_000;

prepareApp();
const r = playwright(
	'sync-throughput',
	{ SYNC_VISITS: String(values.visits) },
	'bench/lib/playwright.bench.config.ts'
);
const s = reportOf<{
	visits: number;
	syncMs: number;
	queueMs: number;
	requests: number;
	onServer: number;
}>(r, 'SYNC-THROUGHPUT', 'the throughput run failed', true);
const nf = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });
console.log(
	`Sync throughput: ${nf.format(s.visits)} queued visits reached D1 in ${nf.format(s.syncMs / 1000)} s (${s.requests} requests; ${nf.format(s.visits / (s.syncMs / 1000))} visits/s); goal ≤ ${nf.format(GOAL_MS / 1000)} s: ${s.syncMs <= GOAL_MS ? 'MET' : 'MISSED'}`
);
console.log(
	`  queueing them in IndexedDB (durable, one transaction per visit): ${nf.format(s.queueMs / 1000)} s; on the server afterwards: ${nf.format(s.onServer)} (each once)`
);
process.exit(s.syncMs <= GOAL_MS ? 0 : 1);
