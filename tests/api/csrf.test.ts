import { describe, expect, it } from 'vitest';
import type { TestDb } from './support/db.ts';
import { useSeededDb } from './support/seeded-db.ts';
import { call, makeUser, type TestUser } from './support/accounts-factory.ts';

let t: TestDb;
let ca: TestUser;
useSeededDb(async (db) => {
	t = db;
	ca = await makeUser(t.db, 'commune_admin');
});

const body = { communeCode: '05569', name: 'Tổ thôn Bản Quyền' };

describe('CSRF protection of the JSON API', () => {
	it.each([
		[
			'a cross-site Sec-Fetch-Site',
			{ 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' }
		],
		[
			'a same-site (other subdomain) Sec-Fetch-Site',
			{ 'sec-fetch-site': 'same-site', origin: 'https://x.localhost' }
		],
		[
			'a foreign Origin without Sec-Fetch-Site (older browsers)',
			{ origin: 'https://evil.example' }
		],
		['the string "null" as Origin (sandboxed frame)', { origin: 'null' }]
	])('refuses a JSON POST with %s, before any write', async (_, headers) => {
		const res = await call(t, '/api/teams', { body, cookie: ca.cookie, headers });
		expect(res.status).toBe(403);
		expect(await res.json()).toMatchObject({ code: 'csrf' });
		const list = await call(t, '/api/teams?commune=05569', { cookie: ca.cookie });
		expect(((await list.json()) as { teams: unknown[] }).teams).toHaveLength(0);
	});

	it('refuses cross-site logins and logouts too (login CSRF)', async () => {
		const headers = { 'sec-fetch-site': 'cross-site' };
		expect(
			(await call(t, '/api/auth/login', { body: { login: ca.phone, password: 'x' }, headers }))
				.status
		).toBe(403);
		expect(
			(await call(t, '/api/auth/logout', { method: 'POST', cookie: ca.cookie, headers })).status
		).toBe(403);
	});

	it('accepts the same request from this origin', async () => {
		const headers = { 'sec-fetch-site': 'same-origin', origin: 'http://localhost' };
		const res = await call(t, '/api/teams', { body, cookie: ca.cookie, headers });
		expect(res.status).toBe(201);
	});

	it('lets cross-site GETs through (reads change nothing) but they stay scoped', async () => {
		const res = await call(t, '/api/teams?commune=05569', {
			headers: { 'sec-fetch-site': 'cross-site' }
		});
		expect(res.status).toBe(401);
	});
});
