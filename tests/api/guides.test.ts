/**
 * The training library's API (issue 17 §3) on the real local D1 and R2: an admin publishes a
 * guide from a zip, a new version replaces it, unchanged content makes no version, bad uploads
 * are refused with their lines and nothing stored; everyone reads the list and the files.
 */
import { describe, expect, it } from 'vitest';
import { zipSync } from 'fflate';
import { count } from 'drizzle-orm';
import type { TestDb } from './support/db.ts';
import { useSeededDb } from './support/seeded-db.ts';
import { call, makeUser, type TestUser } from './support/accounts-factory.ts';
import { insertServices } from './support/records-factory.ts';
import { auditLog, guideVersions } from '../../src/lib/server/db/schema/index.ts';
import type { GuideList, PublishedGuide } from '../../src/lib/domain/guides/limits.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const svg = (fill: string) =>
	enc(
		`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect fill="${fill}" width="10" height="10"/></svg>`
	);
const guideMd = (title: string, id = 'vneid-muc-2', service = 'vneid') => `---
id: ${id}
service: ${service}
title: ${title}
summary: Cài đặt và kích hoạt mức 2.
official: https://onetouch.mic.gov.vn | OneTouch
---
## Chuẩn bị
Mang theo thẻ căn cước và điện thoại.
![Thẻ căn cước](the.svg)

## Tải ứng dụng
Mở CH Play, tìm "VNeID".
![Ô tìm kiếm](tim.svg)
`;
const zip = (files: Record<string, Uint8Array | string>) =>
	zipSync(
		Object.fromEntries(
			Object.entries(files).map(([k, v]) => [k, typeof v === 'string' ? enc(v) : v])
		)
	);
const goodZip = (title = 'Cài VNeID', picture = svg('#0a7')) =>
	zip({ 'guide.md': guideMd(title), 'the.svg': picture, 'tim.svg': svg('#036') });

let t: TestDb;
let admin: TestUser, provinceAdmin: TestUser, member: TestUser;
useSeededDb(async (db) => {
	t = db;
	await insertServices(t.db);
	admin = await makeUser(t.db, 'admin');
	provinceAdmin = await makeUser(t.db, 'province_admin');
	member = await makeUser(t.db, 'member');
});

const publish = (body: Uint8Array, who: TestUser | null = admin) =>
	call(t, '/api/guides', {
		method: 'POST',
		body,
		cookie: who?.cookie,
		headers: { 'content-type': 'application/zip', origin: 'http://localhost' }
	});
const list = async () => (await (await call(t, '/api/guides')).json()) as GuideList;
const versions = async () => (await t.db.select({ n: count() }).from(guideVersions))[0]!.n;

