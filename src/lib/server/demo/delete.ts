/**
 * Removes all demo records (is_demo = 1) before a re-seed. Non-demo rows are never touched: if
 * a real row points at a demo row (a real visit to a demo household, a login linked to a demo
 * member …), nothing is deleted and DemoConflictError says what is in the way.
 */
import type { Db } from '../db/client.ts';
import { rowsWritten, runBatch } from '../db/bulk.ts';

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

/** Real rows that reference demo rows, by what they are. */
const BLOCKERS: Record<string, string> = {
	'real visits to demo households': `SELECT count(*) AS n FROM visits v JOIN households h ON h.id = v.household_id
		WHERE v.is_demo = 0 AND h.is_demo = 1`,
	'real route stops at demo households': `SELECT count(*) AS n FROM route_stops s
		JOIN routes r ON r.id = s.route_id JOIN households h ON h.id = s.household_id
		WHERE r.is_demo = 0 AND h.is_demo = 1`,
	'real routes of demo teams or members': `SELECT count(*) AS n FROM routes r
		LEFT JOIN teams t ON t.id = r.team_id LEFT JOIN members m ON m.id = r.assignee_member_id
		WHERE r.is_demo = 0 AND (t.is_demo = 1 OR m.is_demo = 1)`,
	'real households in demo hamlets': `SELECT count(*) AS n FROM households x JOIN hamlets h ON h.id = x.hamlet_id
		WHERE x.is_demo = 0 AND h.is_demo = 1`,
	'real teams in demo hamlets': `SELECT count(*) AS n FROM teams x JOIN hamlets h ON h.id = x.hamlet_id
		WHERE x.is_demo = 0 AND h.is_demo = 1`,
	'real members of demo teams': `SELECT count(*) AS n FROM members x JOIN teams t ON t.id = x.team_id
		WHERE x.is_demo = 0 AND t.is_demo = 1`,
	'logins linked to demo members': `SELECT count(*) AS n FROM users u JOIN members m ON m.id = u.member_id
		WHERE m.is_demo = 1 AND COALESCE(u.email, '') NOT LIKE '%${DEMO_LOGIN_DOMAIN}'`,
	'invites for demo members': `SELECT count(*) AS n FROM invites i JOIN members m ON m.id = i.member_id
		WHERE m.is_demo = 1`
};

/** Children first, so foreign keys hold at every step. */
const DELETES: [string, string][] = [
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
	['households', 'DELETE FROM households WHERE is_demo = 1'],
	['members', 'DELETE FROM members WHERE is_demo = 1'],
	['teams', 'DELETE FROM teams WHERE is_demo = 1'],
	['hamlets', 'DELETE FROM hamlets WHERE is_demo = 1']
];

export type DemoDeleteReport = Record<string, number>;

async function tableExists(db: Db, name: string): Promise<boolean> {
	const r = await db.$client
		.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = ?`)
		.bind(name)
		.first<{ n: number }>();
	return (r?.n ?? 0) > 0;
}

/**
 * Deletes every demo row in one atomic batch.
 * @returns rows deleted per table.
 * @throws DemoConflictError when real rows reference demo rows (nothing is deleted then).
 */
export async function deleteDemoData(db: Db): Promise<DemoDeleteReport> {
	const checks = Object.entries(BLOCKERS);
	// Tables added by later migrations may be absent from an older database.
	const present = await Promise.all(
		checks.map(([, q]) => tableExists(db, /FROM (\w+)/.exec(q)![1]!))
	);
	const active = checks.filter((_, i) => present[i]);
	const counts = await runBatch(
		db,
		active.map(([, q]) => db.$client.prepare(q))
	);
	const found = active
		.map(([what], i) => [what, (counts[i]!.results[0] as { n: number }).n] as const)
		.filter(([, n]) => n > 0);
	if (found.length > 0) {
		const list = found.map(([what, n]) => `${n} ${what}`).join(', ');
		throw new DemoConflictError(
			`demo data is in use by real records (${list}); nothing was deleted`
		);
	}
	const [, ...results] = await runBatch(db, [
		db.$client.prepare(UNLINK_DEMO_LOGINS),
		...DELETES.map(([, q]) => db.$client.prepare(`${q} RETURNING 1`))
	]);
	return Object.fromEntries(DELETES.map(([k], i) => [k, rowsWritten(results[i])]));
}
