/**
 * Help requests from the public (issue 17 §1) through the API on the real local D1s: filed
 * without an account, rate-limited (429 + Retry-After), folded as a duplicate, matched to a
 * household or made into a new one, scheduled by a plan, closed by a synced visit; the human
 * check against a local siteverify stub (Cloudflare's "always passes" / "always fails" keys);
 * the Open311 GeoReport v2 surface; and no public answer carries a phone, a name or a point.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { v7 } from 'uuid';
import type { TestDb } from './support/db.ts';
import {
	AREAS,
	call,
	makeHamlet,
	makeUser,
	shardOf,
	type TestUser
} from './support/accounts-factory.ts';
import { deviceVisit, openFieldDb, syncRequest, type FieldWorld } from './support/field-factory.ts';
import { household, insertHouseholdsIn } from './support/records-factory.ts';
import { helpRequests, households } from '../../src/lib/server/db/schema/index.ts';
import { eraseEndedRequestPhones } from '../../src/lib/server/help-requests/retention.ts';

let t: TestDb;
let w: FieldWorld;
let leader: TestUser;
let hamletId: string;
let stub: Server;
let stubUrl: string;
/** The tokens siteverify saw, and what it answers (Cloudflare's test secrets' behaviour). */
const seen: string[] = [];

beforeAll(async () => {
	({ t, w } = await openFieldDb(2));
	leader = await makeUser(t.db, 'team_leader', 'own', w.teamId);
	hamletId = (await makeHamlet(t.db, 'own', 'Thôn Đồng Tâm')).id;
	// A local siteverify: the "always passes" secret succeeds, "always fails" does not.
	stub = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			const body = Buffer.concat(chunks).toString();
			seen.push(body);
			const passes = body.includes('1x0000000000000000000000000000000AA');
			res.setHeader('content-type', 'application/json');
			res.end(
				JSON.stringify({ success: passes, 'error-codes': passes ? [] : ['invalid-input-response'] })
			);
		});
	});
	await new Promise<void>((r) => stub.listen(0, '127.0.0.1', r));
	stubUrl = `http://127.0.0.1:${(stub.address() as AddressInfo).port}/siteverify`;
});
afterAll(async () => {
	await new Promise((r) => stub.close(r));
	await t.close();
});

let phoneSeq = 0;
const nextPhone = () => `09${String(71_000_000 + ++phoneSeq)}`;

const form = (over: Record<string, unknown> = {}) => ({
	communeCode: '05569',
	hamletId,
	services: ['vneid'],
	phone: nextPhone(),
	timeOfDay: 'morning',
	consent: true,
	...over
});

const file = (body: unknown, o: { ip?: string; env?: Record<string, unknown> } = {}) =>
	call(t, '/api/help-requests', {
		body,
		...(o.ip ? { viaCloudflare: true, headers: { 'cf-connecting-ip': o.ip } } : {}),
		env: o.env
	});

const rowOf = async (code: string) =>
	(await shardOf(t).select().from(helpRequests).where(eq(helpRequests.code, code)).get())!;

const status = async (code: string) =>
	(
		(await (await call(t, `/api/help-requests/status/${code}`)).json()) as {
			request: { status: string; closeReason: string | null };
		}
	).request;

/** Every string value anywhere in a JSON answer. */
function strings(v: unknown): string[] {
	if (typeof v === 'string') return [v];
	if (Array.isArray(v)) return v.flatMap(strings);
	if (v && typeof v === 'object') return Object.values(v).flatMap(strings);
	return [];
}

/** Keys anywhere in a JSON answer. */
function keys(v: unknown): string[] {
	if (Array.isArray(v)) return v.flatMap(keys);
	if (v && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => [k, ...keys(x)]);
	return [];
}

