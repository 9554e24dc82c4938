/**
 * Issue 12 fixes against the real local D1: a route goes only to a member of its own team
 * (POST and PATCH refuse another team's member with 422 `assignee_other_team`, writing nothing);
 * a leader cannot touch another team's route; cancelling keeps every visit and the stops of
 * households visited on the route, frees the others, and is audited; a finished route stays.
 */
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { TestDb } from './support/db.ts';
import { useSeededDb } from './support/seeded-db.ts';
import {
	AREAS,
	call,
	makeMember,
	makeTeam,
	makeUser,
	type TestUser,
	shardOf
} from './support/accounts-factory.ts';
import { household, insertHouseholdsIn } from './support/records-factory.ts';
import { DAY_MS, countRows, insertRoute, insertVisit } from './support/day-factory.ts';
import { auditLog, routes, routeStops } from '../../src/lib/server/db/schema/index.ts';

let t: TestDb;
let leaderA: TestUser;
let leaderB: TestUser;
let teamA: string;
let memberA: string;
let memberB: string;
const hh: string[] = [];

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are asserted field by field
const json = (r: Response) => r.json() as Promise<any>;

useSeededDb(async (db) => {
	t = db;
	const a = await makeTeam(t.db, 'own', 'Tổ Đồng Tâm');
	const b = await makeTeam(t.db, 'own', 'Tổ Khuôn Tát');
	teamA = a.id;
	memberA = (await makeMember(t.db, a)).id;
	memberB = (await makeMember(t.db, b)).id;
	leaderA = await makeUser(t.db, 'team_leader', 'own', a.id);
	leaderB = await makeUser(t.db, 'team_leader', 'own', b.id);
	const rows = Array.from({ length: 12 }, (_, i) =>
		household(AREAS.own, { address: `Số ${i + 1}, ngõ 45, phố Lò Đúc`, lon: 105.64, lat: 21.9 })
	);
	await insertHouseholdsIn(t, rows);
	hh.push(...rows.map((r) => r.id!));
});

const snapshot = async () => ({
	routes: await countRows(shardOf(t), 'routes'),
	stops: await countRows(shardOf(t), 'route_stops')
});
const routeRow = async (id: string) =>
	(await shardOf(t).select().from(routes).where(eq(routes.id, id)))[0];
const stopsOf = async (id: string) =>
	(await shardOf(t).select().from(routeStops).where(eq(routeStops.routeId, id))).map(
		(s) => s.householdId
	);

function plan(user: TestUser, assigneeMemberId: string | null, householdIds: string[]) {
	return call(t, '/api/routes', {
		cookie: user.cookie,
		body: {
			communeCode: '05569',
			teamId: teamA,
			routes: [{ name: 'Ngõ 45', householdIds, assigneeMemberId, plannedOn: '2026-12-01' }]
		}
	});
}
/** Global audit entries, once the shards' outboxes (entries of route writes) are moved there. */
const audits = async () => {
	await t.moveAudit();
	return countRows(t.db, 'audit_log');
};
const assign = (user: TestUser, id: string, body: Record<string, unknown>) =>
	call(t, `/api/routes/${id}`, { method: 'PATCH', cookie: user.cookie, body });
const cancel = (user: TestUser, id: string) =>
	call(t, `/api/routes/${id}/cancel`, { method: 'POST', cookie: user.cookie });

describe("assigning a route to its own team's members only", () => {
	let routeId: string;

	it("POST /api/routes refuses another team's member (422), writing nothing", async () => {
		const before = await snapshot();
		const res = await plan(leaderA, memberB, [hh[0]!]);
		expect(res.status).toBe(422);
		expect(await json(res)).toMatchObject({
			code: 'assignee_other_team',
			details: { ids: [memberB] }
		});
		expect(await snapshot()).toEqual(before);
	});

	it("POST /api/routes accepts the route's own team's member", async () => {
		const res = await plan(leaderA, memberA, [hh[0]!, hh[1]!]);
		expect(res.status, await res.clone().text()).toBe(201);
		routeId = (await json(res)).routes[0].id;
		expect(await routeRow(routeId)).toMatchObject({
			assigneeMemberId: memberA,
			status: 'assigned',
			teamId: teamA
		});
	});

	it("PATCH /api/routes/:id refuses another team's member (422), the route unchanged", async () => {
		const before = await routeRow(routeId);
		const res = await assign(leaderA, routeId, {
			assigneeMemberId: memberB,
			plannedOn: '2026-12-02'
		});
		expect(res.status).toBe(422);
		expect(await json(res)).toMatchObject({ code: 'assignee_other_team' });
		expect(await routeRow(routeId)).toEqual(before);
	});

	it("PATCH /api/routes/:id gives the route to its own team's member on a day and session", async () => {
		const res = await assign(leaderA, routeId, {
			assigneeMemberId: memberA,
			plannedOn: '2026-12-03',
			session: 'afternoon'
		});
		expect(res.status).toBe(200);
		expect(await routeRow(routeId)).toMatchObject({
			assigneeMemberId: memberA,
			plannedOn: '2026-12-03',
			session: 'afternoon',
			status: 'assigned'
		});
	});

	it("a leader cannot assign or cancel another team's route (403), nothing changes", async () => {
		const before = await routeRow(routeId);
		const patched = await assign(leaderB, routeId, {
			assigneeMemberId: memberB,
			plannedOn: '2026-12-04'
		});
		expect(patched.status).toBe(403);
		expect((await cancel(leaderB, routeId)).status).toBe(403);
		expect(await routeRow(routeId)).toEqual(before);
		expect(await stopsOf(routeId)).toHaveLength(2);
	});
});

