/**
 * Times the data pipeline behind `npm start` on a fresh local D1 (real workerd, temp folder):
 * reference import (fresh, then re-runs that must write nothing), the demo seed and the metrics
 * job. Figures only; correctness is tested in tests/api.
 *
 *   node bench/setup-pipeline.ts [--runs 3]
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
import { computeMetrics } from '../src/lib/server/metrics/job.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' } } });
const runs = Math.max(1, Number(values.runs));

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
/** Seconds in vi-VN style: 1351.2 ms → "1,35 s". */
const fmt = (ms: number) =>
	`${(ms / 1000).toLocaleString('vi-VN', { maximumFractionDigits: 2 })} s`;

async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
	const t0 = performance.now();
	const out = await fn();
	return [performance.now() - t0, out];
}

const dataDir = requireDataDir();
const persistTo = mkdtempSync(join(tmpdir(), 'tung-ngo-bench-'));
try {
	applyMigrations(persistTo);
	await withLocalDb(async ({ db, shards }) => {
		const [fresh, first] = await timed(() => importReference(db, dataDir));
		console.log(`reference import, fresh D1:     ${fmt(fresh)} (${first.statements} statements)`);
		const reruns: number[] = [];
		for (let i = 0; i < runs; i++) {
			const [ms, report] = await timed(() => importReference(db, dataDir));
			if (report.changed) throw new Error('a re-run of the import wrote rows');
			reruns.push(ms);
		}
		console.log(`reference import, re-run no-op: median ${fmt(median(reruns))} of ${runs}`);

		const shapeOf = loadCommuneShapes();
		const now = new Date('2026-11-23T00:00:00Z');
		const seeds: number[] = [];
		for (let i = 0; i < runs; i++) {
			const [ms, r] = await timed(() => seedDemo(db, { now, shapeOf, shards }));
			seeds.push(ms);
			if (i === 0) {
				const c = r.counts;
				console.log(
					`demo seed: ${r.communes} communes, ${c.households.toLocaleString('vi-VN')} households, ` +
						`${c.visits.toLocaleString('vi-VN')} visits`
				);
			}
		}
		console.log(`demo seed (incl. replacing the previous demo rows): median ${fmt(median(seeds))}`);

		const jobs: number[] = [];
		for (let i = 0; i < runs; i++)
			jobs.push((await timed(() => computeMetrics(db, { now, shards })))[0]);
		console.log(`metrics job (3,321 communes + roll-ups): median ${fmt(median(jobs))}`);
	}, persistTo);
} finally {
	rmSync(persistTo, { recursive: true, force: true });
}