describe('filing a request', () => {
	it('files a request without an account and gives a code for its status page', async () => {
		const body = form({ address: 'Nhà cạnh cây đa' });
		const res = await file(body);
		expect(res.status, await res.clone().text()).toBe(201);
		const r = (await res.json()) as { code: string; folded: boolean; statusPath: string };
		expect(r.code).toMatch(/^19-[ACDEFGHJKMNPQRTWXY34679]{6}$/);
		expect(r).toMatchObject({ folded: false, statusPath: `/ho-tro/${r.code}` });
		const row = await rowOf(r.code);
		expect(row).toMatchObject({ status: 'received', phone: body.phone, hamletId, channel: 'web' });
		// No household had this phone or address: a new one awaiting a point, a priority.
		const h = (await shardOf(t)
			.select()
			.from(households)
			.where(eq(households.id, row.householdId!))
			.get())!;
		expect(h).toMatchObject({
			priority: true,
			locationStatus: 'needs_check',
			headPhone: body.phone,
			hamletId,
			address: 'Nhà cạnh cây đa',
			headName: null
		});
		expect(await status(r.code)).toMatchObject({ status: 'received', closeReason: null });
	});

	it('matches an existing household of the hamlet by phone, and marks it priority', async () => {
		const phone = nextPhone();
		const h = household(AREAS.own, { hamletId, address: 'Số 3, xóm Giữa', headPhone: phone });
		await insertHouseholdsIn(t, [h]);
		const res = await file(form({ phone }));
		expect(res.status).toBe(201);
		const row = await rowOf(((await res.json()) as { code: string }).code);
		expect(row.householdId).toBe(h.id);
		const after = (await shardOf(t)
			.select()
			.from(households)
			.where(eq(households.id, h.id!))
			.get())!;
		expect(after.priority).toBe(true);
	});

	it('matches an existing household by its address when the phone is new', async () => {
		const h = household(AREAS.own, { hamletId, address: 'Số 9, xóm Đồi' });
		await insertHouseholdsIn(t, [h]);
		const res = await file(form({ address: 'số 9 xóm đồi' }));
		const row = await rowOf(((await res.json()) as { code: string }).code);
		expect(row.householdId).toBe(h.id);
	});

	it('folds a second request of the same phone and hamlet into the open one, services merged', async () => {
		const first = form({ services: ['vneid'] });
		const a = (await (await file(first)).json()) as { code: string };
		const res = await file({ ...first, services: ['vssid'] });
		expect(res.status).toBe(200);
		expect(await res.json()).toMatchObject({ code: a.code, folded: true });
		const row = await rowOf(a.code);
		expect(row.duplicates).toBe(1);
		expect(JSON.parse(row.services)).toEqual(['vneid', 'vssid']);
		const all = await shardOf(t)
			.select()
			.from(helpRequests)
			.where(eq(helpRequests.phone, first.phone));
		expect(all).toHaveLength(1);
	});

	it('answers bad input with the field and the reason, and writes nothing', async () => {
		const before = (await shardOf(t).select().from(helpRequests)).length;
		const cases: [Record<string, unknown>, number, string][] = [
			[{ consent: false }, 400, 'consent'],
			[{ phone: '12345' }, 400, 'phone'],
			[{ services: [] }, 400, 'services'],
			[{ services: ['khong_co'] }, 400, 'services'],
			[{ hamletId: crypto.randomUUID() }, 400, 'hamletId'],
			[{ communeCode: '99999' }, 404, '']
		];
		for (const [over, code, field] of cases) {
			const res = await file(form(over));
			expect(res.status, JSON.stringify(over)).toBe(code);
			const body = (await res.json()) as { message: string };
			expect(body.message).toContain(field);
		}
		expect(await shardOf(t).select().from(helpRequests)).toHaveLength(before);
	});
});

