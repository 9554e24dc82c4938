import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from './support/db.ts';
import { insertArea } from './support/records-factory.ts';
import { createApiApp } from '../../src/lib/server/api/app.ts';

let t: TestDb;
beforeAll(async () => {
	t = await openTestDb();
	await insertArea(t.db, [
		{ code: '05569', provinceCode: '19', name: 'Định Hoá' },
		{ code: '14677', provinceCode: '37', name: 'Định Hoá' },
		{ code: '00004', provinceCode: '01', name: 'Ba Đình' }
	]);
});
afterAll(() => t.close());

describe('GET /api/search', () => {
	it('finds namesakes ignoring diacritics and names each one with its own province', async () => {
		const res = await createApiApp().request('/api/search?q=dinh%20hoa', {}, t.env);
		expect(res.status).toBe(200);
		const body = (await res.json()) as {
			results: { code: string; name: string; provinceName: string }[];
		};
		expect(body.results.map((r) => [r.code, r.name, r.provinceName])).toEqual([
			['05569', 'Định Hoá', 'Tỉnh 19'],
			['14677', 'Định Hoá', 'Tỉnh 37']
		]);
	});
});
