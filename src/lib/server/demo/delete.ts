/**
 * Removes all demo records (is_demo = 1) before a re-seed. Non-demo rows are never touched: if
 * a real row points at a demo row (a real visit to a demo household, a login linked to a demo
 * member …), nothing is deleted and DemoConflictError says what is in the way. The records live
 * in the province shards and the teams in the global D1 (docs/sharding.md): no query joins
 * across them; the global demo ids are passed to each shard as JSON.
 */
import type { AnyDb, Db } from '../db/client.ts';
import { rowsWritten, runBatch } from '../db/bulk.ts';
import type { ShardRouter } from '../db/shards.ts';

export class DemoConflictError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'DemoConflictError';
	}
}

/** Demo logins (auth/demo-users.ts) are linked to demo members; a re-seed unlinks them first. */
const DEMO_LOGIN_DOMAIN = '@demo.tungngo.vn';
const UNLINK_DEMO_LOGINS = `UPDATE users SET member_id = NULL WHERE email LIKE '%${DEMO_LOGIN_DOMAIN}'
	AND member_id IN (SELECT id FROM members WHERE is_demo = 1)`;

/** Demo ids of the global D1 that shard rows may point at, as JSON arrays (?1 hamlets, ?2 teams, ?3 members). */
const DEMO_IDS = ['hamlets', 'teams', 'members'].map(
	(t) => `SELECT json_group_array(id) AS ids FROM ${t} WHERE is_demo = 1`
);

/** Real rows of the global D1 that reference demo rows, by what they are. */
const GLOBAL_BLOCKERS: Record<string, string> = {
	'real teams in demo hamlets': `SELECT count(*) AS n FROM teams x JOIN hamlets h ON h.id = x.hamlet_id
		WHERE x.is_demo = 0 AND h.is_demo = 1`,
	'real members of demo teams': `SELECT count(*) AS n FROM members x JOIN teams t ON t.id = x.team_id
		WHERE x.is_demo = 0 AND t.is_demo = 1`,
	'logins linked to demo members': `SELECT count(*) AS n FROM users u JOIN members m ON m.id = u.member_id
		WHERE m.is_demo = 1 AND COALESCE(u.email, '') NOT LIKE '%${DEMO_LOGIN_DOMAIN}'`,
	'invites for demo members': `SELECT count(*) AS n FROM invites i JOIN members m ON m.id = i.member_id
		WHERE m.is_demo = 1`
};

/** Real rows of a shard that reference demo rows (its own, or the global ones bound as DEMO_IDS). */
const SHARD_BLOCKERS: Record<string, string> = {
	'real visits to demo households': `SELECT count(*) AS n FROM visits v JOIN households h ON h.id = v.household_id
		WHERE v.is_demo = 0 AND h.is_demo = 1`,
	'real route stops at demo households': `SELECT count(*) AS n FROM route_stops s
		JOIN routes r ON r.id = s.route_id JOIN households h ON h.id = s.household_id
		WHERE r.is_demo = 0 AND h.is_demo = 1`,
	'real routes of demo teams or members': `SELECT count(*) AS n FROM routes r WHERE r.is_demo = 0
		AND (r.team_id IN (SELECT value FROM json_each(?2))
			OR r.assignee_member_id IN (SELECT value FROM json_each(?3)))`,
	'real households in demo hamlets': `SELECT count(*) AS n FROM households x WHERE x.is_demo = 0
		AND x.hamlet_id IN (SELECT value FROM json_each(?1))`
};

/** A shard's demo rows, children first, so foreign keys hold at every step. */
const SHARD_DELETES: [string, string][] = [
	[
		'visitServices',
		'DELETE FROM visit_services WHERE visit_id IN (SELECT id FROM visits WHERE is_demo = 1)'
	],
	['visits', 'DELETE FROM visits WHERE is_demo = 1'],
	[
		'routeStops',
		'DELETE FROM route_stops WHERE route_id IN (SELECT id FROM routes WHERE is_demo = 1)'
	],
	['routes', 'DELETE FROM routes WHERE is_demo = 1'],
	['households', 'DELETE FROM households WHERE is_demo = 1']
];

/** The global D1's demo rows, after every shard's. */
const GLOBAL_DELETES: [string, string][] = [
	['members', 'DELETE FROM members WHERE is_demo = 1'],
	['teams', 'DELETE FROM teams WHERE is_demo = 1'],
	['hamlets', 'DELETE FROM hamlets WHERE is_demo = 1']
];

export type DemoDeleteReport = Record<string, number>;

/** Runs counting queries in one batch; returns the blockers found as "n what". */
async function blockers(db: AnyDb, checks: Record<string, string>, ids: string[] = []) {
	const list = Object.entries(checks);
	const counts = await runBatch(
		db,
		list.map(([, q]) => {
			const stmt = db.$client.prepare(q);
			// D1 wants exactly as many values as the query's highest ?n.
			const used = Math.max(0, ...[...q.matchAll(/\?(\d)/g)].map((m) => Number(m[1])));
			return used > 0 ? stmt.bind(...ids.slice(0, used)) : stmt;
		})
	);
	return list
		.map(([what], i) => [what, (counts[i]!.results[0] as { n: number }).n] as const)
		.filter(([, n]) => n > 0)
		.map(([what, n]) => `${n} ${what}`);
}

/**
 * The databases that may hold demo records: every shard, and the global D1's own record tables
 * even when the records live in shards — a local database from before the split keeps its old
 * demo households there, which would otherwise hold on to the demo hamlets being deleted.
 */
function recordDatabases(db: Db, shards: ShardRouter): AnyDb[] {
	const all: AnyDb[] = shards.all().map((s) => s.db);
	return shards.sharded ? [...all, db] : all;
}

/**
 * Deletes every demo row: first checks the global D1 and every shard, then deletes each shard's
 * demo records (one atomic batch per shard, and the global D1's leftovers from before the
 * split) and last the global ones (one batch). A run stopped
 * half-way leaves only demo rows behind, which the next run deletes.
 * @param shards every shard (a router made with `many`).
 * @returns rows deleted per table, summed over the shards.
 * @throws DemoConflictError when real rows reference demo rows (nothing is deleted then).
 */
export async function deleteDemoData(db: Db, shards: ShardRouter): Promise<DemoDeleteReport> {
	const idRows = await runBatch(
		db,
		DEMO_IDS.map((q) => db.$client.prepare(q))
	);
	const ids = idRows.map((r) => (r.results[0] as { ids: string }).ids);
	const found = await blockers(db, GLOBAL_BLOCKERS);
	const all = recordDatabases(db, shards);
	for (const d of all) found.push(...(await blockers(d, SHARD_BLOCKERS, ids)));
	if (found.length > 0) {
		throw new DemoConflictError(
			`demo data is in use by real records (${found.join(', ')}); nothing was deleted`
		);
	}
	const report: DemoDeleteReport = Object.fromEntries(
		[...SHARD_DELETES, ...GLOBAL_DELETES].map(([k]) => [k, 0])
	);
	for (const d of all) {
		const results = await runBatch(
			d,
			SHARD_DELETES.map(([, q]) => d.$client.prepare(`${q} RETURNING 1`))
		);
		SHARD_DELETES.forEach(([k], i) => (report[k]! += rowsWritten(results[i])));
	}
	const [, ...results] = await runBatch(db, [
		db.$client.prepare(UNLINK_DEMO_LOGINS),
		...GLOBAL_DELETES.map(([, q]) => db.$client.prepare(`${q} RETURNING 1`))
	]);
	GLOBAL_DELETES.forEach(([k], i) => (report[k] = rowsWritten(results[i])));
	return report;
}
