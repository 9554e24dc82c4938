/**
 * Writes one scale-simulation commune through the app's own write functions (the validated row
 * writers, the route-plan writer, the visit writer), in large batches: D1 pays per statement and
 * per round trip, and the bulk writers carry thousands of rows per statement. Idempotent, so an
 * interrupted run redoes a commune safely: rows already stored are skipped, route plans are not
 * written twice, visits are no-ops by id; a meta key marks the commune done, last.
 */
import type { Db } from '../../src/lib/server/db/client.ts';
import type { ShardDb } from '../../src/lib/server/db/shards.ts';
import { runBatch } from '../../src/lib/server/db/bulk.ts';
import { insertHamlets } from '../../src/lib/server/db/writes/hamlets.ts';
import { insertMembers, insertTeams } from '../../src/lib/server/db/writes/teams.ts';
import { insertHouseholds } from '../../src/lib/server/db/writes/households.ts';
import { prepareRoutePlan } from '../../src/lib/server/db/writes/routes.ts';
import { insertVisits } from '../../src/lib/server/db/writes/visits.ts';
import { setMetaStatement } from '../../src/lib/server/db/writes/meta.ts';
import type { ScaleRecords } from './scale-generate.ts';

/** Visits per write: one validation, one set of look-ups and one batch for this many. */
export const VISIT_BATCH = 20_000;

/** The meta key marking a commune as fully written. */
export const doneKey = (code: string) => `scale_commune:${code}`;

export interface CommuneWrite {
	code: string;
	counts: {
		hamlets: number;
		teams: number;
		members: number;
		households: number;
		routes: number;
		stops: number;
		visits: number;
		visitServices: number;
	};
	/** Milliseconds per step. */
	ms: { households: number; routes: number; visits: number };
}

/** Communes already marked done. */
export async function doneCommunes(db: Db): Promise<Set<string>> {
	const res = await db.$client
		.prepare(`SELECT key FROM meta WHERE key LIKE 'scale\\_commune:%' ESCAPE '\\'`)
		.all<{ key: string }>();
	return new Set(res.results.map((r) => r.key.slice(doneKey('').length)));
}

async function writePlans(db: Db, shard: ShardDb, r: ScaleRecords, code: string) {
	const first = r.plans[0];
	if (!first) return;
	const stored = await shard.$client
		.prepare('SELECT count(*) AS n FROM routes WHERE province_code = ?1 AND commune_code = ?2')
		.bind(first.provinceCode, code)
		.first<{ n: number }>();
	if ((stored?.n ?? 0) > 0) return; // the commune's plans went in one batch: all or none
	const statements: D1PreparedStatement[] = [];
	for (const plan of r.plans)
		statements.push(...(await prepareRoutePlan(db, shard, plan)).statements);
	await runBatch(shard, statements);
}

/**
 * Writes one commune's records (hamlets, teams, members in the global D1; households, route
 * plans and visits in the province's shard) and marks it done.
 * @returns the counts written and the time per step.
 * @throws WriteValidationError / RoutePlanError / VisitBatchError if a generated record breaks a
 *   rule (a generator bug): the commune is then not marked done.
 */
export async function writeScaleCommune(
	db: Db,
	shard: ShardDb,
	code: string,
	r: ScaleRecords,
	now: number
): Promise<CommuneWrite> {
	const t0 = performance.now();
	const skip = { onDuplicate: 'skip' } as const;
	await insertHamlets(db, r.hamlets, skip);
	await insertTeams(db, r.teams, skip);
	await insertMembers(db, r.members, skip);
	await insertHouseholds(db, shard, r.households, skip);
	const t1 = performance.now();
	await writePlans(db, shard, r, code);
	const t2 = performance.now();
	for (let i = 0; i < r.visits.length; i += VISIT_BATCH)
		await insertVisits(db, shard, r.visits.slice(i, i + VISIT_BATCH), { now });
	const t3 = performance.now();
	const counts = {
		hamlets: r.hamlets.length,
		teams: r.teams.length,
		members: r.members.length,
		households: r.households.length,
		routes: r.plans.reduce((n, p) => n + p.routes.length, 0),
		stops: r.plans.reduce((n, p) => n + p.routes.reduce((m, x) => m + x.householdIds.length, 0), 0),
		visits: r.visits.length,
		visitServices: r.visits.reduce((n, v) => n + (v.services?.length ?? 0), 0)
	};
	await runBatch(db, [setMetaStatement(db, doneKey(code), JSON.stringify(counts), Date.now())]);
	const ms = (a: number, b: number) => Math.round(b - a);
	return { code, counts, ms: { households: ms(t0, t1), routes: ms(t1, t2), visits: ms(t2, t3) } };
}
