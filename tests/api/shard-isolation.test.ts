/**
 * A database per province (issue 15, docs/sharding.md): a request about province A never opens
 * the shard of province B. The API runs with the shards of every province but A's replaced by
 * bindings that fail on any use — so a request that so much as opened one fails — while every
 * role of province 19 does its day's work: the leader lists, adds and plans households, the
 * member syncs visits, the admins read the overview, the audit log and a household's data.
 * Then the records are where they belong: in 19's shard, and in no other database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 } from 'uuid';
import type { TestDb } from './support/db.ts';
import type { AnyDb } from '../../src/lib/server/db/client.ts';
import { AREAS, call, makeUser, shardOf, type TestUser } from './support/accounts-factory.ts';
import { deviceVisit, openFieldDb, syncRequest, type FieldWorld } from './support/field-factory.ts';
import { household, insertHouseholdsIn } from './support/records-factory.ts';
import { PROVINCE_HEADER } from '../../src/lib/server/api/middleware/shard.ts';
import { runScheduled } from '../../src/lib/server/scheduled/run.ts';

let t: TestDb;
let w: FieldWorld;
const users = {} as Record<'leader' | 'communeAdmin' | 'provinceAdmin' | 'admin', TestUser>;
/** The binding of province 19's records, and the others (poisoned in the calls below). */
let home: string;
let others: string[];
const opened: string[] = [];

/** A D1 binding whose every use fails, and says so. */
function poisoned(binding: string): D1Database {
	return new Proxy({} as D1Database, {
		get(_, prop) {
			opened.push(`${binding}.${String(prop)}`);
			throw new Error(`${binding} was opened by a request about province 19`);
		}
	});
}