describe('abuse controls', () => {
	it('refuses a fourth request for one phone within the window with 429 and Retry-After', async () => {
		const phone = nextPhone();
		for (let i = 0; i < 3; i++) expect((await file(form({ phone }))).status).toBeLessThan(300);
		const res = await file(form({ phone }));
		expect(res.status).toBe(429);
		expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
		expect(await res.json()).toMatchObject({ code: 'too_many_requests' });
	});

	it('refuses an address after ten requests in the window, whatever the phones', async () => {
		const ip = '203.0.113.77';
		for (let i = 0; i < 10; i++) expect((await file(form(), { ip })).status).toBe(201);
		const res = await file(form(), { ip });
		expect(res.status).toBe(429);
		expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(800);
		// Another address is not affected.
		expect((await file(form(), { ip: '203.0.113.78' })).status).toBe(201);
	});

	it('with Turnstile configured, files with a token siteverify accepts (test key "always passes")', async () => {
		const env = {
			TURNSTILE_SITE_KEY: '1x00000000000000000000AA',
			TURNSTILE_SECRET_KEY: '1x0000000000000000000000000000000AA',
			TURNSTILE_VERIFY_URL: stubUrl
		};
		const res = await file(form({ turnstileToken: 'XXXX.DUMMY.TOKEN.XXXX' }), { env });
		expect(res.status).toBe(201);
		expect(seen.at(-1)).toContain('XXXX.DUMMY.TOKEN.XXXX');
		// Without a token the check fails before siteverify is asked.
		const without = await file(form(), { env });
		expect(without.status).toBe(403);
		expect(await without.json()).toMatchObject({ code: 'human_check_failed' });
	});

	it('with Turnstile configured, refuses when siteverify says no (test key "always fails")', async () => {
		const env = {
			TURNSTILE_SITE_KEY: '2x00000000000000000000AB',
			TURNSTILE_SECRET_KEY: '2x0000000000000000000000000000000AA',
			TURNSTILE_VERIFY_URL: stubUrl
		};
		const before = (await shardOf(t).select().from(helpRequests)).length;
		const res = await file(form({ turnstileToken: 'XXXX.DUMMY.TOKEN.XXXX' }), { env });
		expect(res.status).toBe(403);
		expect(await shardOf(t).select().from(helpRequests)).toHaveLength(before);
	});

	it('refuses when siteverify cannot be reached (fails closed)', async () => {
		const env = {
			TURNSTILE_SITE_KEY: '1x00000000000000000000AA',
			TURNSTILE_SECRET_KEY: '1x0000000000000000000000000000000AA',
			TURNSTILE_VERIFY_URL: 'http://127.0.0.1:9/siteverify'
		};
		expect((await file(form({ turnstileToken: 'x' }), { env })).status).toBe(403);
	});
});

