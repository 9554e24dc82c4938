/**
 * The status moves a help request makes with other writes, in their batch on the shard
 * (docs/help-requests.md): planning its household into a route makes it "scheduled"; a visit
 * synced for its household — any outcome but "not home", since someone came and was met or
 * turned away — makes it "visited".
 */
import type { ShardDb } from '../db/shards.ts';
import { jsonChunks } from '../db/bulk.ts';

/** received → scheduled for requests of these households (a route plan's stops). */
export function scheduleStatements(shard: ShardDb, householdIds: readonly string[], now: number) {
	return jsonChunks([...new Set(householdIds)]).map((json) =>
		shard.$client
			.prepare(
				`UPDATE help_requests SET status = 'scheduled', updated_at = ?2
				WHERE status = 'received' AND household_id IN (SELECT value FROM json_each(?1))`
			)
			.bind(json, now)
	);
}

/** received / scheduled → visited for requests of the households these visits met. */
export function visitedStatements(
	shard: ShardDb,
	written: readonly { householdId: string; outcome: string }[],
	now: number
) {
	const ids = [
		...new Set(written.filter((v) => v.outcome !== 'not_home').map((v) => v.householdId))
	];
	if (ids.length === 0) return [];
	return jsonChunks(ids).map((json) =>
		shard.$client
			.prepare(
				`UPDATE help_requests SET status = 'visited', updated_at = ?2, closed_at = ?2
				WHERE status IN ('received', 'scheduled')
				AND household_id IN (SELECT value FROM json_each(?1))`
			)
			.bind(json, now)
	);
}
