import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { v7 } from 'uuid';
import type { TestDb } from './support/db.ts';
import { call, makeTeam, makeUser, shardOf } from './support/accounts-factory.ts';
import {
	deviceVisit,
	makeRoute,
	openFieldDb,
	syncRequest,
	type FieldWorld
} from './support/field-factory.ts';
import { households } from '../../src/lib/server/db/schema/index.ts';

let t: TestDb;
let w: FieldWorld;
beforeAll(async () => {
	({ t, w } = await openFieldDb(3));
	await shardOf(t)
		.update(households)
		.set({ headName: 'Hoàng Văn Tư', headPhone: '0912345678', consent: true })
		.where(eq(households.id, w.householdIds[0]!));
});
afterAll(() => t.close());

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- bodies asserted field by field
const json = (r: Response) => r.json() as Promise<any>;

describe('GET /api/field/routes', () => {
	it('lists the member’s routes with their stop counts', async () => {
		const res = await call(t, '/api/field/routes', { cookie: w.user.cookie });
		expect(res.status).toBe(200);
		const body = await json(res);
		expect(body.routes).toEqual([expect.objectContaining({ id: w.routeId, stops: 3 })]);
		expect(body.memberId).toBe(w.memberId);
	});

	it('lists nothing for a member of another team, and asks the public to log in', async () => {
		const other = await makeUser(t.db, 'member', 'own', (await makeTeam(t.db, 'own')).id);
		expect(
			(await json(await call(t, '/api/field/routes', { cookie: other.cookie }))).routes
		).toEqual([]);
		expect((await call(t, '/api/field/routes')).status).toBe(401);
	});
});

describe('GET /api/field/routes/:id (the offline pack)', () => {
	it('holds the stops in order with only the fields a visit needs, and is audited', async () => {
		const res = await call(t, `/api/field/routes/${w.routeId}`, { cookie: w.user.cookie });
		expect(res.status).toBe(200);
		expect(res.headers.get('cache-control')).toContain('no-store');
		const body = await json(res);
		expect(body.stops.map((s: { householdId: string }) => s.householdId)).toEqual(w.householdIds);
		expect(Object.keys(body.stops[0]).sort()).toEqual(
			[
				'address',
				'adults',
				'alleyKey',
				'doNotContact',
				'householdId',
				'lastOutcome',
				'lastVisitAt',
				'lat',
				'lon',
				'metElsewhere',
				'revisit',
				'revisitOn',
				'seq',
				'visitedOnRoute'
			].sort()
		);
		expect(body.route.travelMode).toBe('foot');
		expect(JSON.stringify(body)).not.toContain('Hoàng Văn Tư');
		expect(JSON.stringify(body)).not.toContain('0912345678');
		expect(body.commune).toMatchObject({ code: '05569' });
		const audit = await t.db.all<{ n: number }>(
			sql`SELECT count(*) AS n FROM audit_log WHERE action = 'route.pack' AND entity_id = ${w.routeId}`
		);
		expect(audit[0]!.n).toBe(1);
	});

	it('shows the status a synced visit left', async () => {
		const v = deviceVisit(w, w.householdIds[1]!, {
			outcome: 'not_home',
			peopleHelped: 0,
			services: []
		});
		expect(
			(await call(t, '/api/visits', { cookie: w.user.cookie, body: syncRequest(v7(), [v]) })).status
		).toBe(200);
		const body = await json(
			await call(t, `/api/field/routes/${w.routeId}`, { cookie: w.user.cookie })
		);
		expect(body.stops[1]).toMatchObject({ lastOutcome: 'not_home', lastVisitAt: v.visitedAt });
		const mine = await json(await call(t, '/api/visits/mine', { cookie: w.user.cookie }));
		expect(mine.visits.map((x: { id: string }) => x.id)).toContain(v.id);
	});

	it('carries per stop what was recorded on this route, and a meeting on another route', async () => {
		const [, second, third] = w.householdIds as [string, string, string];
		const revisit = await makeRoute(shardOf(t), w.teamId, w.memberId, [third], {
			revisit: true,
			travelMode: 'motorbike'
		});
		const here = deviceVisit(w, second, { outcome: 'not_home', peopleHelped: 0, services: [] });
		const elsewhere = deviceVisit(w, third, { routeId: revisit });
		const sent = await call(t, '/api/visits', {
			cookie: w.user.cookie,
			body: syncRequest(v7(), [here, elsewhere])
		});
		expect(sent.status).toBe(200);
		const pack = async (id: string) =>
			json(await call(t, `/api/field/routes/${id}`, { cookie: w.user.cookie }));
		const body = await pack(w.routeId);
		expect(body.stops[1]).toMatchObject({
			visitedOnRoute: { outcome: 'not_home', visitedAt: here.visitedAt },
			metElsewhere: false
		});
		expect(body.stops[2]).toMatchObject({ visitedOnRoute: null, metElsewhere: true });
		const other = await pack(revisit);
		expect(other.route.travelMode).toBe('motorbike');
		expect(other.stops[0]).toMatchObject({
			visitedOnRoute: { outcome: 'met', visitedAt: elsewhere.visitedAt },
			metElsewhere: false
		});
	});

	it('refuses another team’s member (403) and answers 404 for an unknown route', async () => {
		const other = await makeUser(t.db, 'member', 'own', (await makeTeam(t.db, 'own')).id);
		expect((await call(t, `/api/field/routes/${w.routeId}`, { cookie: other.cookie })).status).toBe(
			403
		);
		expect((await call(t, '/api/field/routes/nope', { cookie: w.user.cookie })).status).toBe(404);
	});

	it('opens for the team’s leader and the commune admin, not for another commune’s admin', async () => {
		const leader = await makeUser(t.db, 'team_leader', 'own', w.teamId);
		const admin = await makeUser(t.db, 'commune_admin', 'own');
		const foreign = await makeUser(t.db, 'commune_admin', 'foreignCommune');
		expect(
			(await call(t, `/api/field/routes/${w.routeId}`, { cookie: leader.cookie })).status
		).toBe(200);
		expect((await call(t, `/api/field/routes/${w.routeId}`, { cookie: admin.cookie })).status).toBe(
			200
		);
		expect(
			(await call(t, `/api/field/routes/${w.routeId}`, { cookie: foreign.cookie })).status
		).toBe(403);
	});
});
