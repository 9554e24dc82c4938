/**
 * GET /api/progress and /api/progress.csv (issue 16 §6) against the real local D1: visits,
 * households visited and reached, people helped per service, per Vietnam week × team × member,
 * from visits written through the app's own write function; scoped (a leader their team, a
 * commune admin every team, members refused), audited, and read without a full table scan.
 */
import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { TestDb } from './support/db.ts';
import { useSeededDb } from './support/seeded-db.ts';
import {
	AREAS,
	call,
	makeMember,
	makeTeam,
	makeUser,
	shardOf,
	type TestUser
} from './support/accounts-factory.ts';
import {
	household,
	insertHouseholdsIn,
	insertServices,
	insertVisitsIn,
	visit,
	visitId
} from './support/records-factory.ts';
import { insertRoute } from './support/day-factory.ts';
import { auditLog } from '../../src/lib/server/db/schema/index.ts';
import type { Progress } from '../../src/lib/server/api/routes/progress.ts';
import {
	PROGRESS_SERVICES_SQL,
	PROGRESS_SQL,
	progressParams
} from '../../src/lib/server/db/queries/progress.ts';
import type { VisitInput } from '../../src/lib/server/db/schema/visits.input.ts';

let t: TestDb;
const u = {} as Record<'leaderA' | 'leaderB' | 'member' | 'admin' | 'otherAdmin', TestUser>;
const ids = { A: '', B: '', a1: '', a2: '', b1: '' };
const PERIOD = 'from=2026-11-02&to=2026-11-22'; // three weeks: Nov 2–8, 9–15, 16–22
const vn = (iso: string) => Date.parse(`${iso}+07:00`);

const get = (user: TestUser, query = PERIOD, path = '/api/progress') =>
	call(t, `${path}?commune=05569&${query}`, { cookie: user.cookie });
const progress = async (user: TestUser, query = PERIOD) => {
	const res = await get(user, query);
	expect(res.status, await res.clone().text()).toBe(200);
	return (await res.json()) as Progress;
};

/** Teams A and B, their members, six households and visits around the week boundaries. */
async function world() {
	const a = await makeTeam(t.db, 'own', 'Tổ A Đồng Tâm');
	const b = await makeTeam(t.db, 'own', 'Tổ B Khuôn Tát');
	Object.assign(ids, {
		A: a.id,
		B: b.id,
		a1: (await makeMember(t.db, a)).id,
		a2: (await makeMember(t.db, a)).id,
		b1: (await makeMember(t.db, b)).id
	});
	await insertServices(t.db);
	const hh = Array.from({ length: 6 }, (_, i) =>
		household(AREAS.own, { address: `Số ${i + 1}, ngõ 3, Thôn Đồng Tâm` })
	);
	await insertHouseholdsIn(t, hh);
	const h = hh.map((x) => x.id!);
	const routeA = await insertRoute(shardOf(t), {
		teamId: ids.A,
		assigneeMemberId: ids.a1,
		householdIds: [h[0]!, h[1]!, h[5]!]
	});
	const at = (iso: string, householdId: string, over: Partial<VisitInput> = {}): VisitInput => {
		const ms = vn(iso);
		return { ...visit(AREAS.own, householdId, 0), id: visitId(ms), visitedAt: ms, ...over };
	};
	const helped = (vneid: number, vssid: number) => ({
		peopleHelped: Math.max(vneid, vssid),
		services: [
			{ serviceCode: 'vneid', adultsUsing: vneid, helped: vneid },
			{ serviceCode: 'vssid', adultsUsing: vssid, helped: vssid }
		]
	});
	await insertVisitsIn(t, [
		// Week 1 (Nov 2–8), team A: four visits of three households, two of them met.
		at('2026-11-02T09:00:00', h[0]!, { memberId: ids.a1, routeId: routeA, ...helped(2, 1) }),
		at('2026-11-04T15:00:00', h[1]!, { memberId: ids.a1, routeId: routeA, outcome: 'not_home' }),
		at('2026-11-05T10:00:00', h[0]!, { memberId: ids.a2, ...helped(1, 0) }), // no route: a2's team
		at('2026-11-08T23:30:00', h[2]!, { memberId: ids.a1 }), // Sunday 23:30: still week 1
		// Week 2 (Nov 9–15)
		at('2026-11-09T00:30:00', h[2]!, { memberId: ids.a2 }),
		at('2026-11-11T09:00:00', h[5]!, { memberId: ids.b1, routeId: routeA }), // on A's route
		at('2026-11-10T09:00:00', h[3]!, { memberId: ids.b1, ...helped(0, 3) }),
		// No member, no route: no team can be given.
		at('2026-11-03T09:00:00', h[4]!, { memberId: null }),
		// Outside the period.
		at('2026-10-20T09:00:00', h[3]!, { memberId: ids.a1 }),
		at('2026-11-23T00:00:00', h[3]!, { memberId: ids.a1 })
	]);
}

