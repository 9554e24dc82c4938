import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { v7 } from 'uuid';
import type { TestDb } from './support/db.ts';
import {
	AREAS,
	call,
	makeHamlet,
	makeMember,
	makeTeam,
	makeUser,
	shardOf
} from './support/accounts-factory.ts';
import {
	deviceVisit,
	openFieldDb,
	makeRoute,
	syncRequest,
	type FieldWorld
} from './support/field-factory.ts';
import { households, syncDevices, teams, users } from '../../src/lib/server/db/schema/index.ts';
import { household, insertHouseholdsIn } from './support/records-factory.ts';

let t: TestDb;
let w: FieldWorld;
beforeAll(async () => {
	({ t, w } = await openFieldDb(4));
});
afterAll(() => t.close());

/** The own commune's shard: visits, households and devices live there. */
const shard = () => shardOf(t);
const count = async (q: string) => (await shard().all<{ n: number }>(sql.raw(q)))[0]!.n;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are asserted field by field
const json = (r: Response) => r.json() as Promise<any>;

function sync(body: unknown, cookie = w.user.cookie, extra: Record<string, string> = {}) {
	return call(t, '/api/visits', { body, cookie, headers: extra });
}

describe('POST /api/visits (device sync)', () => {
	const device = v7();

	it('stores a batch, answers per visit and updates the household status', async () => {
		const a = deviceVisit(w, w.householdIds[0]!);
		const b = deviceVisit(w, w.householdIds[1]!, {
			outcome: 'not_home',
			peopleHelped: 0,
			services: [],
			revisitOn: '2026-11-30'
		});
		const res = await sync(syncRequest(device, [a, b]));
		expect(res.status, await res.clone().text()).toBe(200);
		const body = await json(res);
		expect(body.results).toEqual([
			{ id: a.id, status: 'inserted' },
			{ id: b.id, status: 'inserted' }
		]);
		expect(body.inserted).toBe(2);
		expect(res.headers.get('cache-control')).toContain('no-store');
		const hh = await shard()
			.select()
			.from(households)
			.where(eq(households.id, w.householdIds[1]!))
			.get();
		expect(hh).toMatchObject({
			lastVisitId: b.id,
			lastOutcome: 'not_home',
			revisitOn: '2026-11-30'
		});
		expect(await count(`SELECT count(*) AS n FROM visit_services WHERE visit_id = '${a.id}'`)).toBe(
			2
		);
	});

	it('keeps the latest visit as the household status when syncs arrive out of order, and honours do-not-contact', async () => {
		const hh = w.householdIds[2]!;
		const newer = deviceVisit(w, hh, {
			visitedAt: Date.now() - 1_000,
			outcome: 'refused',
			peopleHelped: 0,
			services: []
		});
		const older = deviceVisit(w, hh, { visitedAt: Date.now() - 86_400_000 });
		expect((await sync(syncRequest(v7(), [newer]))).status).toBe(200);
		expect((await sync(syncRequest(v7(), [older]))).status).toBe(200);
		const row = await shard().select().from(households).where(eq(households.id, hh)).get();
		expect(row).toMatchObject({ lastVisitId: newer.id, lastOutcome: 'refused' });
		const dnc = deviceVisit(w, hh, { outcome: 'do_not_contact', peopleHelped: 0, services: [] });
		expect((await sync(syncRequest(v7(), [dnc]))).status).toBe(200);
		const after = await shard().select().from(households).where(eq(households.id, hh)).get();
		// an older do-not-contact request synced late is still honoured
		expect(after).toMatchObject({ lastOutcome: 'refused', doNotContact: true });
	});

	it("keeps the not-home streak on the household, so the planning list's revisits are right whatever the sync order", async () => {
		const hh = household(AREAS.own, { address: 'Số 3, ngách 2, ngõ 7, phố Chợ' });
		await insertHouseholdsIn(t, [hh]);
		const routeId = await makeRoute(shard(), w.teamId, w.memberId, [hh.id!]);
		const day = 86_400_000;
		const at = (daysAgo: number, outcome: string) =>
			deviceVisit(w, hh.id!, {
				routeId,
				visitedAt: Date.now() - daysAgo * day,
				outcome,
				peopleHelped: 0,
				services: outcome === 'met' ? undefined : []
			});
		const admin = await makeUser(t.db, 'commune_admin', 'own');
		const listed = async () => {
			const res = await call(t, `/api/households?commune=${AREAS.own.communeCode}`, {
				cookie: admin.cookie
			});
			expect(res.status).toBe(200);
			// eslint-disable-next-line @typescript-eslint/no-explicit-any -- asserted field by field
			return (await json(res)).households.find((x: any) => x.id === hh.id);
		};
		// two misses after a meeting, one before it: the streak is 2 (the second revisit, 5 days on)
		const [early, met, miss1, miss2] = [
			at(9, 'not_home'),
			at(8, 'met'),
			at(3, 'not_home'),
			at(2, 'not_home')
		];
		expect((await sync(syncRequest(v7(), [miss2, early]))).status).toBe(200);
		expect((await listed()).revisit).toMatchObject({ attempt: 2 });
		expect((await sync(syncRequest(v7(), [met, miss1]))).status).toBe(200);
		const item = await listed();
		expect(item.status).toBe('not_home');
		expect(item.revisit).toMatchObject({ attempt: 2 });
		expect(
			await shard().select().from(households).where(eq(households.id, hh.id!)).get()
		).toMatchObject({ notHomeStreak: 2, lastVisitId: miss2.id });
		// met again: no streak, no revisit
		expect((await sync(syncRequest(v7(), [at(1, 'met')]))).status).toBe(200);
		const after = await listed();
		expect(after).toMatchObject({ status: 'met', revisit: null, visits: { notHomeStreak: 0 } });
	});

	it('answers 200 and writes nothing when the same visit is sent again (same id, same payload)', async () => {
		const v = deviceVisit(w, w.householdIds[2]!);
		expect((await sync(syncRequest(device, [v]))).status).toBe(200);
		const before = await count('SELECT count(*) AS n FROM visits');
		const res = await sync(syncRequest(device, [v]));
		expect(res.status).toBe(200);
		expect((await json(res)).results).toEqual([{ id: v.id, status: 'duplicate' }]);
		expect(await count('SELECT count(*) AS n FROM visits')).toBe(before);
	});

	it('answers 409 and keeps the other payload for review when an id comes back changed', async () => {
		const v = deviceVisit(w, w.householdIds[3]!);
		const other = deviceVisit(w, w.householdIds[3]!);
		expect((await sync(syncRequest(device, [v]))).status).toBe(200);
		const changed = { ...v, note: 'Sửa lại ghi chú' };
		const res = await sync(syncRequest(device, [changed, other]));
		expect(res.status).toBe(409);
		const body = await json(res);
		expect(body.results).toEqual([
			{ id: v.id, status: 'conflict' },
			{ id: other.id, status: 'inserted' }
		]);
		const kept = await shard().all<{ payload: string }>(
			sql`SELECT payload FROM visit_conflicts WHERE visit_id = ${v.id}`
		);
		expect(kept).toHaveLength(1);
		expect(JSON.parse(kept[0]!.payload).note).toBe('Sửa lại ghi chú');
		// the stored visit is unchanged; replaying the conflict does not stack review rows
		expect(
			await count(
				`SELECT count(*) AS n FROM visits WHERE id = '${v.id}' AND note = 'Bà cụ đã cài VNeID'`
			)
		).toBe(1);
		expect((await sync(syncRequest(device, [changed]))).status).toBe(409);
		expect(
			await count(`SELECT count(*) AS n FROM visit_conflicts WHERE visit_id = '${v.id}'`)
		).toBe(1);
	});

	it.each([
		['an unknown outcome', { outcome: 'gone' }, 'visits.0.outcome'],
		['a non-UUIDv7 id', { id: 'abc' }, 'visits.0.id'],
		[
			'more adults using a service than live there',
			{ adults: 1 },
			'visits.0.services.0.adultsUsing'
		],
		['a bad revisit date', { revisitOn: '31/11/2026' }, 'visits.0.revisitOn']
	])('answers 400 naming the field for %s, writing nothing', async (_, over, field) => {
		const before = await count('SELECT count(*) AS n FROM visits');
		const good = deviceVisit(w, w.householdIds[0]!);
		const res = await sync(syncRequest(device, [deviceVisit(w, w.householdIds[0]!, over), good]));
		expect(res.status).toBe(400);
		const body = await json(res);
		expect(body.code).toBe('invalid_visit');
		expect(body.details.field).toBe(field);
		expect(body.message).toContain(field);
		expect(await count('SELECT count(*) AS n FROM visits')).toBe(before);
	});

	it('answers 400 naming the envelope field when the batch itself is malformed', async () => {
		const res = await sync({ deviceId: 'x', visits: [] });
		expect(res.status).toBe(400);
		expect((await json(res)).details.field).toBe('deviceId');
	});

	it('answers 403 for a household outside the member’s routes, writing nothing', async () => {
		const stranger = household(AREAS.own, { address: 'Số 99, ngõ 9' });
		await insertHouseholdsIn(t, [stranger]);
		const before = await count('SELECT count(*) AS n FROM visits');
		const ok = deviceVisit(w, w.householdIds[0]!);
		const outside = deviceVisit(w, stranger.id!, { routeId: null });
		const res = await sync(syncRequest(device, [ok, outside]));
		expect(res.status).toBe(403);
		const body = await json(res);
		expect(body.code).toBe('visit_out_of_scope');
		expect(body.details.ids).toEqual([outside.id]);
		expect(await count('SELECT count(*) AS n FROM visits')).toBe(before);
	});

	it('answers 403 for a route of another member, and for a visit recorded as someone else', async () => {
		const team = await makeTeam(t.db, 'own');
		const otherRoute = await makeRoute(shardOf(t), team.id, w.memberId, []);
		const wrongRoute = deviceVisit(w, w.householdIds[0]!, { routeId: otherRoute });
		expect((await sync(syncRequest(device, [wrongRoute]))).status).toBe(403);
		const asOther = deviceVisit(w, w.householdIds[0]!, { memberId: crypto.randomUUID() });
		expect((await sync(syncRequest(device, [asOther]))).status).toBe(403);
	});

	it('lets a team leader record visits on the team’s routes but not a member of another team', async () => {
		const leader = await makeUser(t.db, 'team_leader', 'own', w.teamId);
		const v = deviceVisit(w, w.householdIds[1]!, { memberId: null });
		expect((await sync(syncRequest(v7(), [v]), leader.cookie)).status).toBe(200);
		const outsider = await makeUser(t.db, 'member', 'own', (await makeTeam(t.db, 'own')).id);
		const res = await sync(
			syncRequest(v7(), [deviceVisit(w, w.householdIds[1]!, { memberId: null })]),
			outsider.cookie
		);
		expect(res.status).toBe(403);
	});

	it('accepts a visit made offline on an outing since given to someone else, or cancelled', async () => {
		const team = { id: w.teamId, ...AREAS.own };
		const colleague = await makeMember(t.db, team);
		const moved = await makeRoute(shardOf(t), w.teamId, colleague.id, []);
		const freed = household(AREAS.own, { address: 'Số 40, ngõ 7, phố Chợ' });
		await insertHouseholdsIn(t, [freed]);
		// The route no longer holds the household (cancelled) and is someone else's now.
		const v = deviceVisit(w, freed.id!, { routeId: moved });
		const res = await sync(syncRequest(v7(), [v]));
		expect(res.status, await res.clone().text()).toBe(200);
		expect(await count(`SELECT count(*) AS n FROM visits WHERE id = '${v.id}'`)).toBe(1);
	});

	it('refuses a visit naming a team route for a household outside the team’s hamlet', async () => {
		const own = await makeHamlet(t.db, 'own');
		const elsewhere = await makeHamlet(t.db, 'own');
		const team = await makeTeam(t.db, 'own');
		await t.db.update(teams).set({ hamletId: own.id }).where(eq(teams.id, team.id));
		const m = await makeMember(t.db, team);
		const u = await makeUser(t.db, 'member', 'own', team.id);
		await t.db.update(users).set({ memberId: m.id }).where(eq(users.id, u.id));
		const route = await makeRoute(shardOf(t), team.id, m.id, []);
		const inside = household(AREAS.own, { address: 'Số 1, ngõ 30', hamletId: own.id });
		const outside = household(AREAS.own, { address: 'Số 2, ngõ 30', hamletId: elsewhere.id });
		await insertHouseholdsIn(t, [inside, outside]);
		const as = (hh: string) => deviceVisit({ ...w, routeId: route, memberId: m.id }, hh);
		expect((await sync(syncRequest(v7(), [as(inside.id!)]), u.cookie)).status).toBe(200);
		const res = await sync(syncRequest(v7(), [as(outside.id!)]), u.cookie);
		expect(res.status).toBe(403);
		expect((await json(res)).code).toBe('visit_out_of_scope');
	});

	it('answers 401 without a login and keeps nothing', async () => {
		const res = await sync(syncRequest(device, [deviceVisit(w, w.householdIds[0]!)]), '');
		expect(res.status).toBe(401);
	});

	it('refuses a cross-site sync (CSRF)', async () => {
		const res = await sync(syncRequest(device, []), w.user.cookie, {
			'sec-fetch-site': 'cross-site'
		});
		expect(res.status).toBe(403);
	});
});

