/**
 * GET /api/overview (a leader's day) against the real local D1: the week's outings per member
 * (today to today + 6, cancelled ones out), progress over the team's area, each member's sync
 * and unsent visits; scoped (a leader sees their own team, a commune admin every team and the
 * commune's total) and audited.
 */
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { TestDb } from './support/db.ts';
import { useSeededDb } from './support/seeded-db.ts';
import {
	AREAS,
	call,
	makeHamlet,
	makeMember,
	makeTeam,
	makeUser,
	type TestUser,
	shardOf
} from './support/accounts-factory.ts';
import { household, insertHouseholdsIn } from './support/records-factory.ts';
import { DAY_MS, insertDevice, insertRoute, insertVisit } from './support/day-factory.ts';
import { auditLog, members, teams, users } from '../../src/lib/server/db/schema/index.ts';
import { vnToday } from '../../src/lib/server/api/middleware/household-scope.ts';
import { addDays } from '../../src/lib/domain/vn-time.ts';
import type { Overview } from '../../src/lib/server/api/routes/overview.ts';

let t: TestDb;
let leader: TestUser;
let communeAdmin: TestUser;
/** Ids of the world below, filled in before the tests (useSeededDb). */
const ids = { teamA: '', teamB: '', a1: '', a2: '', a3: '', b1: '', r1: '', r2: '', rB: '' };
const today = vnToday();

const get = (user: TestUser | null, commune = '05569') =>
	call(t, `/api/overview?commune=${commune}`, { cookie: user?.cookie });
const overview = async (user: TestUser) => {
	const res = await get(user);
	expect(res.status, await res.clone().text()).toBe(200);
	return (await res.json()) as Overview;
};

/** Team A (hamlet Đồng Tâm) with three members, team B commune-wide; 8 households. */
async function world() {
	const h1 = await makeHamlet(t.db, 'own', 'Thôn Đồng Tâm');
	const h2 = await makeHamlet(t.db, 'own', 'Thôn Khuôn Tát');
	const a = await makeTeam(t.db, 'own', 'Tổ A Đồng Tâm');
	await t.db.update(teams).set({ hamletId: h1.id }).where(eq(teams.id, a.id));
	const b = await makeTeam(t.db, 'own', 'Tổ B toàn xã');
	ids.teamA = a.id;
	ids.teamB = b.id;
	ids.a1 = (await makeMember(t.db, a)).id;
	ids.a2 = (await makeMember(t.db, a)).id;
	ids.a3 = (await makeMember(t.db, a)).id;
	await t.db.update(members).set({ active: false }).where(eq(members.id, ids.a3));
	ids.b1 = (await makeMember(t.db, b)).id;
	const hs = [
		...Array.from({ length: 6 }, (_, i) =>
			household(AREAS.own, {
				address: `Số ${i + 1}, ngõ 3, Thôn Đồng Tâm`,
				hamletId: h1.id,
				headName: 'Hoàng Văn Bí Mật',
				doNotContact: i === 5
			})
		),
		...[1, 2].map((n) =>
			household(AREAS.own, { address: `Số ${n}, Thôn Khuôn Tát`, hamletId: h2.id })
		)
	];
	await insertHouseholdsIn(t, hs);
	return hs.map((h) => h.id!);
}

/** Outings in and out of the week, visits, and the members' phones. */
async function outingsAndSync(hh: string[]) {
	ids.r1 = await insertRoute(shardOf(t), {
		teamId: ids.teamA,
		assigneeMemberId: ids.a1,
		plannedOn: today,
		session: 'morning',
		name: 'Ngõ 3 buổi sáng',
		estimatedMinutes: 130,
		householdIds: hh.slice(0, 3)
	});
	ids.r2 = await insertRoute(shardOf(t), {
		teamId: ids.teamA,
		plannedOn: addDays(today, 6),
		householdIds: [hh[3]!]
	});
	const out = [addDays(today, 7), addDays(today, -1)];
	for (const day of out)
		await insertRoute(shardOf(t), { teamId: ids.teamA, assigneeMemberId: ids.a2, plannedOn: day });
	await insertRoute(shardOf(t), {
		teamId: ids.teamA,
		assigneeMemberId: ids.a2,
		plannedOn: today,
		status: 'cancelled'
	});
	ids.rB = await insertRoute(shardOf(t), {
		teamId: ids.teamB,
		assigneeMemberId: ids.b1,
		plannedOn: today
	});
	await insertVisit(shardOf(t), { householdId: hh[0]!, routeId: ids.r1, ago: 10 * DAY_MS });
	await insertVisit(shardOf(t), {
		householdId: hh[1]!,
		routeId: ids.r1,
		ago: 3 * DAY_MS,
		outcome: 'not_home'
	});
	await insertVisit(shardOf(t), { householdId: hh[2]!, ago: 400 * DAY_MS });
	await insertVisit(shardOf(t), { householdId: hh[6]!, ago: 5 * DAY_MS });
	const phone = async (memberId: string) => {
		const u = await makeUser(t.db, 'member', 'own', ids.teamA);
		await t.db.update(users).set({ memberId }).where(eq(users.id, u.id));
		return u.id;
	};
	const u1 = await phone(ids.a1);
	await insertDevice(shardOf(t), {
		userId: u1,
		memberId: ids.a1,
		lastSeenAgo: 2 * DAY_MS,
		pending: 3,
		oldestPendingAgo: 2 * DAY_MS + 3_600_000
	});
	const u2 = await phone(ids.a2);
	await insertDevice(shardOf(t), { userId: u2, memberId: ids.a2, lastSeenAgo: 3_600_000 });
	await insertDevice(shardOf(t), {
		userId: u2,
		memberId: ids.a2,
		lastSeenAgo: 9 * DAY_MS,
		pending: 5,
		oldestPendingAgo: 9 * DAY_MS,
		replacedBy: 'new-phone'
	});
}

