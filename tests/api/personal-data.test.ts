/**
 * Personal-data rights (Law 91/2025, Decree 356/2025; issue 13): a data subject's export and
 * erasure, scoped to the admins of the commune, audited without the erased values, leaving the
 * public metrics exactly as they were; the retention review; the audit log's housekeeping.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { v7 } from 'uuid';
import { deviceVisit, openFieldDb, syncRequest, type FieldWorld } from './support/field-factory.ts';
import { call, makeUser, shardOf, type TestUser } from './support/accounts-factory.ts';
import type { TestDb } from './support/db.ts';
import type { ShardDb } from '../../src/lib/server/db/shards.ts';
import {
	auditLog,
	households,
	invites,
	members,
	sessions,
	users,
	visits
} from '../../src/lib/server/db/schema/index.ts';
import { computeMetrics } from '../../src/lib/server/metrics/job.ts';
import { pruneAuditLog } from '../../src/lib/server/privacy/retention.ts';
import { auditCutoff } from '../../src/lib/domain/personal-data.ts';

let t: TestDb;
/** The shard of the own commune's province (its households, routes and visits). */
let s: ShardDb;
let w: FieldWorld;
let admin: TestUser;
let foreignAdmin: TestUser;
let provinceAdmin: TestUser;
let leader: TestUser;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- bodies are asserted field by field
const json = (r: Response) => r.json() as Promise<any>;
const NAME = 'Hoàng Thị Mận';
const PHONE = '0912345678';

beforeAll(async () => {
	({ t, w } = await openFieldDb(4));
	s = shardOf(t);
	admin = await makeUser(t.db, 'commune_admin');
	foreignAdmin = await makeUser(t.db, 'commune_admin', 'foreignCommune');
	provinceAdmin = await makeUser(t.db, 'province_admin');
	leader = await makeUser(t.db, 'team_leader', 'own', w.teamId);
	await s
		.update(households)
		.set({ headName: NAME, headPhone: PHONE, lon: 105.64, lat: 21.9, consent: true })
		.where(eq(households.id, w.householdIds[0]!));
	const visitsSent = w.householdIds.slice(0, 3).map((h, i) =>
		deviceVisit(w, h, {
			visitedAt: Date.now() - (i + 1) * 3_600_000,
			note: i === 0 ? `Gặp ${NAME}` : 'Hẹn quay lại'
		})
	);
	const res = await call(t, '/api/visits', {
		body: syncRequest(v7(), visitsSent),
		cookie: w.user.cookie
	});
	expect(res.status, await res.clone().text()).toBe(200);
});
afterAll(() => t.close());

/** The public metrics as the job computes them, without the time they were computed. */
async function metricsSnapshot() {
	await computeMetrics(t.db, { now: new Date(), shards: t.shards });
	const areas = await t.db.all<Record<string, unknown>>(
		sql`SELECT * FROM area_metrics ORDER BY level, code`
	);
	const services = await t.db.all(
		sql`SELECT * FROM area_service_metrics ORDER BY level, code, service_code`
	);
	expect(areas.length).toBeGreaterThan(0);
	return {
		areas: areas.map(({ computed_at: _at, period_start: _s, period_end: _e, ...rest }) => rest),
		services
	};
}

const exportUrl = (kind: string, id: string, reason = 'Người dân yêu cầu bản sao') =>
	`/api/personal-data/${kind}/${id}/export?reason=${encodeURIComponent(reason)}`;

describe('household export', () => {
	it('downloads everything held about the household as a dated JSON file, audited', async () => {
		const id = w.householdIds[0]!;
		const res = await call(t, exportUrl('households', id), { cookie: admin.cookie });
		expect(res.status, await res.clone().text()).toBe(200);
		expect(res.headers.get('content-disposition')).toMatch(
			new RegExp(`attachment; filename="tung-ngo-household-${id}-\\d{4}-\\d{2}-\\d{2}\\.json"`)
		);
		expect(res.headers.get('cache-control')).toContain('no-store');
		const body = await json(res);
		expect(body.household).toMatchObject({ id, headName: NAME, headPhone: PHONE, lon: 105.64 });
		expect(body.visits).toHaveLength(1);
		expect(body.visits[0].note).toBe(`Gặp ${NAME}`);
		expect(body.visits[0].services.map((s: { serviceCode: string }) => s.serviceCode)).toEqual(
			expect.arrayContaining(['vneid', 'vssid'])
		);
		expect(body.routes).toEqual([expect.objectContaining({ id: w.routeId, seq: 0 })]);
		const [entry] = await t.db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.action, 'household.export'), eq(auditLog.entityId, id)));
		expect(entry).toMatchObject({ kind: 'export', actorUserId: admin.id, communeCode: '05569' });
		expect(JSON.parse(entry!.detail!)).toMatchObject({ reason: 'Người dân yêu cầu bản sao' });
	});

	it('is for the admins of the scope only', async () => {
		const url = exportUrl('households', w.householdIds[0]!);
		expect((await call(t, url, { cookie: provinceAdmin.cookie })).status).toBe(200);
		expect((await call(t, url, { cookie: foreignAdmin.cookie })).status).toBe(403);
		expect((await call(t, url, { cookie: leader.cookie })).status).toBe(403);
		expect((await call(t, url, { cookie: w.user.cookie })).status).toBe(403);
		expect((await call(t, url)).status).toBe(401);
	});

	it('needs a reason', async () => {
		const res = await call(t, `/api/personal-data/households/${w.householdIds[0]}/export`, {
			cookie: admin.cookie
		});
		expect(res.status).toBe(400);
		expect((await json(res)).message).toMatch(/^reason: /);
	});
});

