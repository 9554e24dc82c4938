import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { TestDb } from './support/db.ts';
import { useSeededDb } from './support/seeded-db.ts';
import { call, makeUser, type TestUser } from './support/accounts-factory.ts';
import { invites, users } from '../../src/lib/server/db/schema/index.ts';

let t: TestDb;
let ca: TestUser;
useSeededDb(async (db) => {
	t = db;
	ca = await makeUser(t.db, 'commune_admin');
});

async function invite(by: TestUser, body: object) {
	const res = await call(t, '/api/invites', { cookie: by.cookie, body });
	expect(res.status, await res.clone().text()).toBe(201);
	return (await res.json()) as { token: string; path: string; invite: { id: string } };
}

function accept(token: string, body: object) {
	return call(t, `/api/invites/token/${token}/accept`, { body });
}

function cookieOf(res: Response) {
	return (res.headers.get('set-cookie') ?? '').split(';')[0]!;
}

const member = {
	unionAffiliation: 'doan_thanh_nien',
	onetouchStatus: 'da_hoan_thanh',
	onetouchDate: '20/10/2025',
	teamRole: 'thanh_vien'
};

describe('joining by invitation, then building a team', () => {
	let leaderCookie = '';
	let teamId = '';

	it('shows what an invite offers without personal data, and makes one account from it', async () => {
		const inv = await invite(ca, {
			role: 'team_leader',
			communeCode: '05569',
			note: 'Tổ trưởng thôn Đồng Tâm'
		});
		expect(inv.path).toBe(`/tham-gia/${inv.token}`);
		const preview = await call(t, `/api/invites/token/${inv.token}`);
		expect(await preview.json()).toEqual({
			invite: expect.objectContaining({
				role: 'team_leader',
				communeName: 'Xã Định Hoá',
				provinceName: 'Thái Nguyên',
				teamName: null,
				note: 'Tổ trưởng thôn Đồng Tâm'
			})
		});
		const joined = await accept(inv.token, {
			displayName: 'Hoàng Thị Lan',
			phone: '0977 111 222',
			password: 'tham-gia-2026'
		});
		expect(joined.status).toBe(201);
		expect(await joined.json()).toMatchObject({
			user: { role: 'team_leader', communeCode: '05569', teamId: null, phone: '0977111222' }
		});
		leaderCookie = cookieOf(joined);
		const again = await accept(inv.token, {
			displayName: 'Kẻ khác',
			phone: '0977111333',
			password: 'tham-gia-2026'
		});
		expect(again.status).toBe(410);
		expect(await t.db.select().from(users).where(eq(users.phone, '0977111333'))).toHaveLength(0);
	});

	it('lets the new leader create a team, which becomes their scope', async () => {
		const res = await call(t, '/api/teams', {
			cookie: leaderCookie,
			body: { communeCode: '05569', name: 'Tổ CNCĐ thôn Đồng Tâm', foundedOn: '01/03/2023' }
		});
		expect(res.status).toBe(201);
		teamId = ((await res.json()) as { team: { id: string } }).team.id;
		const me = await (await call(t, '/api/auth/me', { cookie: leaderCookie })).json();
		expect(me).toMatchObject({ user: { teamId } });
		const second = await call(t, '/api/teams', {
			cookie: leaderCookie,
			body: { communeCode: '05569', name: 'Tổ thứ hai' }
		});
		expect(second.status).toBe(403);
	});

	it('lets the leader add members, refusing a phone already in the commune', async () => {
		const add = (fullName: string, phone: string) =>
			call(t, `/api/teams/${teamId}/members`, {
				cookie: leaderCookie,
				body: { ...member, fullName, phone }
			});
		expect((await add('Nông Văn Minh', '0912000111')).status).toBe(201);
		expect((await add('Lục Thị Hoa', '0912000222')).status).toBe(201);
		const dup = await add('Người trùng', '+84 912 000 111');
		expect(dup.status).toBe(409);
		expect(await dup.json()).toMatchObject({
			code: 'duplicate_phone',
			details: { field: 'phone' }
		});
		const list = (await (
			await call(t, '/api/teams?commune=05569', { cookie: ca.cookie })
		).json()) as { teams: { id: string; memberCount: number; foundedOn: string }[] };
		expect(list.teams.find((x) => x.id === teamId)).toMatchObject({
			memberCount: 2,
			foundedOn: '2023-03-01'
		});
	});

	it('lets the leader invite a member into their team only', async () => {
		const own = await invite({ cookie: leaderCookie } as TestUser, { role: 'member', teamId });
		const joined = await accept(own.token, {
			displayName: 'Nông Văn Minh',
			email: 'Minh@Example.vn',
			password: 'thanh-vien-2026'
		});
		expect(await joined.json()).toMatchObject({
			user: { role: 'member', teamId, email: 'minh@example.vn' }
		});
		const other = await call(t, '/api/invites', {
			cookie: leaderCookie,
			body: { role: 'team_leader', communeCode: '05569' }
		});
		expect(other.status).toBe(403);
	});

	it('deactivates a team and a member (the records stay, marked inactive)', async () => {
		const res = await call(t, `/api/teams/${teamId}`, {
			method: 'PATCH',
			cookie: ca.cookie,
			body: { active: false }
		});
		expect(res.status).toBe(200);
		const team = await (await call(t, `/api/teams/${teamId}`, { cookie: ca.cookie })).json();
		expect(team).toMatchObject({ team: { active: false } });
		const members = (await (
			await call(t, `/api/teams/${teamId}/members`, { cookie: ca.cookie })
		).json()) as { members: { id: string }[] };
		const off = await call(t, `/api/members/${members.members[0]!.id}`, {
			method: 'PATCH',
			cookie: ca.cookie,
			body: { active: false }
		});
		expect(await off.json()).toMatchObject({ member: { active: false } });
	});
});

describe('invite links that cannot be used', () => {
	it('refuses expired and revoked links, and logins already taken', async () => {
		const expired = await invite(ca, { role: 'team_leader', communeCode: '05569' });
		await t.db
			.update(invites)
			.set({ expiresAt: Date.now() - 1 })
			.where(eq(invites.id, expired.invite.id));
		expect(await (await call(t, `/api/invites/token/${expired.token}`)).json()).toMatchObject({
			code: 'invite_expired'
		});
		const revoked = await invite(ca, { role: 'team_leader', communeCode: '05569' });
		expect(
			(await call(t, `/api/invites/${revoked.invite.id}`, { method: 'DELETE', cookie: ca.cookie }))
				.status
		).toBe(200);
		expect(
			(
				await accept(revoked.token, {
					displayName: 'X',
					phone: '0977999000',
					password: 'mat-khau-dai'
				})
			).status
		).toBe(404);
		const ok = await invite(ca, { role: 'team_leader', communeCode: '05569' });
		const taken = await accept(ok.token, {
			displayName: 'X',
			phone: ca.phone,
			password: 'mat-khau-dai'
		});
		expect(await taken.json()).toMatchObject({ code: 'login_taken', details: { field: 'phone' } });
		expect((await call(t, '/api/invites/token/not-a-real-token-at-all-123')).status).toBe(404);
	});

	it('refuses an invite whose scope does not fit the role', async () => {
		const res = await call(t, '/api/invites', {
			cookie: ca.cookie,
			body: { role: 'member', communeCode: '05569' }
		});
		expect(res.status).toBe(400);
		expect(await res.json()).toMatchObject({ details: { field: 'role' } });
	});
});