describe('sync watermarks and eviction detection', () => {
	it('records what each device created, holds and had accepted, and the clock offset', async () => {
		const device = v7();
		// The device's clock runs an hour slow: its visit and its sentAt both say so.
		const v = deviceVisit(w, w.householdIds[0]!, { visitedAt: Date.now() - 3_600_000 });
		const res = await sync(
			syncRequest(device, [v], { createdSeq: 7, pending: 3, sentAt: Date.now() - 3_600_000 })
		);
		expect(res.status).toBe(200);
		expect(res.headers.get('set-cookie')).toContain(`__Secure-tn_device=${device}`);
		const row = await shard().select().from(syncDevices).where(eq(syncDevices.id, device)).get();
		expect(row).toMatchObject({ userId: w.user.id, createdSeq: 7, pending: 2, acceptedTotal: 1 });
		expect(row!.clockOffsetMs).toBeGreaterThan(3_500_000);
		const list = await json(await call(t, '/api/visits/devices', { cookie: w.user.cookie }));
		expect(list.devices.map((d: { id: string }) => d.id)).toContain(device);
	});

	it('tells when the same browser comes back with a new device id while the old one held visits', async () => {
		const old = v7();
		const first = await sync(syncRequest(old, [], { createdSeq: 5, pending: 2 }));
		const cookie = `${w.user.cookie}; ${first.headers.get('set-cookie')!.split(';')[0]}`;
		const fresh = v7();
		const res = await sync(syncRequest(fresh, [], { createdSeq: 0, pending: 0 }), cookie);
		const body = await json(res);
		expect(body.lostData).toMatchObject({ deviceId: old, pending: 2 });
		const row = await shard().select().from(syncDevices).where(eq(syncDevices.id, old)).get();
		expect(row).toMatchObject({ replacedBy: fresh, lostPending: 2 });
		// reported once: the next sync of the new device is quiet
		const again = await sync(syncRequest(fresh, [], { createdSeq: 0, pending: 0 }), cookie);
		expect((await json(again)).lostData).toBeNull();
	});

	it('does not cry wolf when the old device had synced everything', async () => {
		const old = v7();
		const first = await sync(syncRequest(old, [], { createdSeq: 5, pending: 0 }));
		const cookie = `${w.user.cookie}; ${first.headers.get('set-cookie')!.split(';')[0]}`;
		const res = await sync(syncRequest(v7(), [], { createdSeq: 0, pending: 0 }), cookie);
		expect((await json(res)).lostData).toBeNull();
	});

	it('tells when a device’s own counter went backwards while it held visits', async () => {
		const d = v7();
		await sync(syncRequest(d, [], { createdSeq: 9, pending: 4 }));
		const res = await sync(syncRequest(d, [], { createdSeq: 0, pending: 0 }));
		expect((await json(res)).lostData).toMatchObject({ deviceId: d, pending: 4 });
	});
});
