import { describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import type { TestDb } from './support/db.ts';
import { useSeededDb } from './support/seeded-db.ts';
import { call, makeUser, TEST_PASSWORD } from './support/accounts-factory.ts';
import { loginThrottle, sessions, users } from '../../src/lib/server/db/schema/index.ts';
import { sha256Hex, fromBase64Url } from '../../src/lib/server/auth/crypto.ts';
import { SESSION_IDLE_MS } from '../../src/lib/server/auth/session.ts';
import {
	ACCOUNT_FAILURE_LIMIT,
	IP_FAILURE_LIMIT,
	PLACE_FAILURE_LIMIT
} from '../../src/lib/server/auth/throttle.ts';

let t: TestDb;
useSeededDb(async (db) => {
	t = db;
});

/** A login through Cloudflare's edge from `ip`, with this device's cookie when given. */
function login(loginName: string, password: string, ip = '203.0.113.1', device = '') {
	return call(t, '/api/auth/login', {
		body: { login: loginName, password },
		headers: { 'cf-connecting-ip': ip, ...(device ? { cookie: device } : {}) },
		viaCloudflare: true
	});
}

/** The device cookie a successful login set ("name=value"). */
function deviceOf(res: Response): string {
	const m = /__Host-tn_device=[^;]*/.exec(res.headers.get('set-cookie') ?? '');
	return m?.[0] ?? '';
}

function tokenOf(res: Response): string {
	const m = /__Host-tn_session=([^;]*)/.exec(res.headers.get('set-cookie') ?? '');
	return m?.[1] ?? '';
}

async function me(token: string) {
	const res = await call(t, '/api/auth/me', { cookie: `__Host-tn_session=${token}` });
	return ((await res.json()) as { user: { id: string } | null }).user;
}

describe('login and session cookie', () => {
	it('sets a __Host- HttpOnly Secure SameSite=Lax cookie holding a 256-bit token', async () => {
		const u = await makeUser(t.db, 'commune_admin');
		const res = await login(u.phone, TEST_PASSWORD);
		expect(res.status).toBe(200);
		const [session, device] = res.headers.getSetCookie();
		expect(session).toMatch(
			/^__Host-tn_session=[A-Za-z0-9_-]+; Path=\/; Max-Age=\d+; HttpOnly; Secure; SameSite=Lax$/
		);
		// The device cookie that lets this device past throttling caused by others' failures.
		expect(device).toMatch(
			/^__Host-tn_device=[A-Za-z0-9_-]{40,}; Path=\/; Max-Age=\d+; HttpOnly; Secure; SameSite=Lax$/
		);
		expect(fromBase64Url(tokenOf(res)).length * 8).toBeGreaterThanOrEqual(256);
		expect(res.headers.get('cache-control')).toBe('private, no-store');
	});

	it('stores only the SHA-256 of the token, never the token or the password', async () => {
		const u = await makeUser(t.db, 'member');
		const token = tokenOf(await login(u.phone, TEST_PASSWORD));
		const rows = await t.db.select().from(sessions).where(eq(sessions.userId, u.id));
		expect(rows.map((r) => r.id)).toContain(await sha256Hex(token));
		const dump = JSON.stringify(await t.db.select().from(sessions));
		expect(dump).not.toContain(token);
		const [row] = await t.db.select().from(users).where(eq(users.id, u.id));
		expect(row?.passwordHash).toMatch(/^pbkdf2-sha256\$100000\$/);
		expect(row?.passwordHash).not.toContain(TEST_PASSWORD);
	});

	it('gives distinct tokens on every login (no reuse, no pattern)', async () => {
		const u = await makeUser(t.db, 'member');
		const tokens = new Set<string>();
		for (let i = 0; i < 4; i++)
			tokens.add(tokenOf(await login(u.phone, TEST_PASSWORD, `198.51.100.${i}`)));
		expect(tokens.size).toBe(4);
	});

	it('accepts the phone in other spellings (+84, spaces) and refuses wrong passwords alike for unknown logins', async () => {
		const u = await makeUser(t.db, 'member');
		const spaced = `+84 ${u.phone.slice(1, 4)} ${u.phone.slice(4)}`;
		expect((await login(spaced, TEST_PASSWORD)).status).toBe(200);
		const wrong = await login(u.phone, 'sai-mat-khau');
		const unknown = await login('0999999999', 'sai-mat-khau');
		expect(wrong.status).toBe(401);
		expect(unknown.status).toBe(401);
		const [a, b] = [(await wrong.json()) as object, (await unknown.json()) as object];
		expect({ ...a, requestId: '' }).toEqual({ ...b, requestId: '' });
	});
});

describe('session lifetime', () => {
	it('ends after the idle timeout', async () => {
		const u = await makeUser(t.db, 'member');
		expect(await me(u.token)).toMatchObject({ id: u.id });
		await t.db
			.update(sessions)
			.set({ lastSeenAt: Date.now() - SESSION_IDLE_MS - 1000 })
			.where(eq(sessions.userId, u.id));
		expect(await me(u.token)).toBeNull();
		expect(await t.db.select().from(sessions).where(eq(sessions.userId, u.id))).toHaveLength(0);
	});

	it('ends at the absolute timeout even when active', async () => {
		const u = await makeUser(t.db, 'member');
		await t.db
			.update(sessions)
			.set({ expiresAt: Date.now() - 1 })
			.where(eq(sessions.userId, u.id));
		expect(await me(u.token)).toBeNull();
	});

	it('ends at logout, and the cookie is cleared', async () => {
		const u = await makeUser(t.db, 'member');
		const res = await call(t, '/api/auth/logout', { method: 'POST', cookie: u.cookie });
		expect(res.headers.get('set-cookie')).toContain('Max-Age=0');
		expect(await me(u.token)).toBeNull();
	});

	it('is revoked by an admin of the scope, effective on the next request', async () => {
		const ca = await makeUser(t.db, 'commune_admin');
		const leader = await makeUser(t.db, 'team_leader');
		expect(await me(leader.token)).not.toBeNull();
		const res = await call(t, `/api/users/${leader.id}/revoke-sessions`, {
			method: 'POST',
			cookie: ca.cookie
		});
		expect(res.status).toBe(200);
		const next = await call(t, '/api/teams?commune=05569', { cookie: leader.cookie });
		expect(next.status).toBe(401);
	});

	it('ends when the account is disabled, and the account can no longer log in', async () => {
		const admin = await makeUser(t.db, 'admin');
		const u = await makeUser(t.db, 'commune_admin');
		const res = await call(t, `/api/users/${u.id}/disable`, {
			body: { disabled: true },
			cookie: admin.cookie
		});
		expect(res.status).toBe(200);
		expect(await me(u.token)).toBeNull();
		expect((await login(u.phone, TEST_PASSWORD, '192.0.2.77')).status).toBe(401);
	});
});

describe('password change', () => {
	it('revokes the other sessions, keeps this one, and swaps the password', async () => {
		const u = await makeUser(t.db, 'team_leader');
		const other = tokenOf(await login(u.phone, TEST_PASSWORD, '192.0.2.1'));
		const res = await call(t, '/api/auth/password', {
			cookie: u.cookie,
			body: { currentPassword: TEST_PASSWORD, newPassword: 'mat-khau-moi-2026' }
		});
		expect(res.status).toBe(200);
		expect(await me(u.token)).toMatchObject({ id: u.id });
		expect(await me(other)).toBeNull();
		expect((await login(u.phone, TEST_PASSWORD, '192.0.2.2')).status).toBe(401);
		expect((await login(u.phone, 'mat-khau-moi-2026', '192.0.2.2')).status).toBe(200);
	});

	it('refuses a wrong current password and a too-short new one', async () => {
		const u = await makeUser(t.db, 'member');
		const wrong = await call(t, '/api/auth/password', {
			cookie: u.cookie,
			body: { currentPassword: 'khong-dung', newPassword: 'mat-khau-moi-2026' }
		});
		expect(wrong.status).toBe(400);
		expect(await wrong.json()).toMatchObject({ code: 'wrong_password' });
		const short = await call(t, '/api/auth/password', {
			cookie: u.cookie,
			body: { currentPassword: TEST_PASSWORD, newPassword: 'ngan' }
		});
		expect(short.status).toBe(400);
		expect(await short.json()).toMatchObject({ details: { field: 'newPassword' } });
	});
});

describe('login throttling', () => {
	const later = () =>
		// Fifteen minutes later: every lock's end moved into the past.
		t.db.update(loginThrottle).set({ lockedUntil: Date.now() - 1, windowStart: 0 });

	it(`locks one login from one address after ${PLACE_FAILURE_LIMIT} failures, not from elsewhere`, async () => {
		const u = await makeUser(t.db, 'member');
		for (let i = 0; i < PLACE_FAILURE_LIMIT; i++)
			expect((await login(u.phone, 'sai', '10.0.0.1')).status).toBe(401);
		const locked = await login(u.phone, TEST_PASSWORD, '10.0.0.1');
		expect(locked.status).toBe(429);
		expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
		expect((await login(u.phone, TEST_PASSWORD, '10.0.0.2')).status).toBe(200);
		await later();
		expect((await login(u.phone, TEST_PASSWORD, '10.0.0.1')).status).toBe(200);
	});

	it(`locks an account after ${ACCOUNT_FAILURE_LIMIT} failures from anywhere, except on the owner's own phone`, async () => {
		const u = await makeUser(t.db, 'member');
		const phone = deviceOf(await login(u.phone, TEST_PASSWORD, '100.64.0.1'));
		expect(phone).not.toBe('');
		for (let i = 0; i < ACCOUNT_FAILURE_LIMIT; i++)
			expect((await login(u.phone, 'sai', `10.1.0.${i}`)).status).toBe(401);
		expect((await login(u.phone, TEST_PASSWORD, '10.1.1.1')).status).toBe(429);
		// The owner, on the phone that logged in before, from a new address: not locked out.
		const owner = await login(u.phone, TEST_PASSWORD, '100.64.9.9', phone);
		expect(owner.status).toBe(200);
		expect(deviceOf(owner)).toBe('');
		// A device cookie of another account does not count as known for this one.
		const v = await makeUser(t.db, 'member');
		expect(
			(
				await login(
					u.phone,
					TEST_PASSWORD,
					'10.1.1.2',
					deviceOf(await login(v.phone, TEST_PASSWORD))
				)
			).status
		).toBe(429);
	});

	it("locks the owner's device only after its own failures", async () => {
		const u = await makeUser(t.db, 'member');
		const phone = deviceOf(await login(u.phone, TEST_PASSWORD));
		for (let i = 0; i < PLACE_FAILURE_LIMIT; i++)
			expect((await login(u.phone, 'sai', `10.2.0.${i}`, phone)).status).toBe(401);
		expect((await login(u.phone, TEST_PASSWORD, '10.2.1.1', phone)).status).toBe(429);
		expect((await login(u.phone, TEST_PASSWORD, '10.2.1.1')).status).toBe(200);
	});

	it(`locks an IP after ${IP_FAILURE_LIMIT} failures across accounts, not other IPs`, async () => {
		const ip = '198.18.0.9';
		for (let i = 0; i < IP_FAILURE_LIMIT; i++) {
			await login(`09${String(70_000_000 + i)}`, 'sai', ip);
		}
		const u = await makeUser(t.db, 'member');
		expect((await login(u.phone, TEST_PASSWORD, ip)).status).toBe(429);
		expect((await login(u.phone, TEST_PASSWORD, '198.18.0.10')).status).toBe(200);
		const [n] = await t.db.select({ n: sql<number>`count(*)` }).from(loginThrottle);
		expect(n?.n).toBeGreaterThan(0);
		const keys = await t.db.select({ key: loginThrottle.key }).from(loginThrottle);
		expect(JSON.stringify(keys)).not.toContain(ip);
	});

	it('does not believe a CF-Connecting-IP header that did not come through Cloudflare', async () => {
		const u = await makeUser(t.db, 'member');
		const spoofed = (ip: string, password: string) =>
			call(t, '/api/auth/login', {
				body: { login: u.phone, password },
				headers: { 'cf-connecting-ip': ip }
			});
		// A new "address" per guess does not give a new allowance: they are one unknown place.
		for (let i = 0; i < PLACE_FAILURE_LIMIT; i++)
			expect((await spoofed(`172.16.0.${i}`, 'sai')).status).toBe(401);
		expect((await spoofed('172.16.9.9', TEST_PASSWORD)).status).toBe(429);
		const ipKey = `ip:${await sha256Hex('172.16.0.1')}`;
		expect(await t.db.select().from(loginThrottle).where(eq(loginThrottle.key, ipKey))).toEqual([]);
	});
});