describe('the leaders’ side', () => {
	it('lists the commune’s requests with phones for its leader (audited), never for the public', async () => {
		expect((await call(t, '/api/help-requests?commune=05569')).status).toBe(401);
		const res = await call(t, '/api/help-requests?commune=05569', { cookie: leader.cookie });
		expect(res.status).toBe(200);
		const body = (await res.json()) as { requests: { phone: string }[]; unplanned: number };
		expect(body.requests.length).toBeGreaterThan(3);
		expect(body.requests[0]!.phone).toMatch(/^0\d{9}$/);
		const foreign = await makeUser(t.db, 'team_leader', 'foreignCommune');
		expect(
			(await call(t, '/api/help-requests?commune=05569', { cookie: foreign.cookie })).status
		).toBe(403);
	});

	it('schedules the request when its household is planned, and a synced visit closes it as visited', async () => {
		const r = (await (await file(form())).json()) as { code: string };
		const row = await rowOf(r.code);
		const plan = await call(t, '/api/routes', {
			cookie: leader.cookie,
			body: {
				communeCode: '05569',
				teamId: w.teamId,
				routes: [
					{ name: 'Yêu cầu hỗ trợ', householdIds: [row.householdId], assigneeMemberId: w.memberId }
				]
			}
		});
		expect(plan.status, await plan.clone().text()).toBe(201);
		expect(await status(r.code)).toMatchObject({ status: 'scheduled' });
		const routeId = ((await plan.json()) as { routes: { id: string }[] }).routes[0]!.id;
		// Not home: still scheduled.
		const notHome = deviceVisit({ ...w, routeId }, row.householdId!, {
			outcome: 'not_home',
			peopleHelped: 0,
			services: []
		});
		expect(
			(await call(t, '/api/visits', { cookie: w.user.cookie, body: syncRequest(v7(), [notHome]) }))
				.status
		).toBe(200);
		expect(await status(r.code)).toMatchObject({ status: 'scheduled' });
		const met = deviceVisit({ ...w, routeId }, row.householdId!, {
			adults: 1,
			services: [{ serviceCode: 'vneid', adultsUsing: 1, helped: 1 }],
			peopleHelped: 1
		});
		const sync = await call(t, '/api/visits', {
			cookie: w.user.cookie,
			body: syncRequest(v7(), [met])
		});
		expect(sync.status, await sync.clone().text()).toBe(200);
		expect(await status(r.code)).toMatchObject({ status: 'visited' });
	});

	it('counts the requests waiting more than a week unplanned, for the leader’s home', async () => {
		const r = (await (await file(form())).json()) as { code: string };
		const count = async () =>
			(await (
				await call(t, '/api/help-requests/unplanned?commune=05569', { cookie: leader.cookie })
			).json()) as { count: number; oldest: number | null };
		const before = await count();
		await shardOf(t)
			.update(helpRequests)
			.set({ createdAt: Date.now() - 8 * 86_400_000 })
			.where(eq(helpRequests.code, r.code));
		const after = await count();
		expect(after.count).toBe(before.count + 1);
		expect(after.oldest).toBeLessThanOrEqual(Date.now() - 8 * 86_400_000 + 1000);
		expect((await call(t, '/api/help-requests/unplanned?commune=05569')).status).toBe(401);
	});

	it('closes a request without a visit with its reason, shown on the status page', async () => {
		const r = (await (await file(form())).json()) as { code: string };
		const row = await rowOf(r.code);
		const res = await call(t, `/api/help-requests/${row.id}/close`, {
			cookie: leader.cookie,
			body: { reason: 'unreachable' }
		});
		expect(res.status).toBe(200);
		expect(await status(r.code)).toMatchObject({ status: 'closed', closeReason: 'unreachable' });
		const again = await call(t, `/api/help-requests/${row.id}/close`, {
			cookie: leader.cookie,
			body: { reason: 'other' }
		});
		expect(again.status).toBe(409);
	});
});

describe('retention', () => {
	it('erases the phone and address of a request ended more than 90 days ago, keeping its status', async () => {
		const old = (await (await file(form({ address: 'Số 5, ngõ 2' }))).json()) as { code: string };
		const recent = (await (await file(form())).json()) as { code: string };
		const now = Date.now();
		await shardOf(t)
			.update(helpRequests)
			.set({ status: 'closed', closeReason: 'unreachable', closedAt: now - 91 * 86_400_000 })
			.where(eq(helpRequests.code, old.code));
		await shardOf(t)
			.update(helpRequests)
			.set({ status: 'visited', closedAt: now - 89 * 86_400_000 })
			.where(eq(helpRequests.code, recent.code));
		expect(await eraseEndedRequestPhones(t.shards, now)).toBe(1);
		expect(await rowOf(old.code)).toMatchObject({ phone: null, address: null, status: 'closed' });
		expect((await rowOf(recent.code)).phone).toMatch(/^09/);
		expect(await status(old.code)).toMatchObject({ status: 'closed', closeReason: 'unreachable' });
	});
});

