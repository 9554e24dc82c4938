import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { TestDb } from './support/db.ts';
import { useSeededDb } from './support/seeded-db.ts';
import {
	call,
	makeHamlet,
	makeMember,
	makeTeam,
	makeUser,
	type TestUser
} from './support/accounts-factory.ts';
import { auditLog, members, teams, users } from '../../src/lib/server/db/schema/index.ts';

let t: TestDb;
let admin: TestUser;
let leader: TestUser;
let team: Awaited<ReturnType<typeof makeTeam>>;
let other: Awaited<ReturnType<typeof makeTeam>>;
let home: Awaited<ReturnType<typeof makeHamlet>>;
let away: Awaited<ReturnType<typeof makeHamlet>>;

useSeededDb(async (db) => {
	t = db;
	home = await makeHamlet(t.db, 'own', 'Thôn Đồng Tâm');
	away = await makeHamlet(t.db, 'own', 'Thôn Bản Cọ');
	team = await makeTeam(t.db, 'own', 'Tổ thôn Đồng Tâm');
	other = await makeTeam(t.db, 'own', 'Tổ thôn Bản Cọ');
	await t.db.update(teams).set({ hamletId: home.id }).where(eq(teams.id, team.id));
	admin = await makeUser(t.db, 'commune_admin');
	leader = await makeUser(t.db, 'team_leader', 'own', team.id);
});

const hamletOf = async (id: string) =>
	(await t.db.select().from(teams).where(eq(teams.id, id)))[0]!.hamletId;

const scopeAudits = (action: string, entityId: string) =>
	t.db
		.select()
		.from(auditLog)
		.where(and(eq(auditLog.action, action), eq(auditLog.entityId, entityId)));

describe("a team's hamlet is its leader's reach", () => {
	it('is not widened or moved by the leader it limits', async () => {
		for (const hamletId of [null, away.id]) {
			const res = await call(t, `/api/teams/${team.id}`, {
				method: 'PATCH',
				cookie: leader.cookie,
				body: { hamletId }
			});
			expect(res.status).toBe(403);
			expect(await res.json()).toMatchObject({ code: 'forbidden' });
			expect(await hamletOf(team.id)).toBe(home.id);
		}
	});

	it('still lets the leader rename their team, or send the hamlet it already has', async () => {
		const res = await call(t, `/api/teams/${team.id}`, {
			method: 'PATCH',
			cookie: leader.cookie,
			body: { name: 'Tổ CNCĐ thôn Đồng Tâm', hamletId: home.id }
		});
		expect(res.status).toBe(200);
		expect(await hamletOf(team.id)).toBe(home.id);
		expect(await scopeAudits('team.scope_change', team.id)).toHaveLength(0);
	});

	it('is changed by the commune admin, and audited as a scope change', async () => {
		const res = await call(t, `/api/teams/${team.id}`, {
			method: 'PATCH',
			cookie: admin.cookie,
			body: { hamletId: away.id }
		});
		expect(res.status).toBe(200);
		expect(await hamletOf(team.id)).toBe(away.id);
		const [entry] = await scopeAudits('team.scope_change', team.id);
		expect(entry?.actorUserId).toBe(admin.id);
		expect(JSON.parse(entry!.detail!)).toEqual({ hamletFrom: home.id, hamletTo: away.id });
	});
});

describe("a member's team is their account's reach", () => {
	it('is not changed by the leader of their team', async () => {
		const m = await makeMember(t.db, team);
		const res = await call(t, `/api/members/${m.id}`, {
			method: 'PATCH',
			cookie: leader.cookie,
			body: { teamId: other.id }
		});
		expect(res.status).toBe(403);
		const [row] = await t.db.select().from(members).where(eq(members.id, m.id));
		expect(row!.teamId).toBe(team.id);
	});

	it("is changed by the commune admin; the member's account follows, audited", async () => {
		const m = await makeMember(t.db, team);
		const account = await makeUser(t.db, 'member', 'own', team.id);
		await t.db.update(users).set({ memberId: m.id }).where(eq(users.id, account.id));
		const res = await call(t, `/api/members/${m.id}`, {
			method: 'PATCH',
			cookie: admin.cookie,
			body: { teamId: other.id }
		});
		expect(res.status).toBe(200);
		const me = await call(t, '/api/auth/me', { cookie: account.cookie });
		expect(await me.json()).toMatchObject({ user: { teamId: other.id } });
		const [entry] = await scopeAudits('member.scope_change', m.id);
		expect(JSON.parse(entry!.detail!)).toEqual({ teamFrom: team.id, teamTo: other.id });
	});
});
