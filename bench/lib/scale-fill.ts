/**
 * Fills the scale-simulation database commune by commune, resumably: communes marked done are
 * skipped, the simulation's `now` and seed are kept in meta so a resumed run makes the same
 * records, and progress (counts, rate, estimate of the time left) is printed per commune.
 * The next commune is generated while the current one's batch is being written.
 */
import type { Db } from '../../src/lib/server/db/client.ts';
import type { ShardDb } from '../../src/lib/server/db/shards.ts';
import { runBatch } from '../../src/lib/server/db/bulk.ts';
import { setMetaStatement } from '../../src/lib/server/db/writes/meta.ts';
import { DAY_MS } from '../../src/lib/server/demo/types.ts';
import { loadCommuneShapes } from '../../scripts/lib/demo-geometry.ts';
import { generateScaleCommune, type ScaleRecords } from './scale-generate.ts';
import type { ScaleCommune } from './scale-households.ts';
import { scaleCommunes, SCALE_TARGET } from './scale-province.ts';
import { doneCommunes, writeScaleCommune } from './scale-write.ts';

export const SCALE_SEED = 'tung-ngo-scale';
const NOW_KEY = 'scale_now';

/** The simulation's `now`: stored on the first run (today 00:00 UTC), read on later ones. */
export async function scaleNow(db: Db): Promise<number> {
	const row = await db.$client
		.prepare('SELECT value FROM meta WHERE key = ?1')
		.bind(NOW_KEY)
		.first<{ value: string }>();
	if (row) return Number(row.value);
	const now = Math.floor(Date.now() / DAY_MS) * DAY_MS;
	await runBatch(db, [setMetaStatement(db, NOW_KEY, String(now), Date.now())]);
	return now;
}

export interface FillReport {
	communes: number;
	skipped: number;
	totals: Record<string, number>;
	elapsedMs: number;
}

const fmt = (n: number) => n.toLocaleString('en-US');

/**
 * Generates and writes every commune of the target province not yet done (`shard`: the
 * province's shard).
 * @param opts.limit stop after this many communes (a quick trial).
 * @returns what this run wrote.
 */
export async function fillScale(
	db: Db,
	shard: ShardDb,
	opts: { limit?: number } = {}
): Promise<FillReport> {
	const started = performance.now();
	const now = await scaleNow(db);
	const all = await scaleCommunes(db, SCALE_TARGET, loadCommuneShapes());
	const done = await doneCommunes(db);
	const todo = all.filter((c) => !done.has(c.code)).slice(0, opts.limit ?? all.length);
	const planned = all.reduce((s, c) => s + c.households, 0);
	console.log(
		`Scale fill: province ${SCALE_TARGET.provinceCode}, ${all.length} communes, ` +
			`${fmt(planned)} households planned; ${done.size} communes already done, ` +
			`${todo.length} to write (now = ${new Date(now).toISOString().slice(0, 10)})`
	);
	const totals: Record<string, number> = {};
	let next: ScaleRecords | null = todo[0] ? generateScaleCommune(todo[0], SCALE_SEED, now) : null;
	let householdsDone = 0;
	const todoHouseholds = todo.reduce((s, c) => s + c.households, 0);
	for (let i = 0; i < todo.length; i++) {
		const c: ScaleCommune = todo[i]!;
		const records = next!;
		const t = performance.now();
		const writing = writeScaleCommune(db, shard, c.code, records, now);
		// Generate the next commune while D1 (another process) works on this one.
		next = todo[i + 1] ? generateScaleCommune(todo[i + 1]!, SCALE_SEED, now) : null;
		const w = await writing;
		for (const [k, v] of Object.entries(w.counts)) totals[k] = (totals[k] ?? 0) + v;
		householdsDone += c.households;
		const elapsed = performance.now() - started;
		const left = (elapsed / householdsDone) * (todoHouseholds - householdsDone);
		console.log(
			`[${i + 1}/${todo.length}] ${c.code} ${c.unitType} ${c.name}: ` +
				`${fmt(w.counts.households)} households, ${fmt(w.counts.visits)} visits, ` +
				`${fmt(w.counts.routes)} routes in ${((performance.now() - t) / 1000).toFixed(1)} s ` +
				`(households ${w.ms.households} ms, routes ${w.ms.routes} ms, visits ${w.ms.visits} ms); ` +
				`total ${fmt(totals.households!)} households, ${fmt(totals.visits!)} visits; ` +
				`elapsed ${(elapsed / 60_000).toFixed(1)} min, ~${(left / 60_000).toFixed(0)} min left`
		);
	}
	return {
		communes: todo.length,
		skipped: done.size,
		totals,
		elapsedMs: Math.round(performance.now() - started)
	};
}