describe('Open311 GeoReport v2', () => {
	it('lists the services with GeoReport’s fields', async () => {
		const res = await call(t, '/api/open311/v2/services.json');
		expect(res.status).toBe(200);
		const list = (await res.json()) as Record<string, unknown>[];
		expect(list.map((s) => s.service_code)).toContain('vneid');
		for (const s of list)
			expect(Object.keys(s).sort()).toEqual(
				[
					'description',
					'group',
					'keywords',
					'metadata',
					'service_code',
					'service_name',
					'type'
				].sort()
			);
		const def = (await (await call(t, '/api/open311/v2/services/vneid.json')).json()) as {
			service_code: string;
			attributes: { code: string; datatype: string; required: boolean }[];
		};
		expect(def.service_code).toBe('vneid');
		expect(def.attributes.map((a) => a.code)).toEqual(['hamlet', 'time_of_day', 'consent']);
	});

	it('files a form-encoded request and answers its status without address, point or phone', async () => {
		const phone = nextPhone();
		const body = new URLSearchParams({
			service_code: 'vssid',
			address_id: '05569',
			'attribute[hamlet]': hamletId,
			'attribute[time_of_day]': 'afternoon',
			'attribute[consent]': 'true',
			phone,
			first_name: 'Nguyễn',
			last_name: 'Thị Lan',
			lat: '21.9',
			long: '105.6',
			address_string: 'Số 4 xóm Trên'
		}).toString();
		const res = await call(t, '/api/open311/v2/requests.json', {
			body,
			headers: { 'content-type': 'application/x-www-form-urlencoded' }
		});
		expect(res.status, await res.clone().text()).toBe(201);
		const [created] = (await res.json()) as {
			service_request_id: string;
			service_notice: string;
		}[];
		expect(created!.service_request_id).toMatch(/^19-/);
		const row = await rowOf(created!.service_request_id);
		expect(row).toMatchObject({ channel: 'open311', timeOfDay: 'afternoon', phone });
		const got = await call(t, `/api/open311/v2/requests/${created!.service_request_id}.json`);
		expect(got.status).toBe(200);
		const [r] = (await got.json()) as Record<string, unknown>[];
		expect(r).toMatchObject({
			service_request_id: created!.service_request_id,
			status: 'open',
			service_code: 'vssid'
		});
		expect(r!.requested_datetime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00$/);
		expect(r!.updated_datetime).toMatch(/\+07:00$/);
		expect(typeof r!.status_notes).toBe('string');
		for (const k of ['address', 'address_id', 'lat', 'long', 'phone', 'first_name', 'last_name'])
			expect(r).not.toHaveProperty(k);
	});

	it('answers errors as GeoReport’s [{ code, description }]', async () => {
		const res = await call(t, '/api/open311/v2/requests.json', {
			body: new URLSearchParams({
				service_code: 'vneid',
				address_id: '05569',
				phone: nextPhone()
			}).toString(),
			headers: { 'content-type': 'application/x-www-form-urlencoded' }
		});
		expect(res.status).toBe(400);
		const [e] = (await res.json()) as { code: number; description: string }[];
		expect(e).toMatchObject({ code: 400 });
		expect(e!.description).toContain('attribute[consent]');
		const missing = await call(t, '/api/open311/v2/requests/19-AAAAAA.json');
		expect(missing.status).toBe(404);
		expect(await missing.json()).toEqual([{ code: 404, description: expect.any(String) }]);
	});
});

describe('no public answer carries a phone, a name or a point', () => {
	it('keeps the status and the Open311 answers free of personal fields', async () => {
		const phone = nextPhone();
		const res = await file(form({ phone, address: 'Số 77, ngõ 5' }));
		const { code } = (await res.json()) as { code: string };
		const answers = await Promise.all(
			[
				`/api/help-requests/status/${code}`,
				`/api/open311/v2/requests/${code}.json`,
				'/api/open311/v2/services.json'
			].map(async (p) => (await call(t, p)).json())
		);
		for (const a of answers) {
			const text = strings(a).join('\n');
			expect(text).not.toContain(phone);
			expect(text).not.toContain('Số 77');
			expect(text).not.toContain('Thôn Đồng Tâm');
			const k = keys(a);
			for (const bad of [
				'phone',
				'address',
				'lat',
				'lon',
				'long',
				'headName',
				'householdId',
				'hamletId'
			])
				expect(k).not.toContain(bad);
		}
	});
});
