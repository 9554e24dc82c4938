/**
 * Issue 15, part 5: the public metrics API is served by version. Payloads are built from D1 once
 * per key and version; versioned URLs are immutable, the unversioned ones short-lived with
 * stale-while-revalidate; 304s need no payload; a burst of cache-busting query strings, random
 * If-None-Match values or concurrent misses does not reach D1 again. D1 statements are counted
 * on the binding the app is given (a proxy around the real local D1), outside the app's code. The
 * Cache API is the runtime's; a small in-memory CacheStorage stands in for it, as in
 * edge-cache.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openTestDb, type TestDb } from './support/db.ts';
import { makeTeam, seedAreas } from './support/accounts-factory.ts';
import { computeMetrics } from '../../src/lib/server/metrics/job.ts';
import { createApiApp } from '../../src/lib/server/api/app.ts';
import { VERSION_FRESH_MS } from '../../src/lib/server/public-read/version.ts';
import {
	METRICS_CACHE,
	VERSIONED_CACHE
} from '../../src/lib/server/api/middleware/metrics-cache.ts';
import { metricsKey } from '../../src/lib/server/public-read/store.ts';

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
let statements = 0;
let counted: D1Database;
const app = createApiApp();
const get = (path: string, headers: Record<string, string> = {}) =>
	app.request(`http://localhost${path}`, { headers }, { DB: counted });
/** D1 statements prepared while `run` ran. */
async function d1StatementsOf(run: () => unknown): Promise<number> {
	const before = statements;
	await run();
	return statements - before;
}
const COMMUNES = '/api/metrics/communes?metric=teams';
let now = Date.UTC(2026, 10, 2, 3);
/** The metrics job runs again: a new version of the figures. */
async function publish(): Promise<void> {
	now += 60_000;
	await computeMetrics(t.db, { now: new Date(now), shards: t.shards });
}
/** Past the window in which a version read is reused (only Date is faked; time moves on). */
const afterVersionWindow = () => vi.setSystemTime(Date.now() + VERSION_FRESH_MS + 1);

beforeAll(async () => {
	vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
	(globalThis as { caches?: unknown }).caches = fakeCaches;
	t = await openTestDb();
	// Counts calls of prepare(): every statement drizzle runs, alone or in a batch, is prepared.
	counted = new Proxy(t.d1, {
		get(target, prop) {
			const value: unknown = Reflect.get(target, prop, target);
			if (typeof value !== 'function') return value;
			const bound = (value as (...a: unknown[]) => unknown).bind(target);
			if (prop !== 'prepare') return bound;
			return (...a: unknown[]) => {
				statements++;
				return bound(...a);
			};
		}
	});
	await seedAreas(t.db);
	await makeTeam(t.db);
	await publish();
});
afterAll(async () => {
	vi.useRealTimers();
	delete (globalThis as { caches?: unknown }).caches;
	await t.close();
});

describe('versioned public metrics', () => {
	it('serves the versioned URL immutable and the plain one short-lived with stale-while-revalidate', async () => {
		const catalogue = await get('/api/metrics');
		const { computedAt } = (await catalogue.json()) as { computedAt: number };
		expect(computedAt).toBe(now);
		const plain = await get(COMMUNES);
		expect(plain.headers.get('cache-control')).toBe(METRICS_CACHE);
		expect(METRICS_CACHE).toMatch(/^public, max-age=\d+, stale-while-revalidate=\d+$/);
		const versioned = await get(`${COMMUNES}&v=${computedAt}`);
		expect(versioned.headers.get('cache-control')).toBe(VERSIONED_CACHE);
		expect(VERSIONED_CACHE).toMatch(/immutable/);
		expect(versioned.headers.get('etag')).toBe(plain.headers.get('etag'));
		expect(versioned.headers.get('etag')).toContain(String(computedAt));
		expect(await versioned.json()).toEqual(await plain.json());
	});

	it('answers a URL naming another version with the current figures, for that client only', async () => {
		for (const v of ['1', 'abc', String(now + 1)]) {
			const res = await get(`${COMMUNES}&v=${v}`);
			expect(res.status, v).toBe(200);
			expect(res.headers.get('cache-control'), v).toMatch(/^private/);
		}
	});

	it('keys each stored payload by path, metric and version, and by nothing else', () => {
		const a = metricsKey('http://h/api/metrics/communes?x=1&metric=teams&v=9', 42);
		const b = metricsKey('http://h/api/metrics/communes?metric=teams', 42);
		const c = metricsKey('http://h/api/metrics/communes?metric=teams', 43);
		expect(a).toEqual(b);
		expect(c.key).not.toBe(b.key);
		expect(c.etag).not.toBe(b.etag);
	});

	it('answers 304 to a held ETag without reading D1', async () => {
		const etag = (await get('/api/metrics/areas/19')).headers.get('etag')!;
		let res: Response | undefined;
		const reads = await d1StatementsOf(async () => {
			res = await get('/api/metrics/areas/19?junk=1', { 'If-None-Match': etag });
		});
		expect(res!.status).toBe(304);
		expect(res!.headers.get('etag')).toBe(etag);
		expect(reads).toBe(0);
	});
});

