/**
 * A route's status follows its visits: written in the same atomic batch as the visits, a
 * planned route (draft or assigned) becomes `in_progress` with its first visit, and `done` once
 * every stop has a visit recorded on this route ("visits on this route", as the progress counts
 * them: src/lib/domain/routing/progress.ts). Cancelled and done routes are left alone.
 */
import type { ShardDb } from '../shards.ts';
import { jsonChunks } from '../bulk.ts';
import { OPEN_ROUTE_STATUSES } from '../../../domain/choices.ts';

/** Statuses a visit may move on; the others (done, cancelled) are final for this rule. */
const OPEN = `(${OPEN_ROUTE_STATUSES.map((s) => `'${s}'`).join(', ')})`;

/**
 * Statements that set the status of these routes from their visits (run after the visits'
 * inserts in the same batch). Stops are checked through visits_route_idx (visits.route_id).
 * @param now epoch ms stored as the route's updated_at when its status changes.
 */
export function routeStatusStatements(
	shard: ShardDb,
	routeIds: readonly (string | null)[],
	now: number
): D1PreparedStatement[] {
	const ids = [...new Set(routeIds.filter((id): id is string => !!id))];
	const text = `UPDATE routes SET status = p.next, updated_at = ?2
		FROM (SELECT r.id,
				CASE WHEN EXISTS (SELECT 1 FROM route_stops s WHERE s.route_id = r.id
					AND NOT EXISTS (SELECT 1 FROM visits v
						WHERE v.route_id = r.id AND v.household_id = s.household_id))
				THEN 'in_progress' ELSE 'done' END AS next
			FROM routes r
			WHERE r.id IN (SELECT value FROM json_each(?1)) AND r.status IN ${OPEN}) AS p
		WHERE routes.id = p.id AND routes.status <> p.next`;
	return jsonChunks(ids).map((json) => shard.$client.prepare(text).bind(json, now));
}
