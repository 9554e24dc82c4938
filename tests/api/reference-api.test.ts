/**
 * The public reference endpoints over the real data imported into a real local D1: lists, one
 * unit by code, validation (400) and unknown codes (404) as JSON `{code, message}` errors.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiApp } from '../../src/lib/server/api/app.ts';
import { importReference } from '../../scripts/lib/reference-files.ts';
import { openTestDb, type TestDb } from './support/db.ts';
import { realDataDir } from './support/reference-data.ts';

let t: TestDb;
const app = createApiApp();
const get = (path: string) => app.request(path, {}, t.env);

/** The communes of the source CSV, to compare the API with the file rather than a constant. */
const csvCommunes = Papa.parse<Record<string, string>>(
	readFileSync(join(realDataDir, 'vn2025_communes.csv'), 'utf8'),
	{ header: true, skipEmptyLines: true }
).data;

beforeAll(async () => {
	t = await openTestDb();
	await importReference(t.db, realDataDir);
});
afterAll(() => t.close());

async function expectJsonError(res: Response, status: number, code: string) {
	expect(res.status).toBe(status);
	expect(res.headers.get('content-type')).toContain('application/json');
	const body = (await res.json()) as { code: string; message: string };
	expect(body.code).toBe(code);
	expect(body.message.length).toBeGreaterThan(5);
	return body;
}

describe('GET /api/provinces', () => {
	it('lists the 34 provinces in code order with Vietnamese and English names', async () => {
		const res = await get('/api/provinces');
		expect(res.status).toBe(200);
		expect(res.headers.get('cache-control')).toMatch(/public, max-age=\d+/);
		const { provinces } = (await res.json()) as {
			provinces: Array<{ code: string; fullName: string; fullNameEn: string }>;
		};
		expect(provinces).toHaveLength(34);
		const codes = provinces.map((p) => p.code);
		expect(codes).toEqual([...codes].sort());
		expect(provinces.find((p) => p.code === '19')).toMatchObject({
			fullName: 'Tỉnh Thái Nguyên'
		});
	});

	it('answers one province, 404 for an unknown code and 400 for a malformed one', async () => {
		expect((await get('/api/provinces/20')).status).toBe(200);
		await expectJsonError(await get('/api/provinces/99'), 404, 'province_not_found');
		const bad = await expectJsonError(await get('/api/provinces/x1'), 400, 'invalid_param');
		expect(bad.message).toContain('code');
	});
});

describe('GET /api/communes?province=19', () => {
	it('lists exactly the communes of Thái Nguyên in the source file', async () => {
		const res = await get('/api/communes?province=19');
		expect(res.status).toBe(200);
		const body = (await res.json()) as { province: string; communes: Array<{ code: string }> };
		const expected = csvCommunes.filter((r) => r['provinceCode'] === '19').map((r) => r['code']);
		expect(expected.length).toBeGreaterThan(50);
		expect(body.communes.map((c) => c.code).sort()).toEqual(expected.sort());
	});

	it('refuses a missing or malformed province (400) and an unknown one (404)', async () => {
		await expectJsonError(await get('/api/communes'), 400, 'invalid_query');
		await expectJsonError(await get('/api/communes?province=1'), 400, 'invalid_query');
		await expectJsonError(await get('/api/communes?province=99'), 404, 'province_not_found');
	});
});

describe('GET /api/communes/:code', () => {
	it('answers Định Hóa (05569) with its province and names', async () => {
		const res = await get('/api/communes/05569');
		expect(res.status).toBe(200);
		const { commune } = (await res.json()) as { commune: Record<string, unknown> };
		const row = csvCommunes.find((r) => r['code'] === '05569');
		expect(commune).toMatchObject({
			code: '05569',
			fullName: row?.['fullName'],
			provinceCode: '19'
		});
	});

	it('gives 404 for an unknown code and 400 for a malformed one', async () => {
		await expectJsonError(await get('/api/communes/99999'), 404, 'commune_not_found');
		await expectJsonError(await get('/api/communes/5569'), 400, 'invalid_param');
		await expectJsonError(await get('/api/communes/abcde'), 400, 'invalid_param');
	});
});