describe('POST /api/guides', () => {
	it('publishes version 1 with content-addressed files, readable by anyone', async () => {
		const res = await publish(goodZip());
		expect(res.status).toBe(201);
		expect(await res.json()).toMatchObject({ slug: 'vneid-muc-2', version: 1, created: true });
		const { guides, totalBytes, budgetBytes } = await list();
		expect(guides).toEqual([
			expect.objectContaining({ slug: 'vneid-muc-2', service: 'vneid', version: 1, steps: 2 })
		]);
		const g = guides[0]!;
		expect(g.files).toHaveLength(3);
		expect(g.files[0]).toBe(g.manifest);
		expect(totalBytes).toBe(g.bytes);
		expect(budgetBytes).toBe(20 * 1024 * 1024);
		const manifest = await call(t, `/api/guides/files/${g.manifest}`);
		expect(manifest.headers.get('cache-control')).toContain('immutable');
		const guide = (await manifest.json()) as PublishedGuide;
		expect(guide.steps.map((s) => s.image?.alt)).toEqual(['Thẻ căn cước', 'Ô tìm kiếm']);
		const picture = await call(t, guide.steps[0]!.image!.src);
		expect(picture.headers.get('content-type')).toBe('image/svg+xml');
		expect(picture.headers.get('content-security-policy')).toContain("default-src 'none'");
		expect(await picture.text()).toContain('#0a7');
		const sizes = await Promise.all(
			g.files.map(
				async (f) => (await (await call(t, `/api/guides/files/${f}`)).arrayBuffer()).byteLength
			)
		);
		expect(sizes.reduce((a, b) => a + b, 0)).toBe(g.bytes);
	});

	it('makes no version when the content is unchanged', async () => {
		const res = await publish(goodZip());
		expect(res.status).toBe(200);
		expect(await res.json()).toMatchObject({ version: 1, created: false });
		expect(await versions()).toBe(1);
	});

	it('replaces a guide with version 2; the unchanged picture is stored once, history kept', async () => {
		const before = (await list()).guides[0]!;
		const res = await publish(goodZip('Cài VNeID (mới)', svg('#c00')));
		expect(res.status).toBe(201);
		expect(await res.json()).toMatchObject({ version: 2, created: true });
		const after = (await list()).guides[0]!;
		expect(after).toMatchObject({ version: 2, title: 'Cài VNeID (mới)' });
		expect(after.manifest).not.toBe(before.manifest);
		expect(after.files[2]).toBe(before.files[2]); // tim.svg did not change
		expect(after.files[1]).not.toBe(before.files[1]);
		// The old version's files stay readable (a phone may still hold it until it updates).
		expect((await call(t, `/api/guides/files/${before.manifest}`)).status).toBe(200);
		const history = await call(t, '/api/guides/vneid-muc-2/versions', { cookie: admin.cookie });
		expect(
			((await history.json()) as { versions: { version: number; author: string }[] }).versions
		).toEqual([
			expect.objectContaining({ version: 2, author: expect.stringContaining('admin') }),
			expect.objectContaining({ version: 1 })
		]);
		const audits = await t.db.select().from(auditLog);
		expect(audits.filter((a) => a.action === 'guide.publish')).toHaveLength(2);
	});

	it.each([
		['not a zip', enc('hello'), 0, 'gói'],
		['no guide.md', zip({ 'huong-dan.md': guideMd('x') }), 0, 'guide.md'],
		[
			'an unknown service',
			zip({
				'guide.md': guideMd('x', 'a', 'zalo'),
				'the.svg': svg('#000'),
				'tim.svg': svg('#111')
			}),
			3,
			'service'
		],
		['a missing picture', zip({ 'guide.md': guideMd('x'), 'the.svg': svg('#000') }), 14, 'tim.svg'],
		[
			'an SVG with a script',
			zip({
				'guide.md': guideMd('x'),
				'the.svg': enc('<svg><script>1</script></svg>'),
				'tim.svg': svg('#111')
			}),
			10,
			'the.svg'
		]
	])('refuses %s with 422, its line and field, storing nothing', async (_, body, line, field) => {
		const n = await versions();
		const res = await publish(body);
		expect(res.status).toBe(422);
		const error = (await res.json()) as {
			code: string;
			details: { errors: { line: number; field: string }[] };
		};
		expect(error.code).toBe('import_invalid');
		expect(error.details.errors).toContainEqual(expect.objectContaining({ line, field }));
		expect(await versions()).toBe(n);
	});

	it.each([
		['the public', null, 401],
		['a member', 'member', 403],
		['a province admin', 'provinceAdmin', 403]
	] as const)('refuses %s (%s)', async (_, who, status) => {
		const user = who === 'member' ? member : who === 'provinceAdmin' ? provinceAdmin : null;
		expect((await publish(goodZip('Khác'), user)).status).toBe(status);
	});
});

describe('GET /api/guides…', () => {
	it('keeps the history for admins only', async () => {
		expect((await call(t, '/api/guides/vneid-muc-2/versions')).status).toBe(401);
		expect(
			(await call(t, '/api/guides/vneid-muc-2/versions', { cookie: member.cookie })).status
		).toBe(403);
		expect((await call(t, '/api/guides/khong-co/versions', { cookie: admin.cookie })).status).toBe(
			404
		);
	});

	it.each(['abc.svg', `${'0'.repeat(64)}.svg`, `${'0'.repeat(64)}.exe`])(
		'answers 404 for the file %s',
		async (name) => {
			expect((await call(t, `/api/guides/files/${name}`)).status).toBe(404);
		}
	);

	it('lists guides publicly and cacheably, without any person', async () => {
		const res = await call(t, '/api/guides');
		expect(res.headers.get('cache-control')).toMatch(/^public/);
		const text = await res.text();
		expect(text).not.toMatch(/admin|author|phone|08\d{8}/);
	});
});
