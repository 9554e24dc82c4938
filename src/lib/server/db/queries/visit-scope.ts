/**
 * Which households an actor may record visits for. docs/domain.md: a member changes "visits on their
 * routes"; a team leader their team's; commune, province and national admins anything in scope.
 * A visit made offline on an outing the leader has since given to someone else, or cancelled, is
 * still accepted when it names a route of the caller's own team and the household lies in that
 * team's area (its hamlet, or the commune for a commune-wide team): the visit happened, and a
 * phone that was offline could not know.
 * Routes, stops and households are read from the province's shard; the team's hamlet from the
 * global D1.
 */
import type { Db } from '../client.ts';
import type { ShardDb } from '../shards.ts';
import { jsonChunks, runBatch } from '../bulk.ts';
import { getTeam } from './team-admin.ts';
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
// households' primary key; the team's hamlet, read from the global D1 first, bounds the area).
const teamArea = (hamlet: boolean) => `SELECT h.id AS h, r.id AS r FROM routes r
	JOIN households h ON h.province_code = r.province_code AND h.commune_code = r.commune_code
		${hamlet ? 'AND h.hamlet_id = ?4' : ''}
	WHERE r.team_id = ?1 AND r.id IN (SELECT value FROM json_each(?2))
		AND h.id IN (SELECT value FROM json_each(?3))`;

/** (household, route) pairs of the caller's own team's routes and area, for the visits given. */
async function teamAreaPairs(
	db: Db,
	shard: ShardDb,
	actor: Actor,
	targets: readonly VisitTarget[]
) {
	const named = targets.filter((v) => v.routeId !== null);
	const pairs = new Set<string>();
	if (!actor.teamId || named.length === 0) return pairs;
	const team = await getTeam(db, actor.teamId);
	if (!team) return pairs;
	const routes = JSON.stringify([...new Set(named.map((v) => v.routeId!))]);
	const text = teamArea(team.hamletId !== null);
	const stmts = jsonChunks([...new Set(named.map((v) => v.householdId))]).map((json) => {
		const binds = [team.id, routes, json, ...(team.hamletId ? [team.hamletId] : [])];
		return shard.$client.prepare(text).bind(...binds);
	});
	for (const res of await runBatch(shard, stmts))
		for (const { h, r } of res.results as { h: string; r: string }[]) pairs.add(`${h}|${r}`);
	return pairs;
}

async function stopsOf(shard: ShardDb, actor: Actor, householdIds: string[]) {
	const d1 = shard.$client;
	const chunks = jsonChunks([...new Set(householdIds)]);
	const stmts = chunks.map((json) =>
		actor.role === 'member'
			? d1.prepare(MEMBER_STOPS).bind(actor.memberId ?? '', json)
			: d1.prepare(TEAM_STOPS).bind(actor.provinceCode, actor.communeCode, actor.teamId ?? '', json)
	);
	const stops = new Map<string, Set<string>>();
	for (const res of await runBatch(shard, stmts)) {
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
	shard: ShardDb,
	actor: Actor,
	targets: readonly VisitTarget[]
): Promise<string[]> {
	if (actor.role !== 'member' && actor.role !== 'team_leader') {
		return targets.filter((v) => !covers(actor, v)).map((v) => v.id);
	}
	const stops = await stopsOf(
		shard,
		actor,
		targets.map((v) => v.householdId)
	);
	const onStops = (v: VisitTarget) => {
		const routes = stops.get(v.householdId);
		return !!routes && (v.routeId === null || routes.has(v.routeId));
	};
	const rest = targets.filter((v) => !onStops(v));
	const team = await teamAreaPairs(db, shard, actor, rest);
	return rest.filter((v) => !team.has(`${v.householdId}|${v.routeId}`)).map((v) => v.id);
}