describe('household erasure', () => {
	it('refuses a missing or blank reason with a clear 400 and changes nothing', async () => {
		const id = w.householdIds[0]!;
		for (const body of [{}, { reason: '   ' }, { reason: '\u200b\u200b' }]) {
			const res = await call(t, `/api/personal-data/households/${id}/erase`, {
				body,
				cookie: admin.cookie
			});
			expect(res.status).toBe(400);
			expect((await json(res)).message).toMatch(/reason: Say why/);
		}
		const [h] = await s.select().from(households).where(eq(households.id, id));
		expect(h?.headName).toBe(NAME);
	});

	it('is refused to a team leader and to another commune’s admin', async () => {
		for (const who of [leader, foreignAdmin]) {
			const res = await call(t, `/api/personal-data/households/${w.householdIds[0]}/erase`, {
				body: { reason: 'Chuyển đi nơi khác' },
				cookie: who.cookie
			});
			expect(res.status).toBe(403);
		}
	});

	it('removes the identity everywhere, keeps the public metrics, audits without the data', async () => {
		const id = w.householdIds[0]!;
		const before = await metricsSnapshot();
		const res = await call(t, `/api/personal-data/households/${id}/erase`, {
			body: { reason: `${NAME} (${PHONE}) chuyển đi, yêu cầu xóa` },
			cookie: admin.cookie
		});
		expect(res.status, await res.clone().text()).toBe(200);
		expect((await json(res)).erased).toMatchObject({ id, visitsKept: 1, routeStops: 1 });

		expect(await metricsSnapshot()).toEqual(before);

		// Gone from the records: no row under the old id, no copy of the values anywhere.
		expect(await s.select().from(households).where(eq(households.id, id))).toEqual([]);
		// The shard's records and audit outbox, and the global audit log.
		const dump = async () =>
			JSON.stringify([
				await s.select().from(households),
				await s.select().from(visits),
				await s.all(sql`SELECT * FROM route_stops`),
				await s.all(sql`SELECT * FROM visit_conflicts`),
				await s.select().from(auditLog),
				await t.db.select().from(auditLog)
			]);
		for (const value of [NAME, PHONE, 'Số 1, ngõ 7', '105.64'])
			expect(await dump()).not.toContain(value);
		// The erasure's entry was written with it, in the shard's outbox; the run moves it.
		expect(
			await s
				.select()
				.from(auditLog)
				.where(and(eq(auditLog.action, 'household.erase'), eq(auditLog.entityId, id)))
		).toHaveLength(1);
		expect(await t.moveAudit()).toBeGreaterThan(0);
		for (const value of [NAME, PHONE, 'Số 1, ngõ 7', '105.64'])
			expect(await dump()).not.toContain(value);

		// Its visit stays for the aggregates, anonymous.
		const kept = await s
			.select()
			.from(visits)
			.where(sql`${visits.note} IS NULL`);
		const anon = kept.find((v) => !w.householdIds.includes(v.householdId))!;
		expect(anon).toMatchObject({ routeId: null, memberId: null, deviceId: null, outcome: 'met' });
		const [placeholder] = await s
			.select()
			.from(households)
			.where(eq(households.id, anon.householdId));
		expect(placeholder).toMatchObject({ address: '', lon: null, lat: null, headName: null });
		expect(placeholder?.erasedAt).not.toBeNull();

		// Not in the planning list, the route, the field pack or the public search.
		const list = await json(
			await call(t, '/api/households?commune=05569', { cookie: admin.cookie })
		);
		expect(list.households.map((h: { id: string }) => h.id)).toEqual(w.householdIds.slice(1));
		const route = await json(await call(t, `/api/routes/${w.routeId}`, { cookie: admin.cookie }));
		expect(JSON.stringify(route)).not.toContain(id);
		const pack = await call(t, `/api/field/routes/${w.routeId}`, { cookie: w.user.cookie });
		expect(pack.status).toBe(200);
		const packText = await pack.text();
		expect(packText).not.toContain(id);
		expect(packText).not.toContain(NAME);
		const search = await call(t, `/api/search?q=${encodeURIComponent(NAME)}`);
		expect((await json(search)).results).toEqual([]);

		// Audited: who, why (without the person's values), when.
		const [entry] = await t.db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.action, 'household.erase'), eq(auditLog.entityId, id)));
		expect(entry).toMatchObject({ kind: 'write', actorUserId: admin.id, communeCode: '05569' });
		expect(JSON.parse(entry!.detail!).reason).toBe('… (…) chuyển đi, yêu cầu xóa');
	});

	it('answers a second erasure (and an export) of the same household with 410', async () => {
		const id = w.householdIds[0]!;
		const again = await call(t, `/api/personal-data/households/${id}/erase`, {
			body: { reason: 'Lần hai' },
			cookie: admin.cookie
		});
		expect(again.status).toBe(410);
		expect(await json(again)).toMatchObject({ code: 'already_erased' });
		expect((await call(t, exportUrl('households', id), { cookie: admin.cookie })).status).toBe(410);
		// Another commune's admin learns nothing about it.
		const foreign = await call(t, exportUrl('households', id), { cookie: foreignAdmin.cookie });
		expect(foreign.status).toBe(404);
	});

	it('refuses a visit synced later for the erased household (no 500, nothing stored)', async () => {
		const late = deviceVisit(w, w.householdIds[0]!);
		const res = await call(t, '/api/visits', {
			body: syncRequest(v7(), [late]),
			cookie: w.user.cookie
		});
		expect(res.status).toBeLessThan(500);
		expect(await s.select().from(visits).where(eq(visits.id, late.id))).toEqual([]);
	});
});