useSeededDb(async (db) => {
	t = db;
	const hh = await world();
	await outingsAndSync(hh);
	leader = await makeUser(t.db, 'team_leader', 'own', ids.teamA);
	communeAdmin = await makeUser(t.db, 'commune_admin');
});

describe("a team leader's day", () => {
	it("shows only the leader's team, its week's outings per member and the unassigned ones", async () => {
		const body = await overview(leader);
		expect(body.today).toBe(today);
		expect(body.week).toEqual({ from: today, to: addDays(today, 6) });
		expect(body.teams.map((tm) => tm.id)).toEqual([ids.teamA]);
		const [team] = body.teams;
		// Members going out first; the inactive one has no outing and is left out.
		expect(team!.members.map((m) => m.id)).toEqual([ids.a1, ids.a2]);
		const a1 = team!.members.find((m) => m.id === ids.a1)!;
		expect(a1.outings).toEqual([
			{
				id: ids.r1,
				teamId: ids.teamA,
				assigneeMemberId: ids.a1,
				name: 'Ngõ 3 buổi sáng',
				plannedOn: today,
				session: 'morning',
				status: 'assigned',
				estimatedMinutes: 130,
				stops: 3,
				visited: 2
			}
		]);
		expect(team!.members.find((m) => m.id === ids.a2)!.outings).toEqual([]);
		expect(team!.unassigned.map((o) => o.id)).toEqual([ids.r2]);
		expect(body.communeProgress).toBeNull();
	});

	it("counts progress over the team's hamlet", async () => {
		const [team] = (await overview(leader)).teams;
		expect(team!.progress).toEqual({
			households: 6,
			visited: 3,
			reached: 1,
			revisitsDue: 1,
			gaps: 1
		});
	});

	it('reports each member’s last sync and unsent visits, flagging those older than a day', async () => {
		const [team] = (await overview(leader)).teams;
		const sync = (id: string) => team!.members.find((m) => m.id === id)!.sync;
		expect(sync(ids.a1)).toMatchObject({ pending: 3, late: true });
		expect(Date.now() - sync(ids.a1)!.oldestPendingAt!).toBeGreaterThan(2 * DAY_MS);
		// The replaced phone's 5 visits were lost, not pending: they do not count.
		expect(sync(ids.a2)).toMatchObject({ pending: 0, oldestPendingAt: null, late: false });
		expect(Date.now() - sync(ids.a2)!.lastSeenAt).toBeLessThan(2 * 3_600_000);
	});

	it('carries no household names, and writes an audit entry for the read', async () => {
		const res = await get(leader);
		expect(await res.text()).not.toContain('Hoàng Văn Bí Mật');
		const entries = await t.db.select().from(auditLog).where(eq(auditLog.action, 'overview.read'));
		expect(entries.some((e) => e.actorUserId === leader.id && e.kind === 'read')).toBe(true);
	});
});

describe("a commune admin's day", () => {
	it('shows every active team, a commune-wide team over the whole commune, and the total', async () => {
		const body = await overview(communeAdmin);
		expect(body.teams.map((tm) => tm.id)).toEqual([ids.teamA, ids.teamB]);
		const b = body.teams[1]!;
		expect(b.progress.households).toBe(8);
		expect(b.members.map((m) => m.id)).toEqual([ids.b1]);
		expect(b.members[0]!.outings.map((o) => o.id)).toEqual([ids.rB]);
		expect(b.members[0]!.sync).toBeNull();
		expect(body.communeProgress).toEqual({
			households: 8,
			visited: 4,
			reached: 2,
			revisitsDue: 1,
			gaps: 3
		});
	});
});

describe('who may read it', () => {
	it('refuses the public (401), members, another commune and a leader without a team (403)', async () => {
		expect((await get(null)).status).toBe(401);
		const member = await makeUser(t.db, 'member', 'own', ids.teamA);
		expect((await get(member)).status).toBe(403);
		expect((await get(leader, '05923')).status).toBe(403);
		const teamless = await makeUser(t.db, 'team_leader', 'own', null);
		expect((await get(teamless)).status).toBe(403);
		expect((await get(communeAdmin, '1234')).status).toBe(400);
	});
});
