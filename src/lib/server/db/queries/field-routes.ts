/**
 * Reads for field mode: the routes an actor walks, and a route's offline pack (the route, its
 * stops with only the household fields a visit needs and what was recorded on this route, and
 * the commune's extent). Routes, stops, households and visits are read from the province's
 * shard, the commune from the global D1.
 */
import { and, asc, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Db } from '../client.ts';
import type { ShardDb } from '../shards.ts';
import { communes, households, routes, routeStops, visits } from '../schema/index.ts';
import { covers, type Actor } from '../../../domain/scope.ts';
import { routeVisitFacts } from '../../../domain/routing/progress.ts';
import { ROUTE_STATUSES } from '../../../domain/choices.ts';

/** The routes field mode lists: all but cancelled ones. */
const LISTED = ROUTE_STATUSES.filter((s) => s !== 'cancelled');

export type RouteRow = typeof routes.$inferSelect;

/**
 * The condition "routes this actor walks or oversees", or null for none. A national admin's
 * list is kept to the province their page names, if any: one request reads one shard.
 */
function actorRoutes(actor: Actor, province: string | null): SQL | undefined | null {
	if (actor.role === 'member') {
		return actor.memberId ? eq(routes.assigneeMemberId, actor.memberId) : null;
	}
	if (actor.role === 'team_leader') {
		if (!actor.teamId || !actor.communeCode) return null;
		return and(eq(routes.communeCode, actor.communeCode), eq(routes.teamId, actor.teamId));
	}
	if (actor.role === 'commune_admin') return eq(routes.communeCode, actor.communeCode ?? '');
	if (actor.role === 'province_admin') return eq(routes.provinceCode, actor.provinceCode ?? '');
	return province ? eq(routes.provinceCode, province) : undefined; // admin: all
}

/** May the actor open this route in field mode (walk it, record its visits)? */
export function canWalkRoute(actor: Actor, r: RouteRow): boolean {
	if (actor.role === 'member') return !!actor.memberId && r.assigneeMemberId === actor.memberId;
	if (actor.role === 'team_leader') {
		return r.teamId === actor.teamId && r.communeCode === actor.communeCode;
	}
	return covers(actor, r);
}

/**
 * The actor's routes, newest planned date first, with their stop counts.
 * @param province for a national admin, the province to list (null: every route of the shard).
 */
export async function listFieldRoutes(
	shard: ShardDb,
	actor: Actor,
	province: string | null = null,
	limit = 100
) {
	const where = actorRoutes(actor, province);
	if (where === null) return [];
	const rows = await shard
		.select()
		.from(routes)
		.where(and(where, inArray(routes.status, LISTED)))
		.orderBy(desc(routes.plannedOn), asc(routes.name))
		.limit(limit);
	if (rows.length === 0) return [];
	const counts = await shard.$client
		.prepare(
			`SELECT route_id AS r, count(*) AS n FROM route_stops
			WHERE route_id IN (SELECT value FROM json_each(?1)) GROUP BY route_id`
		)
		.bind(JSON.stringify(rows.map((r) => r.id)))
		.all<{ r: string; n: number }>();
	const n = new Map(counts.results.map((x) => [x.r, x.n]));
	return rows.map((r) => ({
		id: r.id,
		name: r.name,
		plannedOn: r.plannedOn,
		session: r.session,
		status: r.status,
		provinceCode: r.provinceCode,
		communeCode: r.communeCode,
		stops: n.get(r.id) ?? 0
	}));
}

/** The route with this id, or null. */
export async function getRoute(shard: ShardDb, id: string): Promise<RouteRow | null> {
	return (await shard.select().from(routes).where(eq(routes.id, id)).get()) ?? null;
}

/**
 * A route's stops in walking order, with the household fields a visit needs (no head name),
 * and per stop the latest visit recorded on this route (`visitedOnRoute`) and whether someone
 * was met on another route (`metElsewhere`): field mode counts progress from them.
 */
export async function routePackStops(shard: ShardDb, r: RouteRow) {
	const [stops, facts] = await Promise.all([packStopRows(shard, r), routeVisits(shard, r)]);
	return stops.map((s) => ({
		...s,
		visitedOnRoute: facts.get(s.householdId)?.visitedOnRoute ?? null,
		metElsewhere: facts.get(s.householdId)?.metElsewhere ?? false
	}));
}

/** Every visit of the route's households (any route), in the route's commune. */
async function routeVisits(shard: ShardDb, r: RouteRow) {
	const rows = await shard
		.select({
			id: visits.id,
			householdId: visits.householdId,
			routeId: visits.routeId,
			outcome: visits.outcome,
			visitedAt: visits.visitedAt
		})
		.from(visits)
		// visits_household_idx: commune prefix, then the route's households.
		.where(
			and(
				eq(visits.provinceCode, r.provinceCode),
				eq(visits.communeCode, r.communeCode),
				inArray(
					visits.householdId,
					shard
						.select({ id: routeStops.householdId })
						.from(routeStops)
						.where(eq(routeStops.routeId, r.id))
				)
			)
		);
	return routeVisitFacts(r.id, rows);
}

function packStopRows(shard: ShardDb, r: RouteRow) {
	return shard
		.select({
			seq: routeStops.seq,
			revisit: routeStops.revisit,
			householdId: households.id,
			address: households.address,
			alleyKey: households.alleyKey,
			adults: households.adults,
			lon: households.lon,
			lat: households.lat,
			doNotContact: households.doNotContact,
			lastOutcome: households.lastOutcome,
			lastVisitAt: households.lastVisitAt,
			revisitOn: households.revisitOn
		})
		.from(routeStops)
		.innerJoin(households, eq(households.id, routeStops.householdId))
		.where(
			and(
				eq(routeStops.routeId, r.id),
				eq(households.provinceCode, r.provinceCode),
				eq(households.communeCode, r.communeCode)
			)
		)
		.orderBy(asc(routeStops.seq));
}

/** The commune's name and extent (for the offline map). */
export async function packCommune(db: Db, code: string) {
	return (
		(await db
			.select({
				code: communes.code,
				fullName: communes.fullName,
				west: communes.west,
				south: communes.south,
				east: communes.east,
				north: communes.north
			})
			.from(communes)
			.where(eq(communes.code, code))
			.get()) ?? null
	);
}