describe('member export and erasure', () => {
	it('exports the member with their account, sessions, invites and recorded visits', async () => {
		await t.db.insert(invites).values({
			id: crypto.randomUUID(),
			tokenHash: crypto.randomUUID(),
			role: 'member',
			scopeProvinceCode: '19',
			scopeCommuneCode: '05569',
			scopeTeamId: w.teamId,
			memberId: w.memberId,
			note: 'Cho chị Lan',
			createdBy: admin.id,
			createdAt: Date.now(),
			expiresAt: Date.now() + 86_400_000
		});
		const res = await call(t, exportUrl('members', w.memberId), { cookie: admin.cookie });
		expect(res.status, await res.clone().text()).toBe(200);
		expect(res.headers.get('content-disposition')).toContain(`tung-ngo-member-${w.memberId}-`);
		const body = await json(res);
		expect(body.member.id).toBe(w.memberId);
		expect(body.accounts).toHaveLength(1);
		expect(body.accounts[0]).toMatchObject({ id: w.user.id, phone: w.user.phone, role: 'member' });
		expect(body.accounts[0].passwordHash).toBeUndefined();
		expect(body.accounts[0].sessions.count).toBeGreaterThan(0);
		expect(body.invites).toEqual([expect.objectContaining({ note: 'Cho chị Lan' })]);
		expect(body.visitsRecorded.length).toBe(2);
		expect(body.routesAssigned).toEqual([expect.objectContaining({ id: w.routeId })]);
		expect(
			(await call(t, exportUrl('members', w.memberId), { cookie: leader.cookie })).status
		).toBe(403);
		expect(
			(await call(t, exportUrl('members', w.memberId), { cookie: foreignAdmin.cookie })).status
		).toBe(403);
	});

	it('erases the member and their account; the team counts and metrics stay', async () => {
		const [m] = await t.db.select().from(members).where(eq(members.id, w.memberId));
		const before = await metricsSnapshot();
		const res = await call(t, `/api/personal-data/members/${w.memberId}/erase`, {
			body: { reason: `Thành viên ${m!.fullName} nghỉ, yêu cầu xóa` },
			cookie: admin.cookie
		});
		expect(res.status, await res.clone().text()).toBe(200);
		expect((await json(res)).erased).toMatchObject({ accounts: 1, visitsKept: 2 });
		expect(await metricsSnapshot()).toEqual(before);

		const [after] = await t.db.select().from(members).where(eq(members.id, w.memberId));
		expect(after).toMatchObject({ phone: null, active: true });
		expect(after!.fullName).not.toBe(m!.fullName);
		const [u] = await t.db.select().from(users).where(eq(users.id, w.user.id));
		expect(u).toMatchObject({ email: null, phone: null, disabled: true, passwordHash: '' });
		expect(await t.db.select().from(sessions).where(eq(sessions.userId, w.user.id))).toEqual([]);
		const [inv] = await t.db.select().from(invites).where(eq(invites.memberId, w.memberId));
		expect(inv).toMatchObject({ note: null });
		expect(inv!.revokedAt).not.toBeNull();
		expect(await s.select().from(visits).where(eq(visits.memberId, w.memberId))).toEqual([]);

		// The old session is dead and the login no longer exists.
		const me = await call(t, '/api/auth/me', { cookie: w.user.cookie });
		expect((await json(me)).user).toBeNull();
		const login = await call(t, '/api/auth/login', {
			body: { login: w.user.phone, password: 'mat-khau-thu-nghiem' }
		});
		expect(login.status).toBeGreaterThanOrEqual(400);
		expect(login.status).toBeLessThan(500);

		const [entry] = await t.db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.action, 'member.erase'), eq(auditLog.entityId, w.memberId)));
		expect(entry!.detail).not.toContain(m!.fullName);
		expect(JSON.parse(entry!.detail!).reason).toBe('Thành viên … nghỉ, yêu cầu xóa');

		// The erased account is no longer listed, and cannot be enabled again.
		const accounts = await json(
			await call(t, '/api/users?commune=05569', { cookie: admin.cookie })
		);
		expect(accounts.users.map((x: { id: string }) => x.id)).not.toContain(w.user.id);
		const enable = await call(t, `/api/users/${w.user.id}/disable`, {
			body: { disabled: false },
			cookie: admin.cookie
		});
		expect(enable.status).toBe(410);

		const again = await call(t, `/api/personal-data/members/${w.memberId}/erase`, {
			body: { reason: 'Lần hai' },
			cookie: admin.cookie
		});
		expect(again.status).toBe(410);
	});
});

