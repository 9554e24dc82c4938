/**
 * The audit log read by a person: names instead of ids, filters (who, kind, action, days), and
 * one entry for the same read repeated within minutes (no flood from one page view).
 */
import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { TestDb } from './support/db.ts';
import { useSeededDb } from './support/seeded-db.ts';
import { call, makeTeam, makeUser, type TestUser } from './support/accounts-factory.ts';
import { auditLog } from '../../src/lib/server/db/schema/index.ts';
import { vnToday } from '../../src/lib/domain/vn-time.ts';

let t: TestDb;
let admin: TestUser;
let leader: TestUser;
let team: Awaited<ReturnType<typeof makeTeam>>;

interface Entry {
	action: string;
	kind: string;
	actorName: string | null;
	communeName: string | null;
}

useSeededDb(async (db) => {
	t = db;
	team = await makeTeam(t.db, 'own');
	admin = await makeUser(t.db, 'commune_admin');
	leader = await makeUser(t.db, 'team_leader', 'own', team.id);
});

const log = async (q: string) => {
	const res = await call(t, `/api/audit?commune=05569&${q}`, { cookie: admin.cookie });
	expect(res.status, await res.clone().text()).toBe(200);
	return ((await res.json()) as { entries: Entry[] }).entries;
};

describe('the audit log', () => {
	it('keeps one entry for the same read repeated within minutes', async () => {
		for (let i = 0; i < 3; i++) {
			const res = await call(t, `/api/teams/${team.id}/members`, { cookie: leader.cookie });
			expect(res.status).toBe(200);
		}
		const rows = await t.db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.actorUserId, leader.id), eq(auditLog.action, 'members.read')));
		expect(rows).toHaveLength(1);
	});

	it('names who acted and where, and filters by person, kind, action and day', async () => {
		await call(t, `/api/teams/${team.id}`, {
			method: 'PATCH',
			cookie: leader.cookie,
			body: { name: 'Tổ CNCĐ thôn Nà Mòn' }
		});
		const mine = await log(`who=${leader.id}`);
		expect(mine.map((e) => e.action).sort()).toEqual(['members.read', 'team.update']);
		expect(mine.every((e) => e.communeName === 'Xã Định Hoá')).toBe(true);
		expect(mine.every((e) => e.actorName?.startsWith('team_leader'))).toBe(true);
		expect((await log(`who=${leader.id}&kind=read`)).map((e) => e.action)).toEqual([
			'members.read'
		]);
		expect((await log(`who=${leader.id}&action=team`)).map((e) => e.action)).toEqual([
			'team.update'
		]);
		const today = vnToday();
		expect(await log(`who=${leader.id}&from=${today}&to=${today}`)).toHaveLength(2);
		expect(await log(`who=${leader.id}&to=2020-01-01`)).toHaveLength(0);
	});

	it('refuses a filter it cannot read, with the field', async () => {
		const res = await call(t, '/api/audit?commune=05569&from=02/12/2026', { cookie: admin.cookie });
		expect(res.status).toBe(400);
		expect(await res.json()).toMatchObject({ details: { field: 'from' } });
	});
});
