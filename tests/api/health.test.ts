import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiApp } from '../../src/lib/server/api/app.ts';
import { openTestDb, type TestDb } from './support/db.ts';

let t: TestDb;
beforeAll(async () => {
	t = await openTestDb();
});
afterAll(() => t.close());

describe('GET /api/health', () => {
	it('answers ok with counts from the real local D1', async () => {
		const res = await createApiApp().request('/api/health', {}, t.env);
		expect(res.status).toBe(200);
		const body = await res.json();
		expect(body).toMatchObject({ status: 'ok', db: 'ok', provinces: 0, communes: 0 });
		expect(res.headers.get('cache-control')).toBe('no-store');
	});

	it('answers unknown API paths with a JSON 404', async () => {
		const res = await createApiApp().request('/api/nope', {}, t.env);
		expect(res.status).toBe(404);
		expect(await res.json()).toMatchObject({ code: 'not_found' });
	});
});