describe('retention review', () => {
	it('lists households untouched for the period and lets the admin keep one', async () => {
		const old = Date.now() - 3 * 365 * 86_400_000;
		const [stale, fresh] = w.householdIds.slice(2);
		// householdIds[3] was never visited and is old; [2] was visited today.
		await s.update(households).set({ createdAt: old }).where(eq(households.id, fresh!));
		await s.update(households).set({ createdAt: old }).where(eq(households.id, stale!));
		const list = async () =>
			json(await call(t, '/api/personal-data/review?commune=05569', { cookie: admin.cookie }));
		const first = await list();
		expect(first.months).toBe(24);
		expect(first.households.map((h: { id: string }) => h.id)).toEqual([fresh]);
		expect(
			(await call(t, '/api/personal-data/review?commune=05569', { cookie: leader.cookie })).status
		).toBe(403);

		const keep = await call(t, `/api/personal-data/households/${fresh}/keep`, {
			body: { reason: 'Gia đình vẫn ở đây' },
			cookie: admin.cookie
		});
		expect(keep.status).toBe(200);
		expect((await list()).households).toEqual([]);
		await t.moveAudit();
		const [entry] = await t.db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.action, 'household.keep'), eq(auditLog.entityId, fresh!)));
		expect(entry).toMatchObject({ actorUserId: admin.id, kind: 'write' });
	});
});

describe('audit retention housekeeping', () => {
	it('deletes entries older than the retention and records that it did', async () => {
		const now = Date.now();
		const cutoff = auditCutoff(now, 5);
		const row = (at: number) => ({
			id: crypto.randomUUID(),
			at,
			kind: 'read' as const,
			action: 'households.read',
			entity: 'household'
		});
		const oldRow = row(cutoff - 1);
		const keptRow = row(cutoff + 60_000);
		await t.db.insert(auditLog).values([oldRow, keptRow]);
		const r = await pruneAuditLog(t.db, { now, years: 5 });
		expect(r.deleted).toBe(1);
		const ids = (await t.db.select({ id: auditLog.id }).from(auditLog)).map((x) => x.id);
		expect(ids).not.toContain(oldRow.id);
		expect(ids).toContain(keptRow.id);
		const [prune] = await t.db.select().from(auditLog).where(eq(auditLog.action, 'audit.prune'));
		expect(JSON.parse(prune!.detail!)).toMatchObject({ rows: 1, years: 5 });
	});
});
