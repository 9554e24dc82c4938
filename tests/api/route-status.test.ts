import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { v7 } from 'uuid';
import type { TestDb } from './support/db.ts';
import { AREAS, call, shardOf } from './support/accounts-factory.ts';
import {
	deviceVisit,
	makeRoute,
	openFieldDb,
	syncRequest,
	type FieldWorld
} from './support/field-factory.ts';
import { routes } from '../../src/lib/server/db/schema/index.ts';
import { insertVisits } from '../../src/lib/server/db/writes/visits.ts';
import { household, insertHouseholdsIn } from './support/records-factory.ts';

let t: TestDb;
let w: FieldWorld;
beforeAll(async () => {
	({ t, w } = await openFieldDb(3));
});
afterAll(() => t.close());
const shard = () => shardOf(t);

const statusOf = async (id: string) =>
	(await shard().select().from(routes).where(eq(routes.id, id)).get())!.status;

const sync = (visits: unknown[]) =>
	call(t, '/api/visits', { cookie: w.user.cookie, body: syncRequest(v7(), visits) });

/** A fresh route of new households for the world's member. */
async function freshRoute(stops: number, status: 'draft' | 'assigned' | 'cancelled' = 'assigned') {
	const hh = Array.from({ length: stops }, (_, i) =>
		household(AREAS.own, { address: `Số ${i + 2}, ngõ 9, phố Chợ`, adults: 3 })
	);
	await insertHouseholdsIn(t, hh);
	const ids = hh.map((h) => h.id!);
	return { id: await makeRoute(shardOf(t), w.teamId, w.memberId, ids, { status }), ids };
}

describe('a route’s status follows the visits synced for it', () => {
	it('moves an assigned route to in progress with its first visit, and to done with its last', async () => {
		const [a, b, c] = w.householdIds as [string, string, string];
		expect(await statusOf(w.routeId)).toBe('assigned');
		expect((await sync([deviceVisit(w, a)])).status).toBe(200);
		expect(await statusOf(w.routeId)).toBe('in_progress');
		const notHome = { outcome: 'not_home', peopleHelped: 0, services: [] };
		expect((await sync([deviceVisit(w, b, notHome)])).status).toBe(200);
		expect(await statusOf(w.routeId)).toBe('in_progress');
		// Every stop has a visit on this route ("not home" counts: it was visited).
		expect((await sync([deviceVisit(w, c, notHome)])).status).toBe(200);
		expect(await statusOf(w.routeId)).toBe('done');
		// A later visit leaves it done.
		expect((await sync([deviceVisit(w, a)])).status).toBe(200);
		expect(await statusOf(w.routeId)).toBe('done');
	});

	it('moves a draft route to in progress too', async () => {
		const r = await freshRoute(2, 'draft');
		expect((await sync([deviceVisit({ ...w, routeId: r.id }, r.ids[0]!)])).status).toBe(200);
		expect(await statusOf(r.id)).toBe('in_progress');
	});

	it('does not count a visit of the route’s household recorded on another route or on none', async () => {
		const r = await freshRoute(1);
		const other = await makeRoute(shardOf(t), w.teamId, w.memberId, r.ids, { revisit: true });
		const visits = [
			deviceVisit({ ...w, routeId: other }, r.ids[0]!),
			deviceVisit({ ...w, routeId: null as unknown as string }, r.ids[0]!)
		];
		expect((await sync(visits)).status).toBe(200);
		expect(await statusOf(r.id)).toBe('assigned');
		expect(await statusOf(other)).toBe('done');
	});

	it('leaves a cancelled route cancelled', async () => {
		const r = await freshRoute(1, 'cancelled');
		await insertVisits(t.db, shard(), [
			{ ...deviceVisit({ ...w, routeId: r.id }, r.ids[0]!) }
		] as never[]);
		expect(await statusOf(r.id)).toBe('cancelled');
	});

	it('changes nothing when the batch is refused (same atomic write)', async () => {
		const r = await freshRoute(2);
		const good = deviceVisit({ ...w, routeId: r.id }, r.ids[0]!);
		const bad = deviceVisit({ ...w, routeId: r.id }, r.ids[1]!, { outcome: 'gone' });
		expect((await sync([good, bad])).status).toBe(400);
		expect(await statusOf(r.id)).toBe('assigned');
	});

	it('follows visits written by the importer too (insertVisits)', async () => {
		const r = await freshRoute(1);
		await insertVisits(t.db, shard(), [deviceVisit({ ...w, routeId: r.id }, r.ids[0]!)] as never[]);
		expect(await statusOf(r.id)).toBe('done');
	});
});