useSeededDb(async (db) => {
	t = db;
	await world();
	u.leaderA = await makeUser(t.db, 'team_leader', 'own', ids.A);
	u.leaderB = await makeUser(t.db, 'team_leader', 'own', ids.B);
	u.member = await makeUser(t.db, 'member', 'own', ids.A);
	u.admin = await makeUser(t.db, 'commune_admin');
	u.otherAdmin = await makeUser(t.db, 'commune_admin', 'foreignCommune');
});

const figures = (f: { visits: number; households: number; reached: number }) => [
	f.visits,
	f.households,
	f.reached
];

describe("a team leader's progress", () => {
	it('counts visits, households visited and reached per week for their team only', async () => {
		const body = await progress(u.leaderA);
		expect(body.period).toEqual({ from: '2026-11-02', to: '2026-11-22' });
		expect(body.table.weeks.map((w) => [w.start, w.week])).toEqual([
			['2026-11-02', 45],
			['2026-11-09', 46],
			['2026-11-16', 47]
		]);
		expect(body.table.teams.map((tm) => tm.id)).toEqual([ids.A]);
		const [a] = body.table.teams;
		expect(a!.weeks.map(figures)).toEqual([
			[4, 3, 2],
			[2, 2, 2],
			[0, 0, 0]
		]);
		expect(figures(a!.total)).toEqual([6, 4, 3]);
		expect(body.teamChoices.map((tm) => tm.id)).toEqual([ids.A]);
	});

	it('gives each member their weeks, and a visit on the team’s route to the team', async () => {
		const [a] = (await progress(u.leaderA)).table.teams;
		const m = (id: string) => a!.members.find((x) => x.id === id)!;
		expect(m(ids.a1).weeks.map(figures)).toEqual([
			[3, 3, 2],
			[0, 0, 0],
			[0, 0, 0]
		]);
		expect(m(ids.a2).weeks.map(figures)).toEqual([
			[1, 1, 1],
			[1, 1, 1],
			[0, 0, 0]
		]);
		// b1 is in team B, but this visit was on team A's outing.
		expect(m(ids.b1).weeks.map((f) => f.visits)).toEqual([0, 1, 0]);
		expect(m(ids.a1).name).toMatch(/^Nguyễn Văn/);
	});

	it('counts people helped per service, summed up to the team and the week', async () => {
		const body = await progress(u.leaderA);
		const [a] = body.table.teams;
		expect(body.table.services).toEqual(expect.arrayContaining(['vneid', 'vssid']));
		expect(a!.members.find((x) => x.id === ids.a1)!.total.helped).toMatchObject({
			vneid: 2,
			vssid: 1
		});
		expect(a!.weeks[0]!.helped).toMatchObject({ vneid: 3, vssid: 1 });
		expect(a!.weeks[0]!.peopleHelped).toBe(3);
		expect(body.serviceNames.vneid).toEqual({ vi: 'VNeID', en: 'VNeID' });
	});

	it("is refused another team's figures (403) and sees nothing of it otherwise", async () => {
		expect((await get(u.leaderA, `${PERIOD}&team=${ids.B}`)).status).toBe(403);
		const b = await progress(u.leaderB);
		expect(b.table.teams.map((tm) => tm.id)).toEqual([ids.B]);
		expect(b.table.teams[0]!.members.map((m) => m.id)).toEqual([ids.b1]);
		expect(b.table.total.visits).toBe(1); // b1's visit on A's route is A's
	});

	it('writes one audit entry for the read', async () => {
		await progress(u.leaderA);
		await progress(u.leaderA);
		const entries = await t.db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.action, 'progress.read'), eq(auditLog.actorUserId, u.leaderA.id)));
		expect(entries).toHaveLength(1);
		expect(entries[0]).toMatchObject({ kind: 'read', communeCode: '05569' });
	});
});

