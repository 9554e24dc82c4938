/**
 * One 200-visit sync batch from a member's phone, through the same steps as POST /api/visits
 * (src/lib/server/api/routes/visits.ts) minus the session lookup and the audit entry: validate
 * as a device sent them, check every household is on the member's routes, prepare the visits
 * (duplicate and conflict look-ups, household and route status), load the device, and run it all
 * with the device's watermark in one atomic batch.
 */
import type { Db } from '../../src/lib/server/db/client.ts';
import type { ShardDb } from '../../src/lib/server/db/shards.ts';
import { runBatch } from '../../src/lib/server/db/bulk.ts';
import {
	countInserted,
	householdStatusStatements,
	parseDeviceVisits,
	prepareVisits
} from '../../src/lib/server/db/writes/visits.ts';
import {
	conflictStatements,
	detectLoss,
	loadDevices,
	watermarkStatements
} from '../../src/lib/server/db/writes/visit-sync.ts';
import { visitsOutOfScope } from '../../src/lib/server/db/queries/visit-scope.ts';
import { Rng } from '../../src/lib/server/demo/rng.ts';
import type { Actor } from '../../src/lib/domain/scope.ts';

export const SYNC_BATCH = 200;

/** A stop of the member's routes a visit can be recorded at. */
export interface SyncStop {
	householdId: string;
	routeId: string;
	adults: number;
}

/**
 * The member's stops on routes not cancelled (what their phone holds; routes an earlier run's
 * syncs finished still count, as a phone that was offline could not know).
 */
export async function memberStops(shard: ShardDb, memberId: string): Promise<SyncStop[]> {
	const res = await shard.$client
		.prepare(
			`SELECT s.household_id AS householdId, s.route_id AS routeId, h.adults
			FROM routes r JOIN route_stops s ON s.route_id = r.id JOIN households h ON h.id = s.household_id
			WHERE r.assignee_member_id = ?1 AND r.status <> 'cancelled'
			ORDER BY r.planned_on, s.seq`
		)
		.bind(memberId)
		.all<SyncStop>();
	return res.results;
}

/** A device's batch: SYNC_BATCH visits over the stops (several per house), made "now". */
export function deviceBatch(rng: Rng, actor: Actor, stops: readonly SyncStop[], now: number) {
	const visits = Array.from({ length: SYNC_BATCH }, (_, i) => {
		const s = stops[i % stops.length]!;
		const at = now - (SYNC_BATCH - i) * 60_000;
		const met = rng.chance(0.7);
		return {
			id: rng.uuid7(at),
			provinceCode: actor.provinceCode,
			communeCode: actor.communeCode,
			householdId: s.householdId,
			routeId: s.routeId,
			memberId: actor.memberId,
			visitedAt: at,
			outcome: met ? 'met' : 'not_home',
			adults: s.adults,
			peopleHelped: met ? 1 : 0,
			note: null,
			revisitOn: null,
			services: met ? [{ serviceCode: 'vneid', adultsUsing: 1, helped: 1 }] : []
		};
	});
	return {
		deviceId: rng.uuid7(now),
		sentAt: now,
		createdSeq: SYNC_BATCH,
		pending: SYNC_BATCH,
		oldestPendingAt: now - SYNC_BATCH * 60_000,
		visits
	};
}

/**
 * Syncs one batch as POST /api/visits does.
 * @returns how many visits were inserted.
 * @throws Error if a visit is out of the member's scope (a benchmark bug).
 */
export async function syncBatch(
	db: Db,
	shard: ShardDb,
	actor: Actor,
	body: ReturnType<typeof deviceBatch>,
	now: number
): Promise<number> {
	const rows = parseDeviceVisits(body.visits, now).map((r) => ({
		...r,
		memberId: actor.memberId,
		isDemo: false
	}));
	const outside = await visitsOutOfScope(db, shard, actor, rows);
	if (outside.length > 0) throw new Error(`${outside.length} visits out of the member's scope`);
	// As the route does: the preparation's look-ups and the device's go out together.
	const [prepared, devices] = await Promise.all([
		prepareVisits(db, shard, rows, { now, deviceId: body.deviceId }),
		loadDevices(shard, [body.deviceId])
	]);
	const lost = detectLoss(body, actor.userId, devices.get(body.deviceId), undefined);
	const ctx = { userId: actor.userId, deviceId: body.deviceId, now };
	const results = await runBatch(shard, [
		...prepared.statements,
		...conflictStatements(shard, prepared.conflictRows, ctx),
		...watermarkStatements(shard, {
			report: body,
			userId: actor.userId,
			memberId: actor.memberId,
			accepted: rows.length - prepared.result.conflicts.length,
			now,
			lost
		})
	]);
	return countInserted(prepared, results);
}

/**
 * Takes back what the sync case wrote (the fill writes no device ids; every benchmark sync
 * does): its visits with their service rows, conflicts and device rows, then the status of the
 * households they touched. Without it each run piles 6.000+ visits on the same ~50 households
 * and every later request about that member's routes reads them.
 * @returns how many visits it removed.
 */
export async function undoSyncs(shard: ShardDb): Promise<number> {
	const d1 = shard.$client;
	const { results } = await d1
		.prepare('SELECT DISTINCT household_id AS id FROM visits WHERE device_id IS NOT NULL')
		.all<{ id: string }>();
	if (results.length === 0) return 0;
	const synced = 'SELECT id FROM visits WHERE device_id IS NOT NULL';
	const [, , , gone] = await d1.batch([
		d1.prepare(`DELETE FROM visit_services WHERE visit_id IN (${synced})`),
		d1.prepare(`DELETE FROM visit_conflicts WHERE visit_id IN (${synced})`),
		d1.prepare('DELETE FROM sync_devices'),
		d1.prepare('DELETE FROM visits WHERE device_id IS NOT NULL'),
		...householdStatusStatements(
			shard,
			results.map((r) => ({ householdId: r.id, outcome: 'met' }))
		)
	]);
	return gone!.meta.changes;
}
