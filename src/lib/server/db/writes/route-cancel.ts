/**
 * Cancelling a route: visits are never deleted (they are events); the stops of households
 * visited on the route stay on it, so they do not count as gaps; the others are freed, to be
 * planned anew. The route row is kept, marked cancelled.
 */
import type { ShardDb } from '../shards.ts';

// Stops whose household has a visit recorded on this route (visits_route_idx).
const VISITED_ON_ROUTE = `household_id IN (SELECT household_id FROM visits WHERE route_id = ?1)`;

/** What cancelling a route would do: stops kept (visited on it) and stops freed (the rest). */
export async function cancelEffect(
	shard: ShardDb,
	routeId: string
): Promise<{ kept: number; freed: number }> {
	const row = await shard.$client
		.prepare(
			`SELECT coalesce(sum(${VISITED_ON_ROUTE}), 0) AS kept, count(*) AS stops
			FROM route_stops WHERE route_id = ?1`
		)
		.bind(routeId)
		.first<{ kept: number; stops: number }>();
	const kept = row?.kept ?? 0;
	return { kept, freed: (row?.stops ?? 0) - kept };
}

/**
 * Cancelling a route, started or not: visits are immutable events and stay; the stops of
 * households visited on this route stay on it (they are covered, not gaps); the other stops
 * are removed, so those households become gaps again, to plan anew. The route row is kept.
 */
export function cancelStatements(
	shard: ShardDb,
	routeId: string,
	now = Date.now()
): D1PreparedStatement[] {
	return [
		shard.$client
			.prepare(`DELETE FROM route_stops WHERE route_id = ?1 AND NOT ${VISITED_ON_ROUTE}`)
			.bind(routeId),
		shard.$client
			.prepare(`UPDATE routes SET status = 'cancelled', updated_at = ? WHERE id = ?`)
			.bind(now, routeId)
	];
}
