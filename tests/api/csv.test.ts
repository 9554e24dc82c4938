import { describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import type { TestDb } from './support/db.ts';
import { useSeededDb } from './support/seeded-db.ts';
import {
	call,
	makeHamlet,
	makeMember,
	makeTeam,
	makeUser,
	type TestUser
} from './support/accounts-factory.ts';
import { auditLog, hamlets, members, teams } from '../../src/lib/server/db/schema/index.ts';

let t: TestDb;
let ca: TestUser;
useSeededDb(async (db) => {
	t = db;
	ca = await makeUser(t.db, 'commune_admin');
	await makeHamlet(t.db, 'own', 'Thôn Đồng Tâm');
});

const HEADER =
	'Mã xã,Tên tổ,Thôn,Ngày thành lập,Họ tên,Số điện thoại,Đoàn thể,Vai trò,OneTouch,Ngày OneTouch';
const utf8 = (s: string) => new TextEncoder().encode(s);

function upload(kind: 'teams' | 'hamlets', body: Uint8Array | string, commit: boolean, user = ca) {
	return call(t, `/api/${kind}/import?commune=05569&commit=${commit ? 1 : 0}`, {
		method: 'POST',
		body: typeof body === 'string' ? utf8(body) : body,
		cookie: user.cookie,
		headers: { 'content-type': 'text/csv' }
	});
}

async function counts() {
	const where = and(eq(teams.communeCode, '05569'));
	const [[tc], [mc], [hc]] = await Promise.all([
		t.db
			.select({ n: sql<number>`count(*)` })
			.from(teams)
			.where(where),
		t.db
			.select({ n: sql<number>`count(*)` })
			.from(members)
			.where(eq(members.communeCode, '05569')),
		t.db
			.select({ n: sql<number>`count(*)` })
			.from(hamlets)
			.where(eq(hamlets.communeCode, '05569'))
	]);
	return { teams: tc!.n, members: mc!.n, hamlets: hc!.n };
}

describe('teams + members CSV import', () => {
	it('previews without writing, then commits all rows', async () => {
		const file = `${HEADER}\n05569,Tổ CNS thôn Đồng Tâm,Thôn Đồng Tâm,01/03/2023,Hoàng Văn An,0912 345 678,Đoàn Thanh niên,Tổ trưởng,Đã hoàn thành,15/05/2023\n05569,Tổ CNS thôn Đồng Tâm,,,Ma Thị Bình,0987654321,Hội Phụ nữ,Thành viên,Đang học,`;
		const before = await counts();
		const preview = await upload('teams', file, false);
		expect(preview.status).toBe(200);
		const body = (await preview.json()) as {
			preview: { errors: unknown[]; members: unknown[]; encoding: string };
		};
		expect(body.preview).toMatchObject({ errors: [], encoding: 'utf-8' });
		expect(body.preview.members).toHaveLength(2);
		expect(await counts()).toEqual(before);
		const commit = await upload('teams', file, true);
		expect(commit.status).toBe(201);
		expect(await commit.json()).toMatchObject({ imported: { teams: 1, members: 2 } });
		expect(await counts()).toEqual({
			...before,
			teams: before.teams + 1,
			members: before.members + 2
		});
	});

	it('refuses a file with any bad row, lists every error by line, and writes nothing', async () => {
		const team = await makeTeam(t.db, 'own', 'Tổ có sẵn');
		const existing = await makeMember(t.db, team);
		const before = await counts();
		const file = [
			HEADER,
			'05569,Tổ Mới,,,Người Tốt,0900000001,Khác,,,',
			'99999,Tổ Mới,,,Người B,,Khác,,,',
			`05569,Tổ Mới,,,Người C,${existing.phone},Khác,,,`,
			'05569,Tổ Mới,,,Người D,0900000001,Khác,,,',
			'05569,Tổ Mới,,31/02/2024,Người E,12345,Đoàn gì,,,',
			'05569,Tổ Mới,"thiếu dấu ngoặc đóng'
		].join('\n');
		const res = await upload('teams', file, true);
		expect(res.status).toBe(422);
		const body = (await res.json()) as {
			code: string;
			message: string;
			details: { errors: { line: number; field: string; message: string }[] };
		};
		expect(body.code).toBe('import_invalid');
		expect(body.message).toMatch(/line 3, ma_xa/);
		const byLine = body.details.errors.map((e) => `${e.line}:${e.field}`);
		expect(byLine).toEqual(
			expect.arrayContaining([
				'3:ma_xa',
				'4:so_dien_thoai',
				'5:so_dien_thoai',
				'6:ngay_thanh_lap',
				'6:so_dien_thoai',
				'6:doan_the',
				'7:'
			])
		);
		expect(body.details.errors.find((e) => e.line === 3)?.message).toContain('không tồn tại');
		expect(body.details.errors.find((e) => e.line === 4)?.message).toContain(existing.fullName);
		expect(body.details.errors.find((e) => e.line === 5)?.message).toContain('trùng với dòng 2');
		expect(await counts()).toEqual(before);
	});

	it('reads UTF-8 with BOM, Windows-1258 and NFD files into the same NFC names', async () => {
		const bom = new Uint8Array([
			0xef,
			0xbb,
			0xbf,
			...utf8(`${HEADER}\n05569,Tổ BOM,,,Lường Văn Đức,,Đoàn TN,,,`)
		]);
		const nfd = utf8(`${HEADER}\n05569,Tổ NFD,,,Nông Thị Hường,,Hội PN,,,`.normalize('NFD'));
		// "Tổ Mường" in Windows-1258: ô = F4 + hook-above tone (D2); ư = FD, ờ = F5 + grave (CC).
		const cp = new Uint8Array([
			...utf8('ma_xa,ten_to,ho_ten,doan_the\n05569,T'),
			0xf4,
			0xd2,
			...utf8(' M'),
			0xfd,
			0xf5,
			0xcc,
			...utf8('ng,An,khac')
		]);
		for (const [bytes, encoding] of [
			[bom, 'utf-8-bom'],
			[nfd, 'utf-8'],
			[cp, 'windows-1258']
		] as const) {
			const res = await upload('teams', bytes, false);
			expect(((await res.json()) as { preview: { encoding: string } }).preview.encoding).toBe(
				encoding
			);
			const done = await upload('teams', bytes, true);
			expect(done.status, `${encoding}: ${await done.clone().text()}`).toBe(201);
		}
		const names = (await t.db.select({ name: teams.name }).from(teams)).map((r) => r.name);
		expect(names).toEqual(expect.arrayContaining(['Tổ BOM', 'Tổ NFD', 'Tổ Mường']));
		const people = (await t.db.select({ n: members.fullName }).from(members)).map((r) => r.n);
		expect(people).toEqual(expect.arrayContaining(['Lường Văn Đức', 'Nông Thị Hường']));
		for (const s of [...names, ...people]) expect(s).toBe(s.normalize('NFC'));
	});

	it('is refused to leaders, members and other communes', async () => {
		const leader = await makeUser(t.db, 'team_leader');
		const foreign = await makeUser(t.db, 'commune_admin', 'foreignCommune');
		for (const u of [leader, foreign]) {
			expect((await upload('teams', `${HEADER}\n05569,X,,,,,,,,`, true, u)).status).toBe(403);
		}
	});

	it('exports the same columns with a BOM, and logs the export', async () => {
		const res = await call(t, '/api/teams/export?commune=05569', { cookie: ca.cookie });
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toContain('text/csv');
		expect(res.headers.get('cache-control')).toBe('private, no-store');
		const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
		expect(text.startsWith('\uFEFFma_xa,ten_to,thon,ngay_thanh_lap,ho_ten,so_dien_thoai')).toBe(
			true
		);
		expect(text).toContain(
			'Hoàng Văn An,0912345678,Đoàn Thanh niên,Tổ trưởng,Đã hoàn thành,2023-05-15'
		);
		const logged = await t.db.select().from(auditLog).where(eq(auditLog.action, 'members.export'));
		expect(logged).toEqual([
			expect.objectContaining({ kind: 'export', actorUserId: ca.id, communeCode: '05569' })
		]);
	});
});

describe('hamlets CSV import', () => {
	it('imports all rows or none, and round-trips through the export', async () => {
		const before = await counts();
		const bad =
			'ma_xa;ten;loai;kinh_do;vi_do\n05569;Xóm Bãi;Xóm;105,63;21,91\n05569;Thôn Đồng Tâm;Thôn;;';
		const refused = await upload('hamlets', bad, true);
		expect(refused.status).toBe(422);
		expect(await refused.json()).toMatchObject({
			details: { errors: [{ line: 3, field: 'ten' }] }
		});
		expect(await counts()).toEqual(before);
		const good =
			'ma_xa;ten;loai;kinh_do;vi_do\n05569;Xóm Bãi;Xóm;105,63;21,91\n05569;Tổ dân phố Chợ;TDP;;';
		expect((await upload('hamlets', good, true)).status).toBe(201);
		expect((await counts()).hamlets).toBe(before.hamlets + 2);
		const res = await call(t, '/api/hamlets/export?commune=05569', { cookie: ca.cookie });
		const text = await res.text();
		expect(text).toContain('05569,Xóm Bãi,Xóm,105.63,21.91');
		expect(text).toContain('05569,Tổ dân phố Chợ,Tổ dân phố,,');
	});

	it('answers an empty or oversized upload with a clear error, not a 500', async () => {
		expect(await (await upload('hamlets', '', false)).json()).toMatchObject({ code: 'empty_file' });
		const big = 'ma_xa,ten,loai\n' + '05569,Xóm,xóm\n'.repeat(80_000);
		expect((await upload('hamlets', big, false)).status).toBe(413);
	});
});
