import { describe, expect, it } from 'vitest';
import type { TestDb } from './support/db.ts';
import { useSeededDb } from './support/seeded-db.ts';
import {
	call,
	makeTeam,
	makeUser,
	TEST_PASSWORD,
	type TestUser
} from './support/accounts-factory.ts';
import { auditLog } from '../../src/lib/server/db/schema/index.ts';

let t: TestDb;
let ca: TestUser;
let foreignCa: TestUser;
useSeededDb(async (db) => {
	t = db;
	ca = await makeUser(t.db, 'commune_admin');
	foreignCa = await makeUser(t.db, 'commune_admin', 'foreignCommune');
});

interface Entry {
	at: number;
	actorUserId: string;
	kind: string;
	action: string;
	communeCode: string;
	detail: Record<string, unknown> | null;
}

async function log(user: TestUser, query: string) {
	const res = await call(t, `/api/audit?${query}`, { cookie: user.cookie });
	return {
		status: res.status,
		entries: res.status === 200 ? ((await res.json()) as { entries: Entry[] }).entries : []
	};
}

describe('audit log', () => {
	it('records every write and every personal-data read: who, what, which commune, when (UTC)', async () => {
		const started = Date.now();
		const created = await call(t, '/api/teams', {
			cookie: ca.cookie,
			body: { communeCode: '05569', name: 'Tổ Nà Mao' }
		});
		const teamId = ((await created.json()) as { team: { id: string } }).team.id;
		await call(t, `/api/teams/${teamId}/members`, {
			cookie: ca.cookie,
			body: {
				fullName: 'Lý Văn Tư',
				phone: '0966123456',
				unionAffiliation: 'cong_an',
				onetouchStatus: 'chua_hoc',
				teamRole: 'to_pho'
			}
		});
		await call(t, `/api/teams/${teamId}/members`, { cookie: ca.cookie });
		await call(t, '/api/users?commune=05569', { cookie: ca.cookie });
		const { entries } = await log(ca, 'commune=05569');
		expect(entries.map((e) => `${e.kind}:${e.action}`)).toEqual(
			expect.arrayContaining([
				'write:team.create',
				'write:member.create',
				'read:members.read',
				'read:users.read'
			])
		);
		for (const e of entries) {
			expect(e).toMatchObject({ actorUserId: ca.id, communeCode: '05569' });
			expect(e.at).toBeGreaterThanOrEqual(started);
			expect(e.at).toBeLessThanOrEqual(Date.now());
		}
		expect(entries.map((e) => e.at)).toEqual([...entries.map((e) => e.at)].sort((a, b) => b - a));
	});

	it('never stores passwords, tokens or the personal values themselves', async () => {
		await call(t, '/api/auth/password', {
			cookie: ca.cookie,
			body: { currentPassword: TEST_PASSWORD, newPassword: 'mat-khau-moi-9' }
		});
		const inv = await call(t, '/api/invites', {
			cookie: ca.cookie,
			body: { role: 'team_leader', communeCode: '05569' }
		});
		const { token } = (await inv.json()) as { token: string };
		const dump = JSON.stringify(await t.db.select().from(auditLog));
		for (const secret of ['mat-khau-moi-9', TEST_PASSWORD, token, 'Lý Văn Tư', '0966123456'])
			expect(dump).not.toContain(secret);
	});

	it('is viewable only by the admins of that scope', async () => {
		await makeTeam(t.db, 'foreignCommune');
		await call(t, '/api/users?commune=05923', { cookie: foreignCa.cookie });
		expect((await log(foreignCa, 'commune=05569')).status).toBe(403);
		const foreign = await log(foreignCa, 'commune=05923');
		expect(foreign.entries.every((e) => e.communeCode === '05923')).toBe(true);
		expect(foreign.entries.length).toBeGreaterThan(0);
		const pa = await makeUser(t.db, 'province_admin');
		const province = await log(pa, 'province=19');
		expect(new Set(province.entries.map((e) => e.communeCode))).toEqual(
			new Set(['05569', '05923'])
		);
		expect((await log(pa, 'province=01')).status).toBe(403);
		const leader = await makeUser(t.db, 'team_leader');
		expect((await log(leader, 'commune=05569')).status).toBe(403);
	});
});
