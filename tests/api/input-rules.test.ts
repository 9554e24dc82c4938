/**
 * One rule per contract at every entrance (issue 13): a point is whole or absent (defect 6),
 * free text is stored clean (defect 9) and a CSV file with a quoting mistake is refused, its
 * preview and its commit agreeing (defect 5). Against the real local D1.
 */
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { TestDb } from './support/db.ts';
import { useSeededDb } from './support/seeded-db.ts';
import {
	AREAS,
	call,
	makeHamlet,
	makeUser,
	shardOf,
	type TestUser
} from './support/accounts-factory.ts';
import { countRows } from './support/day-factory.ts';
import { hamlets, households } from '../../src/lib/server/db/schema/index.ts';

let t: TestDb;
let ca: TestUser;
useSeededDb(async (db) => {
	t = db;
	ca = await makeUser(t.db, 'commune_admin');
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are asserted field by field
const json = (r: Response) => r.json() as Promise<any>;
const send = (path: string, body: unknown, method = 'POST') =>
	call(t, path, { method, body, cookie: ca.cookie });
const upload = (kind: 'households' | 'hamlets', csv: string, commit: boolean) =>
	call(t, `/api/${kind}/import?commune=05569&commit=${commit ? 1 : 0}`, {
		method: 'POST',
		body: new TextEncoder().encode(csv),
		cookie: ca.cookie,
		headers: { 'content-type': 'text/csv' }
	});
let n = 0;
const hamletBody = (over: object = {}) => ({
	communeCode: '05569',
	name: `Thôn Điểm ${++n}`,
	kind: 'thon',
	...over
});

describe('a point is both coordinates or none', () => {
	it.each([
		['a longitude alone', { lon: 105.6 }, 'lat'],
		['a latitude alone', { lat: 21.9, lon: null }, 'lon'],
		['a longitude west of Vietnam', { lon: 100.9, lat: 21.9 }, 'lon']
	])('refuses a new hamlet with %s (400 naming the field)', async (_, point, field) => {
		const res = await send('/api/hamlets', hamletBody(point));
		expect(res.status).toBe(400);
		expect((await json(res)).details.field).toBe(field);
	});

	it('refuses a hamlet patch that would leave half a point, checking the merged row', async () => {
		const created = await json(await send('/api/hamlets', hamletBody({ lon: 105.6, lat: 21.9 })));
		const path = `/api/hamlets/${created.hamlet.id}`;
		const cut = await send(path, { lat: null }, 'PATCH');
		expect(cut.status).toBe(400);
		expect((await json(cut)).details.field).toBe('lat');
		expect((await send(path, { lon: 105.7 }, 'PATCH')).status).toBe(200);
		expect((await send(path, { lon: null, lat: null }, 'PATCH')).status).toBe(200);
		const bare = await json(await send('/api/hamlets', hamletBody()));
		const half = await send(`/api/hamlets/${bare.hamlet.id}`, { lon: 105.7 }, 'PATCH');
		expect(half.status).toBe(400);
		const row = await t.db.select().from(hamlets).where(eq(hamlets.id, bare.hamlet.id)).get();
		expect(row).toMatchObject({ lon: null, lat: null });
	});

	it('refuses a household patch moving one coordinate', async () => {
		const res = await send('/api/households', {
			communeCode: '05569',
			address: 'Số 3, ngõ 9',
			adults: 2,
			lon: 105.6,
			lat: 21.9
		});
		expect(res.status).toBe(201);
		const id = (await json(res)).household.id;
		expect((await send(`/api/households/${id}`, { lon: 105.7 }, 'PATCH')).status).toBe(400);
	});

	it('places households in a hamlet stored with half a point (old data) at no point, never a 500', async () => {
		const legacy = await makeHamlet(t.db, 'own', 'Thôn Nửa Điểm');
		await t.db.update(hamlets).set({ lon: 105.6 }).where(eq(hamlets.id, legacy.id));
		const res = await send('/api/households', {
			communeCode: '05569',
			hamletId: legacy.id,
			address: 'Số 1, ngõ 1, Thôn Nửa Điểm',
			adults: 2
		});
		expect(res.status, await res.clone().text()).toBe(201);
		expect((await json(res)).household).toMatchObject({
			lon: null,
			lat: null,
			locationStatus: 'needs_check'
		});
		const csv = 'ma_xa,dia_chi,thon,so_nguoi_lon\n05569,Số 2 ngõ 1,Thôn Nửa Điểm,3';
		const imported = await upload('households', csv, true);
		expect(imported.status, await imported.clone().text()).toBe(201);
	});

	it('refuses a hamlet file row with half a point, by line', async () => {
		const csv = 'ma_xa,ten,loai,kinh_do,vi_do\n05569,Thôn Một Nửa,thôn,105.6,';
		const body = await json(await upload('hamlets', csv, false));
		expect(body.preview.errors).toEqual([
			{ line: 2, field: 'vi_do', message: expect.stringContaining('cả kinh độ và vĩ độ') }
		]);
		expect((await upload('hamlets', csv, true)).status).toBe(422);
	});
});

describe('free text is stored clean', () => {
	it('strips zero-width, control and bidi characters from a household and its head', async () => {
		const res = await send('/api/households', {
			communeCode: '05569',
			address: '\u202eSố 45,\u200b ngõ 12\u0000, phố Chợ',
			headName: 'Ngu\u200byễn\u00a0 Văn\u2066 An',
			adults: 2
		});
		expect(res.status, await res.clone().text()).toBe(201);
		const id = (await json(res)).household.id;
		const row = await shardOf(t).select().from(households).where(eq(households.id, id)).get();
		expect(row).toMatchObject({ address: 'Số 45, ngõ 12, phố Chợ', headName: 'Nguyễn Văn An' });
	});

	it('sees a household hidden behind invisible characters as a duplicate', async () => {
		const first = await send('/api/households', {
			communeCode: '05569',
			address: 'Số 17, ngõ 5, phố Chợ',
			adults: 2
		});
		expect(first.status).toBe(201);
		for (const address of ['Số 1\u200b7, ngõ 5, phố Chợ', 'Số 17\u0000, ngõ 5,\u202e phố Chợ']) {
			const again = await send('/api/households', { communeCode: '05569', address, adults: 2 });
			expect(again.status).toBe(409);
			expect((await json(again)).code).toBe('duplicate_household');
		}
	});

	it('refuses a name made only of invisible characters, and cleans hamlet names', async () => {
		const empty = await send('/api/hamlets', hamletBody({ name: '\u200b\u202e\u0000' }));
		expect(empty.status).toBe(400);
		const res = await send('/api/hamlets', hamletBody({ name: 'Thôn\u200b Bản\u202e Chang' }));
		expect((await json(res)).hamlet.name).toBe('Thôn Bản Chang');
		const dup = await send('/api/hamlets', hamletBody({ name: 'Thôn Bản\u2060 Chang' }));
		expect(dup.status).toBe(409);
	});
});

describe('CSV quoting', () => {
	const HEADER = 'ma_xa,dia_chi,so_nguoi_lon,chu_ho,dien_thoai';
	const good1 = '05569,Số 1 ngõ 30,2,Nguyễn Văn An,0912345678';
	const broken = '05569,"Số 2 ngõ 30,3,Trần Thị Bình,0912345679';
	const good3 = '05569,"Số 3 ngõ 30",1,Lê Văn Chi,0912345670';

	it('previews a row with an unclosed quote as a line-numbered error, and commits nothing', async () => {
		const csv = [HEADER, good1, broken, good3].join('\n');
		const before = await countRows(shardOf(t), 'households');
		const preview = await json(await upload('households', csv, false));
		expect(preview.preview.errors.length).toBeGreaterThan(0);
		expect(preview.preview.errors[0]).toMatchObject({ line: 3 });
		const commit = await upload('households', csv, true);
		expect(commit.status).toBe(422);
		expect((await json(commit)).details.errors).toEqual(preview.preview.errors);
		expect(await countRows(shardOf(t), 'households')).toBe(before);
	});

	it('commits every row of the same file once the quote is closed', async () => {
		const fixed = '05569,"Số 2 ngõ 30",3,Trần Thị Bình,0912345679';
		const csv = [HEADER, good1, fixed, good3].join('\n');
		const preview = await json(await upload('households', csv, false));
		expect(preview.preview).toMatchObject({ households: 3, errors: [] });
		const commit = await upload('households', csv, true);
		expect(commit.status).toBe(201);
		expect((await json(commit)).imported.households).toBe(3);
		const rows = await shardOf(t)
			.select({ address: households.address })
			.from(households)
			.where(eq(households.communeCode, AREAS.own.communeCode));
		expect(rows.map((r) => r.address)).toEqual(
			expect.arrayContaining(['Số 1 ngõ 30', 'Số 2 ngõ 30', 'Số 3 ngõ 30'])
		);
	});
});
