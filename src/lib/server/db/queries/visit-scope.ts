/**
 * Which households an actor may record visits for. docs/domain.md: a member changes "visits on their
 * routes"; a team leader their team's; commune, province and national admins anything in scope.
 * A visit made offline on an outing the leader has since given to someone else, or cancelled, is
 * still accepted when it names a route of the caller's own team and the household lies in that
 * team's area (its hamlet, or the commune for a commune-wide team): the visit happened, and a
 * phone that was offline could not know.
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

// Households of the team's area named with a route of the team (routes' primary key, then the
// households' primary key; the team's hamlet bounds the area).
const TEAM_AREA = `SELECT h.id AS h, r.id AS r FROM routes r JOIN teams t ON t.id = r.team_id
	JOIN households h ON h.province_code = r.province_code AND h.commune_code = r.commune_code
		AND (t.hamlet_id IS NULL OR h.hamlet_id = t.hamlet_id)
	WHERE r.team_id = ?1 AND r.id IN (SELECT value FROM json_each(?2))
		AND h.id IN (SELECT value FROM json_each(?3))`;

/** (household, route) pairs of the caller's own team's routes and area, for the visits given. */
async function teamAreaPairs(db: Db, actor: Actor, targets: readonly VisitTarget[]) {
	const named = targets.filter((v) => v.routeId !== null);
	if (!actor.teamId || named.length === 0) return new Set<string>();
	const routes = JSON.stringify([...new Set(named.map((v) => v.routeId!))]);
	const stmts = jsonChunks([...new Set(named.map((v) => v.householdId))]).map((json) =>
		db.$client.prepare(TEAM_AREA).bind(actor.teamId, routes, json)
	);
	const pairs = new Set<string>();
	for (const res of await runBatch(db, stmts))
		for (const { h, r } of res.results as { h: string; r: string }[]) pairs.add(`${h}|${r}`);
	return pairs;
}

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
	const onStops = (v: VisitTarget) => {
		const routes = stops.get(v.householdId);
		return !!routes && (v.routeId === null || routes.has(v.routeId));
	};
	const rest = targets.filter((v) => !onStops(v));
	const team = await teamAreaPairs(db, actor, rest);
	return rest.filter((v) => !team.has(`${v.householdId}|${v.routeId}`)).map((v) => v.id);
}
