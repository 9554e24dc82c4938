/**
 * Times the scale cases (p50 / p95 over many runs) and takes the query plan of every statement
 * each one runs, through a recording D1 binding (scale-plans.ts).
 */
import { getDb } from '../../src/lib/server/db/client.ts';
import { ShardRouter } from '../../src/lib/server/db/shards.ts';
import {
	explain,
	recordingD1,
	tableNames,
	type D1Record,
	type StatementPlan
} from './scale-plans.ts';
import type { Dbs, ScaleCase } from './scale-cases.ts';
import { SCALE_TARGET } from './scale-province.ts';

export interface CaseResult {
	name: string;
	route: string;
	goalMs: number;
	runs: number;
	p50: number;
	p95: number;
	max: number;
	/** D1's own time per run (its statements' durations), p50 and p95; null if not all reported. */
	sql: { p50: number; p95: number } | null;
	plans: StatementPlan[];
}

/** A case whose first run takes longer than SLOW_MS gets SLOW_RUNS timed runs only. */
const SLOW_MS = 2_000;
const SLOW_RUNS = 5;

/** The q-quantile of sorted values (nearest rank). */
export function quantile(sorted: readonly number[], q: number): number {
	return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
}

/** The global D1 and the scale province's shard over one binding (one database). */
export function dbsOf(d1: D1Database): Dbs {
	const db = getDb(d1);
	const shards = new ShardRouter({ DB: d1 }, db, { many: true });
	return { db, shard: shards.forProvince(SCALE_TARGET.provinceCode), shards };
}

/** Runs one case once through a recording binding and explains each distinct statement. */
async function plansOf(d1: D1Database, c: ScaleCase, tables: ReadonlySet<string>) {
	const rec: D1Record = { sql: [], sqlMs: 0, unmetered: 0 };
	await c.run(dbsOf(recordingD1(d1, rec)));
	const plans: StatementPlan[] = [];
	for (const sql of new Set(rec.sql)) plans.push(await explain(d1, sql, tables));
	return plans;
}

/** One timed run: wall time, and D1's own time of its statements (null if not all reported). */
async function timed(d1: D1Database, c: ScaleCase) {
	const rec: D1Record = { sql: [], sqlMs: 0, unmetered: 0 };
	const dbs = dbsOf(recordingD1(d1, rec));
	const t = performance.now();
	await c.run(dbs);
	return { wall: performance.now() - t, sql: rec.unmetered ? null : rec.sqlMs };
}

/**
 * Measures each case: its plans, two warm-up runs, then `runs` timed runs one after another
 * (SLOW_RUNS for a case of seconds),
 * each through a recording binding that sums D1's own time of its statements.
 * @param onResult called as each case is done (the run is long: print as it goes).
 */
export async function measureCases(
	d1: D1Database,
	cases: readonly ScaleCase[],
	runs: number,
	onResult: (r: CaseResult) => void,
	only: (name: string) => boolean = () => true
): Promise<CaseResult[]> {
	const tables = await tableNames(d1);
	const out: CaseResult[] = [];
	for (const c of cases.filter((x) => only(x.name))) {
		const plans = await plansOf(d1, c, tables);
		const warm = await timed(d1, c);
		// A request that takes seconds is far over any goal: a few runs say so well enough.
		const n = warm.wall > SLOW_MS ? Math.min(runs, SLOW_RUNS) : runs;
		if (n === runs) await timed(d1, c);
		const times: number[] = [];
		const sql: number[] = [];
		let metered = true;
		for (let i = 0; i < n; i++) {
			const t = await timed(d1, c);
			times.push(t.wall);
			if (t.sql === null) metered = false;
			else sql.push(t.sql);
		}
		times.sort((a, b) => a - b);
		sql.sort((a, b) => a - b);
		const r: CaseResult = {
			name: c.name,
			route: c.route,
			goalMs: c.goalMs,
			runs: n,
			p50: quantile(times, 0.5),
			p95: quantile(times, 0.95),
			max: times[times.length - 1]!,
			sql: metered ? { p50: quantile(sql, 0.5), p95: quantile(sql, 0.95) } : null,
			plans
		};
		onResult(r);
		out.push(r);
	}
	return out;
}