describe('cancelling a route', () => {
	it('keeps every visit and the visited stops, frees the others, and writes an audit entry', async () => {
		const stops = hh.slice(2, 7);
		const id = await insertRoute(shardOf(t), {
			teamId: teamA,
			assigneeMemberId: memberA,
			status: 'in_progress',
			householdIds: stops
		});
		await insertVisit(shardOf(t), { householdId: stops[0]!, routeId: id, ago: DAY_MS });
		await insertVisit(shardOf(t), { householdId: stops[1]!, routeId: id, ago: DAY_MS });
		await insertVisit(shardOf(t), {
			householdId: stops[1]!,
			routeId: id,
			ago: 3_600_000,
			outcome: 'not_home'
		});
		// Met on no route: not a visit on this outing, so its stop is freed.
		await insertVisit(shardOf(t), { householdId: stops[2]!, ago: 2 * DAY_MS });
		const visitsBefore = await countRows(shardOf(t), 'visits');

		const res = await cancel(leaderA, id);
		expect(res.status, await res.clone().text()).toBe(200);
		expect(await json(res)).toMatchObject({ kept: 2, freed: 3, route: { status: 'cancelled' } });
		expect(await countRows(shardOf(t), 'visits')).toBe(visitsBefore);
		expect((await stopsOf(id)).sort()).toEqual([stops[0]!, stops[1]!].sort());
		await t.moveAudit();
		const [entry] = await t.db
			.select()
			.from(auditLog)
			.where(eq(auditLog.entityId, id))
			.orderBy(auditLog.at);
		expect(entry).toMatchObject({ action: 'route.cancel', kind: 'write', actorUserId: leaderA.id });
		expect(JSON.parse(entry!.detail!)).toEqual({
			status: 'in_progress',
			keptStops: 2,
			freedStops: 3
		});

		// The freed households are gaps again; the visited ones are still covered.
		const list = await json(
			await call(t, '/api/households?commune=05569', { cookie: leaderA.cookie })
		);
		const routeOf = new Map(
			list.households.map((h: { id: string; routeId: string | null }) => [h.id, h.routeId])
		);
		expect(stops.map((s) => routeOf.get(s))).toEqual([id, id, null, null, null]);
		expect((await plan(leaderA, null, [stops[2]!, stops[3]!])).status).toBe(201);
		const again = await plan(leaderA, null, [stops[0]!]);
		expect(again.status).toBe(409);
		expect((await json(again)).code).toBe('already_planned');
	});

	it('refuses an already cancelled route (409 route_cancelled)', async () => {
		const id = await insertRoute(shardOf(t), { teamId: teamA, householdIds: [hh[7]!] });
		expect((await cancel(leaderA, id)).status).toBe(200);
		const res = await cancel(leaderA, id);
		expect(res.status).toBe(409);
		expect((await json(res)).code).toBe('route_cancelled');
	});

	it('refuses a finished route (409 route_done): it stays done, stops and all, unaudited', async () => {
		const id = await insertRoute(shardOf(t), {
			teamId: teamA,
			assigneeMemberId: memberA,
			status: 'done',
			householdIds: [hh[8]!, hh[9]!]
		});
		await insertVisit(shardOf(t), { householdId: hh[8]!, routeId: id, ago: DAY_MS });
		await insertVisit(shardOf(t), { householdId: hh[9]!, routeId: id, ago: DAY_MS });
		const auditsBefore = await audits();
		const res = await cancel(leaderA, id);
		expect(res.status).toBe(409);
		expect(await json(res)).toMatchObject({
			code: 'route_done',
			message: 'A finished route cannot be cancelled'
		});
		expect((await routeRow(id))!.status).toBe('done');
		expect(await stopsOf(id)).toHaveLength(2);
		expect(await audits()).toBe(auditsBefore);
	});

	it('cancels a draft route with no visit: every household is freed', async () => {
		const id = await insertRoute(shardOf(t), { teamId: teamA, householdIds: [hh[10]!, hh[11]!] });
		const res = await cancel(leaderA, id);
		expect(await json(res)).toMatchObject({ kept: 0, freed: 2 });
		expect(await stopsOf(id)).toEqual([]);
	});
});
