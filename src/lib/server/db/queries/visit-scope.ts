/**
 * Which households an actor may record visits for. DOMAIN.md: a member changes "visits on their
 * routes"; a team leader their team's; commune, province and national admins anything in scope.
 */
import type { Db } from '../client.ts';
import { jsonChunks, runBatch } from '../bulk.ts';
import { covers, type Actor } from '../../../domain/scope.ts';

/** A visit as the scope check sees it. */
export interface VisitTarget {
	id: string;
	provinceCode: string;
	communeCode: string;
	householdId: string;
	routeId: string | null;
}

// Stops of routes assigned to a member (served by routes_assignee_idx + the stops' primary key).
const MEMBER_STOPS = `SELECT rs.household_id AS h, rs.route_id AS r
	FROM routes r JOIN route_stops rs ON rs.route_id = r.id
	WHERE r.assignee_member_id = ?1 AND rs.household_id IN (SELECT value FROM json_each(?2))`;

// Stops of a team's routes in its commune (served by routes_team_idx).
const TEAM_STOPS = `SELECT rs.household_id AS h, rs.route_id AS r
	FROM routes r JOIN route_stops rs ON rs.route_id = r.id
	WHERE r.province_code = ?1 AND r.commune_code = ?2 AND r.team_id = ?3
		AND rs.household_id IN (SELECT value FROM json_each(?4))`;

async function stopsOf(db: Db, actor: Actor, householdIds: string[]) {
	const d1 = db.$client;
	const chunks = jsonChunks([...new Set(householdIds)]);
	const stmts = chunks.map((json) =>
		actor.role === 'member'
			? d1.prepare(MEMBER_STOPS).bind(actor.memberId ?? '', json)
			: d1.prepare(TEAM_STOPS).bind(actor.provinceCode, actor.communeCode, actor.teamId ?? '', json)
	);
	const stops = new Map<string, Set<string>>();
	for (const res of await runBatch(db, stmts)) {
		for (const { h, r } of res.results as { h: string; r: string }[]) {
			const set = stops.get(h) ?? new Set<string>();
			set.add(r);
			stops.set(h, set);
		}
	}
	return stops;
}

/**
 * The ids of the visits the actor may NOT record: for members and team leaders, a household
 * that is not a stop of one of their routes (or not of the route the visit names); for admins,
 * a visit outside their area.
 */
export async function visitsOutOfScope(
	db: Db,
	actor: Actor,
	targets: readonly VisitTarget[]
): Promise<string[]> {
	if (actor.role !== 'member' && actor.role !== 'team_leader') {
		return targets.filter((v) => !covers(actor, v)).map((v) => v.id);
	}
	const stops = await stopsOf(
		db,
		actor,
		targets.map((v) => v.householdId)
	);
	return targets
		.filter((v) => {
			const routes = stops.get(v.householdId);
			return !routes || (v.routeId !== null && !routes.has(v.routeId));
		})
		.map((v) => v.id);
}
