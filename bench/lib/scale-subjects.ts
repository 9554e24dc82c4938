/**
 * Who and what the scale benchmark measures, picked from the filled database: the 50,000-household
 * ward, one of its khu phố teams with routes, the member of that team with the most outings
 * ahead (earlier benchmark runs' syncs may have walked them: the choice does not depend on status), one of the team's walked outings, and a commune of median size.
 */
import type { Db } from '../../src/lib/server/db/client.ts';
import type { Actor } from '../../src/lib/domain/scope.ts';
import { SCALE_TARGET } from './scale-province.ts';

export interface ScaleSubjects {
	ward: { provinceCode: string; communeCode: string };
	team: { id: string; hamletId: string };
	member: Actor & { memberId: string };
	leader: Actor;
	communeAdmin: Actor;
	/** A walked (done or in progress) outing of the team. */
	routeId: string;
	/** A commune of median household count (for the recompute beside the ward's). */
	medianCommune: { provinceCode: string; communeCode: string; households: number };
}

async function one<T>(db: Db, sql: string, ...binds: unknown[]): Promise<T> {
	const row = await db.$client
		.prepare(sql)
		.bind(...binds)
		.first<T>();
	if (!row) throw new Error(`the scale database has nothing for: ${sql.replace(/\s+/g, ' ')}`);
	return row;
}

/**
 * Picks the subjects.
 * @throws Error when the database is not filled (run with --generate first).
 */
export async function pickSubjects(db: Db): Promise<ScaleSubjects> {
	const p = SCALE_TARGET.provinceCode;
	const c = SCALE_TARGET.wardCode;
	const team = await one<{ id: string; hamlet_id: string }>(
		db,
		`SELECT t.id, t.hamlet_id FROM teams t WHERE t.province_code = ?1 AND t.commune_code = ?2
		AND t.active = 1 AND t.hamlet_id IS NOT NULL AND EXISTS (SELECT 1 FROM routes r
			WHERE r.province_code = ?1 AND r.commune_code = ?2 AND r.team_id = t.id)
		ORDER BY t.id LIMIT 1`,
		p,
		c
	);
	const member = await one<{ m: string }>(
		db,
		`SELECT assignee_member_id AS m FROM routes WHERE province_code = ?1 AND commune_code = ?2
		AND team_id = ?3 AND assignee_member_id IS NOT NULL GROUP BY assignee_member_id
		ORDER BY sum(planned_on >= date('now')) DESC, count(*) DESC, assignee_member_id LIMIT 1`,
		p,
		c,
		team.id
	);
	const route = await one<{ id: string }>(
		db,
		`SELECT id FROM routes WHERE province_code = ?1 AND commune_code = ?2 AND team_id = ?3
		AND status IN ('done', 'in_progress') ORDER BY id LIMIT 1`,
		p,
		c,
		team.id
	);
	const median = await one<{ c: string; n: number }>(
		db,
		`SELECT commune_code AS c, count(*) AS n FROM households WHERE province_code = ?1
		GROUP BY commune_code ORDER BY n LIMIT 1 OFFSET (SELECT count(DISTINCT commune_code) / 2
			FROM households WHERE province_code = ?1)`,
		p
	);
	const base = { provinceCode: p, communeCode: c };
	return {
		ward: base,
		team: { id: team.id, hamletId: team.hamlet_id },
		member: {
			...base,
			userId: 'scale-bench-member',
			role: 'member',
			teamId: team.id,
			memberId: member.m
		},
		leader: {
			...base,
			userId: 'scale-bench-leader',
			role: 'team_leader',
			teamId: team.id,
			memberId: null
		},
		communeAdmin: {
			...base,
			userId: 'scale-bench-admin',
			role: 'commune_admin',
			teamId: null,
			memberId: null
		},
		routeId: route.id,
		medianCommune: { provinceCode: p, communeCode: median.c, households: median.n }
	};
}
