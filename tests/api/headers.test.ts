import { describe, expect, it } from 'vitest';
import type { TestDb } from './support/db.ts';
import { useSeededDb } from './support/seeded-db.ts';
import { call, makeUser } from './support/accounts-factory.ts';

let t: TestDb;
useSeededDb(async (db) => {
	t = db;
});

const EXPECTED = {
	'strict-transport-security': /max-age=\d{8,}; includeSubDomains/,
	'x-content-type-options': /^nosniff$/,
	'referrer-policy': /^strict-origin-when-cross-origin$/,
	'x-frame-options': /^DENY$/,
	'content-security-policy': /default-src 'none'; frame-ancestors 'none'/
};

describe('security headers on API responses', () => {
	it.each([
		['a public 200', '/api/provinces', 200],
		['a 404', '/api/nope', 404],
		['a validation 400', '/api/communes/abc', 400],
		['a 401', '/api/teams?commune=05569', 401]
	])('are on %s', async (_, path, status) => {
		const res = await call(t, path);
		expect(res.status).toBe(status);
		for (const [name, value] of Object.entries(EXPECTED))
			expect(res.headers.get(name), name).toMatch(value);
		expect(res.headers.get('content-security-policy')).not.toContain('unsafe-eval');
	});

	it('are on a logged-in, private response, which no cache may keep', async () => {
		const u = await makeUser(t.db, 'commune_admin');
		const res = await call(t, '/api/teams?commune=05569', { cookie: u.cookie });
		expect(res.status).toBe(200);
		for (const [name, value] of Object.entries(EXPECTED))
			expect(res.headers.get(name), name).toMatch(value);
		expect(res.headers.get('cache-control')).toBe('private, no-store');
	});
});
