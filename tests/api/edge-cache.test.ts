/**
 * Issue 13, defect 14: the public API's edge cache ignores query parameters a route does not
 * read, and private responses name `Cookie` in Vary once. The Cache API is the runtime's; here a
 * small in-memory CacheStorage stands in for it (the worker's `caches`), the database is real.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { openTestDb, type TestDb } from './support/db.ts';
import { call, makeTeam, makeUser, seedAreas } from './support/accounts-factory.ts';
import { provinces } from '../../src/lib/server/db/schema/index.ts';
import { canonicalUrl, hasStrayParams } from '../../src/lib/server/api/middleware/public-cache.ts';

const entries = new Map<string, Response>();
const fakeCaches = {
	async open() {
		return {
			match: async (key: string) => entries.get(key)?.clone(),
			put: async (key: string, res: Response) => void entries.set(key, res.clone())
		};
	}
};

let t: TestDb;
let admin: Awaited<ReturnType<typeof makeUser>>;
beforeAll(async () => {
	(globalThis as { caches?: unknown }).caches = fakeCaches;
	t = await openTestDb();
	await seedAreas(t.db);
	admin = await makeUser(t.db, 'commune_admin');
	await makeTeam(t.db);
});
afterAll(async () => {
	delete (globalThis as { caches?: unknown }).caches;
	await t.close();
});

const rename = (name: string) =>
	t.db.update(provinces).set({ name }).where(eq(provinces.code, '19'));
const names = async (r: Response) =>
	((await r.json()) as { provinces: { name: string }[] }).provinces.map((p) => p.name);

describe('the public API edge cache', () => {
	it('serves a URL with random parameters from the entry of its canonical URL', async () => {
		await rename('Thái Nguyên');
		const first = await call(t, '/api/provinces');
		expect(await names(first)).toContain('Thái Nguyên');
		await rename('Đổi tên');
		for (const junk of ['?x=1', '?cb=8231&y=2', '?_=1733140000']) {
			const res = await call(t, `/api/provinces${junk}`);
			expect(res.status).toBe(200);
			expect(await names(res), junk).toContain('Thái Nguyên');
		}
		const ids = new Set(
			[first, await call(t, '/api/provinces?w=9')].map((r) => r.headers.get('x-request-id'))
		);
		expect(ids.size).toBe(2);
		const keys = [...entries.keys()].filter((k) => k.includes('provinces'));
		expect(keys).toHaveLength(1);
	});

	it('keeps parameters the route reads in the key, in any order', async () => {
		const a = await call(t, '/api/search?q=thai&limit=5');
		const b = await call(t, '/api/search?limit=5&junk=1&q=thai');
		const c = await call(t, '/api/search?q=phu&limit=5');
		expect(await b.json()).toEqual(await a.json());
		expect(((await c.json()) as { query: string }).query).toBe('phu');
	});

	it('marks a response to a URL with stray parameters private, so no shared cache keeps it', async () => {
		const own = await call(t, '/api/communes?province=19');
		expect(own.headers.get('cache-control')).toMatch(/^public/);
		const junk = await call(t, '/api/communes?province=19&r=42');
		expect(junk.headers.get('cache-control')).toMatch(/^private/);
		const twice = await call(t, '/api/communes?province=19&province=01');
		expect(twice.headers.get('cache-control')).toMatch(/^private/);
	});

	it('asks the worker itself when the request says no-cache', async () => {
		await rename('Tên mới');
		const res = await call(t, '/api/provinces?z=3', { headers: { 'cache-control': 'no-cache' } });
		expect(await names(res)).toContain('Tên mới');
	});

	it('answers 304 from the cache when the client holds the ETag', async () => {
		const first = await call(t, '/api/metrics');
		const etag = first.headers.get('etag')!;
		expect(etag).toBeTruthy();
		const again = await call(t, '/api/metrics?nocache=123', { headers: { 'if-none-match': etag } });
		expect(again.status).toBe(304);
	});

	it('never stores a private response', async () => {
		const before = entries.size;
		const res = await call(t, '/api/teams?commune=05569', { cookie: admin.cookie });
		expect(res.status).toBe(200);
		expect(entries.size).toBe(before);
	});
});

describe('canonical cache keys', () => {
	it.each([
		['http://h/api/search?q=a&limit=5', ['q', 'limit'], 'http://h/api/search?limit=5&q=a'],
		['http://h/api/search?z=1&q=a', ['q', 'limit'], 'http://h/api/search?q=a'],
		['http://h/api/provinces?x=1', [], 'http://h/api/provinces'],
		[
			'http://h/api/metrics/communes?metric=teams&metric=x',
			['metric'],
			'http://h/api/metrics/communes?metric=teams'
		]
	])('%s → %s', (url, params, key) => {
		expect(canonicalUrl(url, params)).toBe(key);
	});

	it.each([
		['http://h/api/search?q=a&limit=5', false],
		['http://h/api/search?limit=5&q=a', false],
		['http://h/api/search?q=a&x=1', true],
		['http://h/api/search?q=a&q=b', true]
	])('%s has stray parameters: %s', (url, stray) => {
		expect(hasStrayParams(url, ['q', 'limit'])).toBe(stray);
	});
});

describe('Vary on private responses', () => {
	it.each([
		'/api/teams?commune=05569',
		'/api/teams/export?commune=05569',
		'/api/hamlets?commune=05569',
		'/api/households?commune=05569'
	])('names Cookie once on %s', async (path) => {
		const res = await call(t, path, { cookie: admin.cookie });
		expect(res.status).toBeLessThan(500);
		expect(res.headers.get('vary')).toBe('Cookie');
	});
});
