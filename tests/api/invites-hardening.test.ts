import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { TestDb } from './support/db.ts';
import { useSeededDb } from './support/seeded-db.ts';
import {
	call,
	makeMember,
	makeTeam,
	makeUser,
	TEST_PASSWORD,
	type TestUser
} from './support/accounts-factory.ts';
import { users } from '../../src/lib/server/db/schema/index.ts';
import { LOGIN_TAKEN_LIMIT } from '../../src/lib/server/api/routes/invites-token.ts';

let t: TestDb;
let admin: TestUser;
let team: Awaited<ReturnType<typeof makeTeam>>;
useSeededDb(async (db) => {
	t = db;
	admin = await makeUser(t.db, 'commune_admin');
	team = await makeTeam(t.db, 'own');
});

async function invite(by: TestUser, body: object) {
	const res = await call(t, '/api/invites', { cookie: by.cookie, body });
	expect(res.status, await res.clone().text()).toBe(201);
	return (await res.json()) as { token: string };
}

const accept = (token: string, body: object) =>
	call(t, `/api/invites/token/${token}/accept`, { body });

let phones = 0;
const newPhone = () => `0912${String(100_000 + ++phones)}`;
const accountsWithPhone = async (phone: string) =>
	(await t.db.select().from(users).where(eq(users.phone, phone))).length;

describe('an invite for a member', () => {
	it('cannot be made for a member who already has an account', async () => {
		const m = await makeMember(t.db, team);
		const first = await invite(admin, { role: 'member', teamId: team.id, memberId: m.id });
		expect(
			(
				await accept(first.token, {
					displayName: 'Lan',
					phone: newPhone(),
					password: TEST_PASSWORD
				})
			).status
		).toBe(201);
		const again = await call(t, '/api/invites', {
			cookie: admin.cookie,
			body: { role: 'member', teamId: team.id, memberId: m.id }
		});
		expect(again.status).toBe(400);
		expect(await again.json()).toMatchObject({ details: { field: 'memberId' } });
	});

	it('made twice for one member, makes one account: the second link is spent', async () => {
		const m = await makeMember(t.db, team);
		const a = await invite(admin, { role: 'member', teamId: team.id, memberId: m.id });
		const b = await invite(admin, { role: 'member', teamId: team.id, memberId: m.id });
		expect(
			(await accept(a.token, { displayName: 'Lan', phone: newPhone(), password: TEST_PASSWORD }))
				.status
		).toBe(201);
		const phone = newPhone();
		const second = await accept(b.token, {
			displayName: 'Kẻ khác',
			phone,
			password: TEST_PASSWORD
		});
		expect(second.status).toBe(410);
		expect(await accountsWithPhone(phone)).toBe(0);
		expect(await t.db.select().from(users).where(eq(users.memberId, m.id))).toHaveLength(1);
	});
});

describe('an invite whose maker can no longer invite', () => {
	it('creates no account once the leader who made it is disabled', async () => {
		const leader = await makeUser(t.db, 'team_leader', 'own', team.id);
		const link = await invite(leader, { role: 'member', teamId: team.id });
		const off = await call(t, `/api/users/${leader.id}/disable`, {
			cookie: admin.cookie,
			body: { disabled: true }
		});
		expect(off.status).toBe(200);
		const phone = newPhone();
		const res = await accept(link.token, { displayName: 'Hà', phone, password: TEST_PASSWORD });
		expect(res.status).toBe(410);
		expect(await res.json()).toMatchObject({ code: 'invite_revoked' });
		expect(await accountsWithPhone(phone)).toBe(0);
	});
});

describe('accepting with a login that exists', () => {
	it(`answers "taken" at most ${LOGIN_TAKEN_LIMIT} times per link, then refuses to say`, async () => {
		const link = await invite(admin, { role: 'team_leader', communeCode: '05569' });
		const taken = [];
		for (let i = 0; i < LOGIN_TAKEN_LIMIT; i++) taken.push(await makeUser(t.db, 'member'));
		for (const u of taken) {
			const res = await accept(link.token, {
				displayName: 'Dò',
				phone: u.phone,
				password: TEST_PASSWORD
			});
			expect(res.status).toBe(409);
		}
		const probe = await makeUser(t.db, 'member');
		const res = await accept(link.token, {
			displayName: 'Dò',
			phone: probe.phone,
			password: TEST_PASSWORD
		});
		expect(res.status).toBe(429);
		expect(await res.json()).toMatchObject({ code: 'too_many_attempts' });
		// Nor does a free login tell anything apart while the link is held back.
		const free = await accept(link.token, {
			displayName: 'Dò',
			phone: newPhone(),
			password: TEST_PASSWORD
		});
		expect(free.status).toBe(429);
	});
});

describe('a password of spaces', () => {
	it.each([' '.repeat(8), `a${' '.repeat(9)}`, `\t${' '.repeat(12)}\n`])(
		'is refused when joining and when changing it (%j)',
		async (password) => {
			const link = await invite(admin, { role: 'team_leader', communeCode: '05569' });
			const phone = newPhone();
			const join = await accept(link.token, { displayName: 'Mai', phone, password });
			expect(join.status).toBe(400);
			expect(await join.json()).toMatchObject({ details: { field: 'password' } });
			expect(await accountsWithPhone(phone)).toBe(0);
			const u = await makeUser(t.db, 'member');
			const change = await call(t, '/api/auth/password', {
				cookie: u.cookie,
				body: { currentPassword: TEST_PASSWORD, newPassword: password }
			});
			expect(change.status).toBe(400);
			expect(await change.json()).toMatchObject({ details: { field: 'newPassword' } });
		}
	);

	it('still accepts a passphrase with spaces inside', async () => {
		const link = await invite(admin, { role: 'team_leader', communeCode: '05569' });
		const res = await accept(link.token, {
			displayName: 'Mai',
			phone: newPhone(),
			password: 'đi từng ngõ gõ từng nhà'
		});
		expect(res.status).toBe(201);
	});
});