/** A call of province 19's people, with every other shard poisoned. */
function call19(path: string, o: Parameters<typeof call>[2] = {}) {
	const env = Object.fromEntries(others.map((b) => [b, poisoned(b)]));
	return call(t, path, { ...o, env: { ...o.env, ...env } });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- bodies are checked field by field
const json = (r: Response) => r.json() as Promise<any>;

async function ok(res: Response | Promise<Response>, status = 200) {
	const r = await res;
	expect(r.status, await r.clone().text()).toBe(status);
	return json(r);
}

const count = async (db: AnyDb, table: string) =>
	(await db.$client.prepare(`SELECT count(*) AS n FROM ${table}`).first<{ n: number }>())!.n;

beforeAll(async () => {
	({ t, w } = await openFieldDb(4));
	const all = t.shards.all().map((s) => s.binding);
	home = t.shards.bindingOf(AREAS.own.provinceCode);
	others = all.filter((b) => b !== home);
	users.leader = await makeUser(t.db, 'team_leader', 'own', w.teamId);
	users.communeAdmin = await makeUser(t.db, 'commune_admin');
	users.provinceAdmin = await makeUser(t.db, 'province_admin');
	users.admin = await makeUser(t.db, 'admin');
	// A household of Hà Nội (province 01, another shard), for the controls.
	await insertHouseholdsIn(t, [household(AREAS.foreignProvince, { id: 'hanoi-hh' })]);
});
afterAll(() => t.close());

describe('a request about one province', () => {
	it('runs on at least three shards, the test areas on different ones', () => {
		expect(others.length).toBeGreaterThanOrEqual(2);
		expect(t.shards.bindingOf(AREAS.foreignProvince.provinceCode)).not.toBe(home);
	});

	it("does a day's work of every role in province 19 without opening another shard", async () => {
		const own = AREAS.own;
		const leader = users.leader.cookie;
		// The leader: households of the commune, a new one, a plan of one outing for the member.
		const list = await ok(call19(`/api/households?commune=${own.communeCode}`, { cookie: leader }));
		expect(list.households.length).toBe(4);
		const { household: created } = await ok(
			call19('/api/households', {
				cookie: leader,
				body: { communeCode: own.communeCode, address: 'Số 3, ngõ 12, phố Chợ Chu', adults: 2 }
			}),
			201
		);
		const plan = await ok(
			call19('/api/routes', {
				cookie: leader,
				body: {
					communeCode: own.communeCode,
					teamId: w.teamId,
					routes: [{ name: 'Ngõ 12', householdIds: [created.id], assigneeMemberId: w.memberId }]
				}
			}),
			201
		);
		const routeId = plan.routes[0].id as string;
		await ok(call19(`/api/routes/${routeId}`, { cookie: leader }));
		await ok(
			call19(`/api/routes/${routeId}`, {
				method: 'PATCH',
				cookie: leader,
				body: { assigneeMemberId: w.memberId, plannedOn: '2026-12-04' }
			})
		);
		await ok(call19(`/api/routes?commune=${own.communeCode}`, { cookie: leader }));

		// The member: their outings, one opened for offline use, two visits synced.
		const member = w.user.cookie;
		await ok(call19('/api/routes/mine', { cookie: member }));
		await ok(call19('/api/field/routes', { cookie: member }));
		await ok(call19(`/api/field/routes/${w.routeId}`, { cookie: member }));
		const visits = [deviceVisit(w, w.householdIds[0]!), deviceVisit(w, w.householdIds[1]!)];
		const synced = await ok(
			call19('/api/visits', { cookie: member, body: syncRequest(v7(), visits) })
		);
		expect(synced.inserted).toBe(2);
		await ok(call19('/api/visits/mine', { cookie: member }));

		// The admins: the overview, a household's data, the audit log of the commune and province.
		const admin = users.communeAdmin.cookie;
		await ok(call19(`/api/overview?commune=${own.communeCode}`, { cookie: admin }));
		await ok(
			call19(
				`/api/personal-data/households/${created.id}/export?reason=Ho%20yeu%20cau%20ban%20sao`,
				{
					cookie: admin
				}
			)
		);
		const audit = await ok(call19(`/api/audit?commune=${own.communeCode}`, { cookie: admin }));
		// The writes above, moved from the shard's outbox when the page asked: none missing.
		const actions = audit.entries.map((e: { action: string }) => e.action);
		expect(actions).toEqual(
			expect.arrayContaining(['household.create', 'routes.plan', 'route.assign'])
		);
		await ok(
			call19(`/api/audit?province=${own.provinceCode}`, { cookie: users.provinceAdmin.cookie })
		);

		// The national admin names the province of the record they open.
		const named = { cookie: users.admin.cookie, headers: { [PROVINCE_HEADER]: own.provinceCode } };
		await ok(call19(`/api/households/${created.id}`, named));
		await ok(call19(`/api/routes/${routeId}`, named));
		expect(opened).toEqual([]);
	});

	it('keeps the records in their province’s shard and nowhere else', async () => {
		const shard = shardOf(t);
		expect(await count(shard, 'households')).toBe(4 + 1);
		expect(await count(shard, 'visits')).toBe(2);
		expect(await count(shard, 'routes')).toBe(2);
		for (const table of ['households', 'routes', 'visits', 'sync_devices']) {
			expect(await count(t.db, table), `global ${table}`).toBe(0);
		}
		for (const s of t.shards.all().filter((x) => x.binding !== home)) {
			const hanoi = s.provinces.includes(AREAS.foreignProvince.provinceCode) ? 1 : 0;
			expect(await count(s.db, 'households'), `${s.binding} households`).toBe(hanoi);
			expect(await count(s.db, 'visits'), `${s.binding} visits`).toBe(0);
		}
	});

	it('fails loudly when it does need a poisoned shard (the control)', async () => {
		const res = await call19('/api/households/hanoi-hh', {
			cookie: users.admin.cookie,
			headers: { [PROVINCE_HEADER]: AREAS.foreignProvince.provinceCode }
		});
		expect(res.status).toBe(500);
		expect(opened.length).toBeGreaterThan(0);
		opened.length = 0;
	});

	it('asks a national admin which province a record is in', async () => {
		const res = await call(t, '/api/households/hanoi-hh', { cookie: users.admin.cookie });
		expect(res.status).toBe(400);
		expect((await json(res)).code).toBe('province_required');
	});

	it('finds a record of another province only in that province (a 404, not a leak)', async () => {
		const res = await call19('/api/households/hanoi-hh', { cookie: users.provinceAdmin.cookie });
		expect(res.status).toBe(404);
		expect(opened).toEqual([]);
	});
});

describe('the scheduled run over every shard', () => {
	it('moves every outbox to the global audit log and recomputes from each shard', async () => {
		const r = await runScheduled(t.db, {
			cron: '*/15 * * * *',
			now: new Date(),
			shards: t.shards
		});
		expect(r.metrics.communes.marked).toBeGreaterThan(0);
		for (const s of t.shards.all()) expect(await count(s.db, 'audit_log'), s.binding).toBe(0);
		const row = await t.db.$client
			.prepare(
				`SELECT households_known AS n FROM area_metrics WHERE level = 'commune' AND code = ?`
			)
			.bind(AREAS.own.communeCode)
			.first<{ n: number }>();
		expect(row?.n).toBe(5);
	});
});
