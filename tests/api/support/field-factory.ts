/**
 * Factories for field (visit sync) tests: a team with a member who has a login, households of
 * the own commune, and a route assigned to that member with the households as stops.
 */
import { eq } from 'drizzle-orm';
import { v7 } from 'uuid';
import type { Db } from '../../../src/lib/server/db/client.ts';
import type { ShardDb } from '../../../src/lib/server/db/shards.ts';
import { routes, routeStops, users } from '../../../src/lib/server/db/schema/index.ts';
import { insertHouseholds } from '../../../src/lib/server/db/writes/households.ts';
import {
	AREAS,
	makeMember,
	makeTeam,
	makeUser,
	seedAreas,
	type TestUser
} from './accounts-factory.ts';
import { household, insertServices } from './records-factory.ts';
import { openTestDb, type TestDb } from './db.ts';

export interface FieldWorld {
	teamId: string;
	memberId: string;
	user: TestUser;
	routeId: string;
	householdIds: string[];
}

/** A member login with a route of `stops` households in the own commune (Định Hoá). */
export async function makeFieldWorld(db: Db, shard: ShardDb, stops = 3): Promise<FieldWorld> {
	const team = await makeTeam(db, 'own');
	const m = await makeMember(db, team);
	const user = await makeUser(db, 'member', 'own', team.id);
	await db.update(users).set({ memberId: m.id }).where(eq(users.id, user.id));
	const hh = Array.from({ length: stops }, (_, i) =>
		household(AREAS.own, { address: `Số ${i + 1}, ngõ 7, phố Chợ`, adults: 3 })
	);
	await insertHouseholds(db, shard, hh);
	const routeId = await makeRoute(
		shard,
		team.id,
		m.id,
		hh.map((h) => h.id!)
	);
	return { teamId: team.id, memberId: m.id, user, routeId, householdIds: hh.map((h) => h.id!) };
}

/**
 * A route of the own commune (in its shard) assigned to `memberId`, its stops in the given order.
 * @param opts.revisit its stops are explicit revisits (the households may sit on another route);
 *   opts.status defaults to assigned; opts.travelMode to foot.
 */
export async function makeRoute(
	shard: ShardDb,
	teamId: string,
	memberId: string,
	householdIds: string[],
	opts: {
		revisit?: boolean;
		status?: (typeof routes.$inferInsert)['status'];
		travelMode?: (typeof routes.$inferInsert)['travelMode'];
	} = {}
) {
	const id = crypto.randomUUID();
	await shard.insert(routes).values({
		id,
		...AREAS.own,
		teamId,
		assigneeMemberId: memberId,
		name: 'Tuyến ngõ 7',
		plannedOn: '2026-11-23',
		status: opts.status ?? 'assigned',
		travelMode: opts.travelMode ?? 'foot',
		createdAt: Date.now()
	});
	if (householdIds.length > 0) {
		await shard.insert(routeStops).values(
			householdIds.map((householdId, seq) => ({
				routeId: id,
				seq,
				householdId,
				...AREAS.own,
				revisit: opts.revisit ?? false
			}))
		);
	}
	return id;
}

/** A visit as a device would send it (UUIDv7 id made "on the device"). */
export function deviceVisit(
	w: FieldWorld,
	householdId: string,
	over: Record<string, unknown> = {}
) {
	return {
		id: v7(),
		...AREAS.own,
		householdId,
		routeId: w.routeId,
		memberId: w.memberId,
		visitedAt: Date.now() - 60_000,
		outcome: 'met',
		adults: 3,
		peopleHelped: 2,
		note: 'Bà cụ đã cài VNeID',
		revisitOn: null,
		services: [
			{ serviceCode: 'vneid', adultsUsing: 2, helped: 2 },
			{ serviceCode: 'vssid', adultsUsing: 1, helped: 0 }
		],
		...over
	};
}

/** A sync request body from a device. */
export function syncRequest(
	deviceId: string,
	visits: unknown[],
	over: Record<string, unknown> = {}
) {
	return {
		deviceId,
		sentAt: Date.now(),
		createdSeq: visits.length,
		pending: visits.length,
		oldestPendingAt: visits.length > 0 ? Date.now() - 60_000 : null,
		visits,
		...over
	};
}

/** A fresh local D1 with the reference areas, the services and a field world of `stops` stops. */
export async function openFieldDb(stops: number): Promise<{ t: TestDb; w: FieldWorld }> {
	const t = await openTestDb();
	await seedAreas(t.db);
	await insertServices(t.db);
	return { t, w: await makeFieldWorld(t.db, t.shard(AREAS.own.provinceCode), stops) };
}
