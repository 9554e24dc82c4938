/**
 * Households and route planning against the real local D1: CSV import → plan (the same domain
 * code the browser's worker runs) → assign → the member's routes; the coverage guarantee, gaps,
 * and bad input (nothing written).
 */
import { describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import type { TestDb } from './support/db.ts';
import { useSeededDb } from './support/seeded-db.ts';
import {
	call,
	makeHamlet,
	makeMember,
	makeTeam,
	makeUser,
	shardOf,
	type TestUser
} from './support/accounts-factory.ts';
import {
	hamlets,
	households,
	routeStops,
	routes,
	users
} from '../../src/lib/server/db/schema/index.ts';
import { planTeam } from '../../src/lib/domain/routing/team-plan.ts';
import { planBody, toTeamHousehold, type PlannerHousehold } from '../../src/lib/plan/team-input.ts';
import { checkCoverage } from '../../src/lib/domain/routing/coverage.ts';
import type { LonLat } from '../../src/lib/domain/routing/types.ts';

let t: TestDb;
let ca: TestUser;
let leader: TestUser;
let memberUser: TestUser;
let otherLeader: TestUser;
let teamId: string;
let hamletId: string;
let memberId: string;
let foreignMemberId: string;
const HAMLET_POINT: LonLat = [105.64, 21.9];

const utf8 = (s: string) => new TextEncoder().encode(s);

function upload(body: string, commit: boolean, user = ca) {
	return call(t, `/api/households/import?commune=05569&commit=${commit ? 1 : 0}`, {
		method: 'POST',
		body: utf8(body),
		cookie: user.cookie,
		headers: { 'content-type': 'text/csv' }
	});
}

/** The own commune's shard: households, routes and their stops live there. */
const shard = () => shardOf(t);

async function count(table: typeof households | typeof routes | typeof routeStops) {
	const [r] = await shard()
		.select({ n: sql<number>`count(*)` })
		.from(table);
	return r!.n;
}
const snapshot = async () => ({
	households: await count(households),
	routes: await count(routes),
	stops: await count(routeStops)
});

interface ListBody {
	households: {
		id: string;
		lon: number | null;
		lat: number | null;
		alleyKey: string;
		addressKey: string;
		doNotContact: boolean;
		routeId: string | null;
		status: string;
		locationStatus: string;
		address: string;
	}[];
	summary: { total: number; onRoute: number; gaps: number; doNotContact: number };
}
async function list(user = ca): Promise<ListBody> {
	const res = await call(t, '/api/households?commune=05569', { cookie: user.cookie });
	expect(res.status).toBe(200);
	return (await res.json()) as ListBody;
}

const HEADER =
	'Mã xã,Địa chỉ,Thôn,Kinh độ,Vĩ độ,Số người lớn,Chủ hộ,Điện thoại,Đồng ý,Không liên hệ';
const lon = (i: number) => (105.64 + i * 0.0002).toFixed(5).replace('.', ',');
const GOOD = [
	HEADER,
	...[1, 2, 3, 4, 5, 6].map(
		(n) =>
			`05569,"Số ${n}, ngõ 12, đường Lương Ngọc Quyến",Thôn Đồng Tâm,"${lon(n)}",21.9001,${n % 4},Hộ ông ${n},,có,`
	),
	'05569,"Số 3, ngõ 14, đường Lương Ngọc Quyến",Thôn Đồng Tâm,,,2,Bà Hoa,0912345678,có,',
	'05569,"Số 9, ngõ 14, đường Lương Ngọc Quyến",Thôn Đồng Tâm,105.6421,21.9003,1,,,,có'
].join('\n');

useSeededDb(async (db) => {
	t = db;
	ca = await makeUser(t.db, 'commune_admin');
	const h = await makeHamlet(t.db, 'own', 'Thôn Đồng Tâm');
	hamletId = h.id;
	await t.db
		.update(hamlets)
		.set({ lon: HAMLET_POINT[0], lat: HAMLET_POINT[1] })
		.where(eq(hamlets.id, h.id));
	const team = await makeTeam(t.db, 'own', 'Tổ Đồng Tâm');
	teamId = team.id;
	leader = await makeUser(t.db, 'team_leader', 'own', team.id);
	const m = await makeMember(t.db, team);
	memberId = m.id;
	memberUser = await makeUser(t.db, 'member', 'own', team.id);
	await t.db.update(users).set({ memberId: m.id }).where(eq(users.id, memberUser.id));
	const other = await makeTeam(t.db, 'own', 'Tổ khác');
	otherLeader = await makeUser(t.db, 'team_leader', 'own', other.id);
	const foreign = await makeMember(t.db, await makeTeam(t.db, 'foreignCommune'));
	foreignMemberId = foreign.id;
});

describe('household CSV import', () => {
	it('reports line-numbered errors and writes nothing', async () => {
		const before = await snapshot();
		const bad = [
			HEADER,
			'05569,"Số 1, ngõ 12, đường Lương Ngọc Quyến",Thôn Đồng Tâm,105.64,21.9,2,,,,',
			'05569,"Số 2, ngõ 12, đường Lương Ngọc Quyến",Thôn Đồng Tâm,105.64,21.9,nhiều,,,,',
			'05569,"Số 3, ngõ 12",Thôn Không Có,,,2,,,,',
			'05569,"so 1 ngo 12 duong luong ngoc quyen",Thôn Đồng Tâm,,,2,,,,',
			'05569,"Số 5, ngõ 12",Thôn Đồng Tâm,105.64,,2,,,,'
		].join('\n');
		const res = await upload(bad, true);
		expect(res.status).toBe(422);
		const body = (await res.json()) as { details: { errors: { line: number; field: string }[] } };
		expect(body.details.errors.map((e) => [e.line, e.field])).toEqual([
			[3, 'so_nguoi_lon'],
			[4, 'thon'],
			[5, 'dia_chi'],
			[6, 'vi_do']
		]);
		expect(await snapshot()).toEqual(before);
	});

	it('previews without writing, then commits every row; rows without a point go to the hamlet', async () => {
		const before = await snapshot();
		const preview = await upload(GOOD, false);
		expect(preview.status).toBe(200);
		const p = (await preview.json()) as {
			preview: { households: number; needsCheck: number; errors: unknown[] };
		};
		expect(p.preview).toMatchObject({ households: 8, needsCheck: 1, errors: [] });
		expect(await snapshot()).toEqual(before);
		const res = await upload(GOOD, true);
		expect(res.status).toBe(201);
		expect((await snapshot()).households).toBe(before.households + 8);
		const placed = await shard().select().from(households).where(eq(households.headName, 'Bà Hoa'));
		expect(placed[0]).toMatchObject({
			lon: HAMLET_POINT[0],
			lat: HAMLET_POINT[1],
			locationStatus: 'needs_check'
		});
	});

	it('refuses the same file twice: every row is a duplicate of the commune', async () => {
		const res = await upload(GOOD, true);
		expect(res.status).toBe(422);
		const body = (await res.json()) as { details: { errors: { message: string }[] } };
		expect(body.details.errors).toHaveLength(8);
	});

	it('refuses adding a household whose address the commune already has', async () => {
		const res = await call(t, '/api/households', {
			cookie: leader.cookie,
			body: { communeCode: '05569', address: 'so 2 ngo 12 duong luong ngoc quyen', adults: 2 }
		});
		expect(res.status).toBe(409);
		expect(((await res.json()) as { code: string }).code).toBe('duplicate_household');
	});

	it('moves a household on the map: the point is exact from then on', async () => {
		const { households: hs } = await list();
		const h = hs.find((x) => x.locationStatus === 'needs_check')!;
		const res = await call(t, `/api/households/${h.id}`, {
			method: 'PATCH',
			cookie: leader.cookie,
			body: { lon: 105.6405, lat: 21.9002 }
		});
		expect(res.status).toBe(200);
		const [row] = await shard().select().from(households).where(eq(households.id, h.id));
		expect(row).toMatchObject({ lon: 105.6405, lat: 21.9002, locationStatus: 'exact' });
	});
});

describe('plan → assign → my routes', () => {
	let routeIds: string[] = [];

	it('keeps personal fields out of the planning list', async () => {
		const res = await call(t, '/api/households?commune=05569', { cookie: leader.cookie });
		expect(await res.text()).not.toMatch(/headName|headPhone|Bà Hoa|0912345678/);
	});

	it('stores a team plan: outings by member, day and session, priced on the server as planned', async () => {
		const before = await list(leader);
		expect(before.summary).toEqual({ total: 8, onRoute: 0, doNotContact: 1, gaps: 7 });
		const plan = planTeam({
			households: before.households.flatMap(
				(h) => toTeamHousehold(h as unknown as PlannerHousehold) ?? []
			),
			hamlets: [{ id: hamletId, lon: HAMLET_POINT[0], lat: HAMLET_POINT[1] }],
			members: [{ id: memberId, sessionMinutes: 30, start: { kind: 'hamlet' } }],
			options: {
				days: ['2026-12-07', '2026-12-08', '2026-12-09'],
				sessions: ['morning', 'afternoon'],
				travelMode: 'motorbike',
				walkMPerMin: 67,
				minutesPerHouse: 8,
				spread: 'early'
			}
		});
		expect(plan.skipped).toHaveLength(1);
		expect(plan.outings.length).toBeGreaterThan(1);
		const named = plan.outings.map((o, i) => ({ ...o, name: `Chuyến ${i + 1}` }));
		const res = await call(t, '/api/routes', {
			cookie: leader.cookie,
			body: planBody(
				'05569',
				teamId,
				{ travelMode: 'motorbike', walkMPerMin: 67, minutesPerHouse: 8 },
				named
			)
		});
		expect(res.status, await res.clone().text()).toBe(201);
		routeIds = ((await res.json()) as { routes: { id: string }[] }).routes.map((r) => r.id);
		expect(routeIds).toHaveLength(plan.outings.length);
		const stops = await shard().select().from(routeStops);
		const selected = before.households.filter((h) => !h.doNotContact).map((h) => h.id);
		expect(checkCoverage(selected, stops)).toEqual({ missing: [], duplicated: [] });
		const after = await list(leader);
		expect(after.summary).toEqual({ total: 8, onRoute: 7, doNotContact: 1, gaps: 0 });
		for (const [i, id] of routeIds.entries()) {
			const o = plan.outings[i]!;
			const [row] = await shard().select().from(routes).where(eq(routes.id, id));
			expect(row).toMatchObject({
				assigneeMemberId: memberId,
				plannedOn: o.day,
				session: o.session,
				travelMode: 'motorbike',
				sessionMinutes: 30,
				startKind: 'hamlet',
				startLon: HAMLET_POINT[0],
				startLat: HAMLET_POINT[1],
				status: 'assigned'
			});
			// The server prices the stored walk with the planner's own cost model.
			expect(Math.abs(row!.estimatedMinutes! - o.minutes)).toBeLessThanOrEqual(1);
			expect(Math.abs(row!.travelMinutes! - o.travelMinutes)).toBeLessThanOrEqual(1);
			// The stored order is the planned walking order.
			const seq = stops.filter((s) => s.routeId === id).sort((a, b) => a.seq - b.seq);
			expect(seq.map((s) => s.householdId)).toEqual(o.householdIds);
		}
	});

	it('refuses to put a planned household on a second route, writing nothing', async () => {
		const before = await snapshot();
		const { households: hs } = await list();
		const taken = hs.find((h) => h.routeId)!;
		const res = await call(t, '/api/routes', {
			cookie: leader.cookie,
			body: { communeCode: '05569', teamId, routes: [{ name: 'Lặp', householdIds: [taken.id] }] }
		});
		expect(res.status).toBe(409);
		expect((await res.json()) as object).toMatchObject({
			code: 'already_planned',
			details: { ids: [taken.id] }
		});
		expect(await snapshot()).toEqual(before);
	});

	it('accepts the same household on a route the leader marks as a revisit', async () => {
		const { households: hs } = await list();
		const taken = hs.find((h) => h.routeId)!;
		const res = await call(t, '/api/routes', {
			cookie: leader.cookie,
			body: {
				communeCode: '05569',
				teamId,
				revisit: true,
				routes: [{ name: 'Quay lại', householdIds: [taken.id] }]
			}
		});
		expect(res.status).toBe(201);
		const rows = await shard()
			.select()
			.from(routeStops)
			.where(eq(routeStops.householdId, taken.id));
		expect(rows.map((r) => r.revisit).sort()).toEqual([false, true]);
	});

	it('stores the households an outing lists as revisits as revisit stops, the others as new', async () => {
		const { households: hs } = await list();
		const taken = hs.find((h) => h.routeId)!;
		const body = (revisitIds: string[]) => ({
			communeCode: '05569',
			teamId,
			routes: [{ name: 'Quay lại và mới', householdIds: [taken.id], revisitIds }]
		});
		const refused = await call(t, '/api/routes', { cookie: leader.cookie, body: body([]) });
		expect(refused.status).toBe(409);
		const res = await call(t, '/api/routes', { cookie: leader.cookie, body: body([taken.id]) });
		expect(res.status).toBe(201);
		const rows = await shard()
			.select()
			.from(routeStops)
			.where(eq(routeStops.householdId, taken.id));
		expect(rows.filter((r) => r.revisit)).toHaveLength(2);
	});

	it('refuses a do-not-contact household', async () => {
		const { households: hs } = await list();
		const dnc = hs.find((h) => h.doNotContact)!;
		const res = await call(t, '/api/routes', {
			cookie: leader.cookie,
			body: { communeCode: '05569', teamId, routes: [{ name: 'X', householdIds: [dnc.id] }] }
		});
		expect(res.status).toBe(422);
		expect(((await res.json()) as { code: string }).code).toBe('do_not_contact');
	});

	it('refuses assigning a route to a member of another commune, writing nothing', async () => {
		const [before] = await shard().select().from(routes).where(eq(routes.id, routeIds[0]!));
		const res = await call(t, `/api/routes/${routeIds[0]}`, {
			method: 'PATCH',
			cookie: leader.cookie,
			body: { assigneeMemberId: foreignMemberId, plannedOn: '2026-11-25' }
		});
		expect(res.status).toBe(422);
		expect(((await res.json()) as { code: string }).code).toBe('assignee_outside_commune');
		const [after] = await shard().select().from(routes).where(eq(routes.id, routeIds[0]!));
		expect(after).toEqual(before);
	});

	it('assigns a route to a member, who sees it in "my routes" with its ordered stops', async () => {
		const res = await call(t, `/api/routes/${routeIds[0]}`, {
			method: 'PATCH',
			cookie: leader.cookie,
			body: { assigneeMemberId: memberId, plannedOn: '2026-11-25' }
		});
		expect(res.status).toBe(200);
		const mine = (await (
			await call(t, '/api/routes/mine', { cookie: memberUser.cookie })
		).json()) as {
			routes: { id: string; status: string; plannedOn: string }[];
		};
		expect(mine.routes).toContainEqual(
			expect.objectContaining({ id: routeIds[0], status: 'assigned', plannedOn: '2026-11-25' })
		);
		const view = await call(t, `/api/routes/${routeIds[0]}`, { cookie: memberUser.cookie });
		expect(view.status).toBe(200);
		const body = (await view.json()) as {
			route: { distanceM: number };
			stops: { seq: number; status: string; headName: string | null }[];
		};
		expect(body.stops.map((s) => s.seq)).toEqual(body.stops.map((_, i) => i + 1));
		expect(body.route.distanceM).toBeGreaterThan(0);
		expect(body.stops.every((s) => s.status === 'never')).toBe(true);
	});

	it("hides the route from members it is not assigned to and from other teams' leaders", async () => {
		const unassign = await call(t, `/api/routes/${routeIds[1]}`, {
			method: 'PATCH',
			cookie: leader.cookie,
			body: { assigneeMemberId: null }
		});
		expect(unassign.status).toBe(200);
		const other = await makeUser(t.db, 'member', 'own', teamId);
		expect((await call(t, `/api/routes/${routeIds[0]}`, { cookie: other.cookie })).status).toBe(
			403
		);
		expect(
			(await call(t, `/api/routes/${routeIds[0]}`, { cookie: otherLeader.cookie })).status
		).toBe(403);
		expect(
			(await call(t, `/api/routes/${routeIds[1]}`, { cookie: memberUser.cookie })).status
		).toBe(403);
	});

	it('cancelling a route turns its households back into gaps', async () => {
		const before = await list();
		const res = await call(t, `/api/routes/${routeIds[1]}/cancel`, {
			method: 'POST',
			cookie: leader.cookie
		});
		expect(res.status).toBe(200);
		const freed = (
			await shard().select().from(routeStops).where(eq(routeStops.routeId, routeIds[1]!))
		).length;
		expect(freed).toBe(0);
		const after = await list();
		expect(after.summary.gaps).toBeGreaterThan(before.summary.gaps);
		expect(after.summary.gaps + after.summary.onRoute + after.summary.doNotContact).toBe(8);
	});
});

describe('drawn areas', () => {
	const square: LonLat[] = [
		[105.639, 21.899],
		[105.643, 21.899],
		[105.643, 21.902],
		[105.639, 21.902]
	];
	const post = (area: LonLat[], householdIds: string[]) =>
		call(t, '/api/routes', {
			cookie: leader.cookie,
			body: {
				communeCode: '05569',
				teamId,
				area,
				routes: householdIds.length ? [{ name: 'Vùng', householdIds }] : []
			}
		});

	it('refuses a self-intersecting polygon, writing nothing', async () => {
		const before = await snapshot();
		const bowTie = [square[0]!, square[2]!, square[1]!, square[3]!];
		const res = await post(bowTie, []);
		expect(res.status).toBe(422);
		expect(((await res.json()) as { code: string; message: string }).code).toBe(
			'area_self_intersecting'
		);
		expect(await snapshot()).toEqual(before);
	});

	it('refuses a polygon with no households, writing nothing', async () => {
		const before = await snapshot();
		const empty: LonLat[] = square.map(([x, y]) => [x + 1, y]);
		const res = await post(empty, []);
		expect(res.status).toBe(422);
		expect(((await res.json()) as { code: string }).code).toBe('area_empty');
		expect(await snapshot()).toEqual(before);
	});

	it('refuses households outside the drawn polygon', async () => {
		const { households: hs } = await list();
		const gap = hs.find((h) => !h.routeId && !h.doNotContact)!;
		const far: LonLat[] = [
			[105.6401, 21.9],
			[105.6402, 21.9],
			[105.6402, 21.9001]
		];
		const inside = hs.filter((h) => h.lon! >= 105.6401 && h.lon! <= 105.6402);
		const res = await post(far, [gap.id]);
		expect(res.status).toBe(422);
		expect(((await res.json()) as { code: string }).code).toBe(
			inside.length ? 'outside_area' : 'area_empty'
		);
	});
});