describe("a commune admin's progress", () => {
	it('sees every team, the visits without a team, and totals over them', async () => {
		const body = await progress(u.admin);
		expect(body.table.teams.map((tm) => tm.id)).toEqual([ids.A, ids.B, '']);
		expect(body.table.weekTotals.map(figures)).toEqual([
			[5, 4, 3],
			[3, 3, 3],
			[0, 0, 0]
		]);
		expect(figures(body.table.total)).toEqual([8, 6, 5]);
		expect(body.teamChoices.map((tm) => tm.id).sort()).toEqual([ids.A, ids.B].sort());
	});

	it('narrows to one team', async () => {
		const body = await progress(u.admin, `${PERIOD}&team=${ids.B}`);
		expect(body.table.teams.map((tm) => tm.id)).toEqual([ids.B]);
		expect(body.table.total.visits).toBe(1);
	});

	it('shows the last 12 weeks by default', async () => {
		const body = await progress(u.admin, '');
		expect(body.table.weeks).toHaveLength(12);
		expect(body.table.weeks.at(-1)!.start <= body.today).toBe(true);
		expect(body.table.weeks.at(-1)!.end >= body.today).toBe(true);
	});
});

describe('refusals', () => {
	it.each([
		['a member', 'member', 403],
		['another commune’s admin', 'otherAdmin', 403]
	] as const)('refuses %s', async (_, who, status) => {
		expect((await get(u[who])).status).toBe(status);
	});

	it('refuses the public with 401', async () => {
		expect((await call(t, `/api/progress?commune=05569`)).status).toBe(401);
	});

	it.each([
		['from=2026-13-01', 'from'],
		['from=2026-11-20&to=2026-11-01', 'to'],
		['from=2025-01-01&to=2026-11-01', 'from'],
		['team=not%20an%20id', 'team']
	])('refuses %s, naming the field', async (query, field) => {
		const res = await get(u.admin, query);
		expect(res.status).toBe(400);
		expect(await res.json()).toMatchObject({ code: 'invalid_query', details: { field } });
	});

	it('answers 404 for a team not of the commune', async () => {
		const other = await makeTeam(t.db, 'foreignCommune');
		expect((await get(u.admin, `${PERIOD}&team=${other.id}`)).status).toBe(404);
	});
});

describe('GET /api/progress.csv', () => {
	it('downloads the table with a BOM, Vietnamese headers and a row per week and member', async () => {
		const res = await get(u.leaderA, PERIOD, '/api/progress.csv');
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
		expect(res.headers.get('content-disposition')).toContain(
			'tien-do-05569-2026-11-02-2026-11-22.csv'
		);
		expect(res.headers.get('cache-control')).toBe('private, no-store');
		const bytes = new Uint8Array(await res.arrayBuffer());
		expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const lines = new TextDecoder('utf-8', { ignoreBOM: true })
			.decode(bytes)
			.slice(1)
			.trim()
			.split('\r\n');
		expect(lines[0]).toMatch(
			/^Tuần,Từ ngày,Đến ngày,Tổ,Thành viên,Lượt thăm,Hộ đã thăm,Hộ đã gặp,Người được giúp,Giúp: VNeID,Giúp: VssID,/
		);
		// 3 weeks × (3 members + the team's row + the total row)
		expect(lines).toHaveLength(1 + 3 * 5);
		expect(lines).toContain(
			'Tuần 45/2026,2026-11-02,2026-11-08,Tổ A Đồng Tâm,Cả tổ,4,3,2,3,3,1,0,0,0,0,0'
		);
		expect(lines).toContain('Tuần 47/2026,2026-11-16,2026-11-22,Tất cả,,0,0,0,0,0,0,0,0,0,0,0');
		const entries = await t.db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.action, 'progress.export'), eq(auditLog.actorUserId, u.leaderA.id)));
		expect(entries.map((e) => e.kind)).toEqual(['export']);
	});

	it('is refused to a member', async () => {
		expect((await get(u.member, PERIOD, '/api/progress.csv')).status).toBe(403);
	});
});

describe('the shard query', () => {
	it('reads visits, routes and services through indexes, never a full scan', async () => {
		const shard = shardOf(t).$client;
		const params = progressParams({
			area: AREAS.own,
			memberTeams: { [ids.a1]: ids.A },
			startMs: vn('2026-11-02T00:00:00'),
			endMs: vn('2026-11-23T00:00:00'),
			teamIds: [ids.A]
		});
		for (const sql of [PROGRESS_SQL, PROGRESS_SERVICES_SQL]) {
			const plan = await shard
				.prepare(`EXPLAIN QUERY PLAN ${sql}`)
				.bind(...params)
				.all<{ detail: string }>();
			const lines = plan.results.map((r) => r.detail);
			const scans = lines.filter((l) => /^SCAN (v|r|s|visits|routes|visit_services)\b/.test(l));
			expect(
				scans.filter((l) => !/USING (COVERING )?INDEX/.test(l)),
				lines.join('\n')
			).toEqual([]);
			expect(
				lines.some((l) => /SEARCH v USING INDEX/.test(l)),
				lines.join('\n')
			).toBe(true);
		}
	});
});