describe('a burst of cache-busting requests', () => {
	it('reaches D1 no more than one request of the same key and version does', async () => {
		await publish();
		afterVersionWindow();
		// One cold request of the new version: its version read and its build.
		const one = await d1StatementsOf(() => get('/api/metrics/communes?metric=members_per_1000'));
		expect(one).toBeGreaterThan(1);

		await publish();
		afterVersionWindow();
		const burst = Array.from({ length: 200 }, (_, i) =>
			get(`/api/metrics/communes?metric=members_per_1000&cb=${i}-${Math.random()}`, {
				'If-None-Match': `W/"${Math.random()}"`
			})
		);
		let answers: Response[] = [];
		const reads = await d1StatementsOf(async () => (answers = await Promise.all(burst)));
		expect(answers.every((r) => r.status === 200)).toBe(true);
		expect(new Set(answers.map((r) => r.headers.get('etag'))).size).toBe(1);
		expect(answers.every((r) => r.headers.get('cache-control')?.startsWith('private'))).toBe(true);
		expect(reads).toBe(one);
	});

	it('once a payload is stored, reads nothing from D1 for any query string or ETag', async () => {
		await get(COMMUNES);
		const reads = await d1StatementsOf(() =>
			Promise.all(
				Array.from({ length: 100 }, (_, i) =>
					get(`${COMMUNES}&_=${i}&metric=x${i}`, { 'If-None-Match': `"${i}"` })
				)
			)
		);
		expect(reads).toBe(0);
	});

	it('keeps the version read for its window, then serves the new figures', async () => {
		const before = (await get(COMMUNES)).headers.get('etag')!;
		await publish();
		const held = await get(COMMUNES, { 'If-None-Match': before });
		expect(held.status).toBe(304);
		afterVersionWindow();
		const after = await get(COMMUNES, { 'If-None-Match': before });
		expect(after.status).toBe(200);
		expect(after.headers.get('etag')).not.toBe(before);
	});

	it('on Cache-Control: no-cache re-reads the version only, not a payload already stored', async () => {
		await get(COMMUNES);
		for (let i = 0; i < 5; i++) {
			const reads = await d1StatementsOf(() => get(COMMUNES, { 'Cache-Control': 'no-cache' }));
			expect(reads).toBe(1); // the version's point read
		}
	});

	it('stores a 404 by version too: an unknown commune asked many times is looked up once', async () => {
		const burst = () =>
			Promise.all(Array.from({ length: 30 }, () => get('/api/metrics/areas/99999?r=1')));
		let answers: Response[] = [];
		const first = await d1StatementsOf(async () => (answers = await burst()));
		expect(answers.every((r) => r.status === 404)).toBe(true);
		const ids = await Promise.all(
			answers.map(async (r) => (await r.json()) as { requestId: string })
		);
		expect(new Set(ids.map((b) => b.requestId)).size).toBe(30);
		expect(first).toBeLessThanOrEqual(2);
		expect(await d1StatementsOf(burst)).toBe(0);
	});
});
