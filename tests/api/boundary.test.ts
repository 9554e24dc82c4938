/**
 * The API's boundary (issue 13, defects 4 and 12): a body that is not JSON is a 400 with a clear
 * message, a body over its route's limit is a 413 before it is read or the caller looked up, and
 * a long search never reaches D1 as a LIKE pattern it refuses.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 } from 'uuid';
import { openTestDb, type TestDb } from './support/db.ts';
import { AREAS, call, makeTeam, makeUser, type TestUser } from './support/accounts-factory.ts';
import { createApiApp } from '../../src/lib/server/api/app.ts';
import {
	BODY_LIMITS,
	DEFAULT_BODY_LIMIT,
	bodyLimitFor
} from '../../src/lib/server/api/middleware/body-limit.ts';
import { routePlanBody } from '../../src/lib/server/api/routes/visit-routes-input.ts';
import { MAX_VISITS_PER_SYNC, syncBody } from '../../src/lib/server/api/routes/visits-input.ts';
import { DEFAULT_SERVICES } from '../../src/lib/domain/services.ts';
import { insertArea } from './support/records-factory.ts';

/** 62 letters: its search key is longer than the 48 a LIKE pattern leaves for it. */
const LONG_NAME = 'Thị trấn Nông trường Mộc Châu Sơn La Tây Bắc Việt Nam Quê Hương';

let t: TestDb;
let admin: TestUser;
let teamId: string;
beforeAll(async () => {
	t = await openTestDb();
	await insertArea(t.db, [
		{ code: AREAS.own.communeCode, provinceCode: AREAS.own.provinceCode, name: 'Định Hoá' },
		{ code: AREAS.foreignProvince.communeCode, provinceCode: '01', name: 'Ba Đình' },
		{ code: '99999', provinceCode: '01', name: LONG_NAME }
	]);
	admin = await makeUser(t.db, 'commune_admin');
	teamId = (await makeTeam(t.db)).id;
});
afterAll(() => t.close());

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- error bodies are asserted field by field
const json = (r: Response) => r.json() as Promise<any>;

function send(method: string, path: string, body: BodyInit, headers: Record<string, string> = {}) {
	return call(t, path, {
		method,
		body: body as string,
		cookie: admin.cookie,
		headers: { 'content-type': 'application/json', ...headers }
	});
}

describe('a body that is not JSON', () => {
	const bodies = [
		['an unclosed brace', '{'],
		['an empty body', ''],
		['NaN, which JSON has not', '{"a":NaN}'],
		['a trailing comma', '{"name":"Tổ 1",}']
	] as const;
	const endpoints = [
		['POST', '/api/teams'],
		['PATCH', '/api/teams/:team'],
		['POST', '/api/auth/login'],
		['POST', '/api/visits'],
		['POST', '/api/routes']
	] as const;
	for (const [method, path] of endpoints) {
		it.each(bodies)(`is a 400 malformed_json on ${method} ${path}: %s`, async (_, body) => {
			const res = await send(method, path.replace(':team', teamId), body);
			expect(res.status).toBe(400);
			const err = await json(res);
			expect(err.code).toBe('malformed_json');
			expect(err.message).toBe('The request body is not valid JSON');
			expect(err.requestId).toBeTruthy();
		});
	}
});

describe('a body over its route limit', () => {
	const big = (bytes: number) => `{"name":"${'a'.repeat(bytes)}"}`;

	it('is a 413 too_large for 20 MB of JSON, before the login check', async () => {
		const res = await createApiApp().request(
			'http://localhost/api/teams',
			{
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: big(20 * 1024 * 1024)
			},
			{ DB: t.d1 }
		);
		expect(res.status).toBe(413);
		const err = await json(res);
		expect(err.code).toBe('too_large');
		expect(err.message).toBe('The request body is larger than 128 KB');
	});

	it('is a 413 when the declared length is over the limit, whatever is sent', async () => {
		const res = await send('POST', '/api/teams', '{}', {
			'content-length': String(DEFAULT_BODY_LIMIT + 1)
		});
		expect(res.status).toBe(413);
	});

	it('is a 413 for a streamed body with no declared length, as soon as it passes the limit', async () => {
		const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
		let sent = 0;
		const stream = new ReadableStream<Uint8Array>({
			pull(ctrl) {
				if (sent++ < 320) ctrl.enqueue(chunk);
				else ctrl.close();
			}
		});
		const res = await createApiApp().request(
			'http://localhost/api/teams',
			{
				method: 'POST',
				headers: { 'content-type': 'application/json', cookie: admin.cookie },
				body: stream,
				duplex: 'half'
			} as RequestInit,
			{ DB: t.d1 }
		);
		expect(res.status).toBe(413);
		expect(sent).toBeLessThan(10);
	});

	it('lets a body just under the default limit through to validation', async () => {
		const res = await send('POST', '/api/teams', big(DEFAULT_BODY_LIMIT - 100));
		expect(res.status).toBe(400);
		expect((await json(res)).code).toBe('invalid_json');
	});

	it.each(BODY_LIMITS.map((r) => [`${r.method} ${r.path}`, r] as const))(
		'allows more only where listed: %s',
		async (_, rule) => {
			expect(rule.maxBytes).toBeGreaterThan(DEFAULT_BODY_LIMIT);
			expect(bodyLimitFor(rule.method, rule.path)).toBe(rule.maxBytes);
			expect(bodyLimitFor('PATCH', rule.path)).toBe(DEFAULT_BODY_LIMIT);
		}
	);
});

/** A realistic big team plan: 2,000 households in 100 outings, all revisits, a drawn area. */
function bigPlan() {
	const ids = Array.from({ length: 2000 }, () => crypto.randomUUID());
	const area = Array.from({ length: 500 }, (_, i) => [
		105.812345 + i / 100_000,
		21.812345 + i / 100_000
	]);
	return {
		communeCode: AREAS.own.communeCode,
		teamId: crypto.randomUUID(),
		area,
		start: [105.812345, 21.812345],
		revisit: true,
		travelMode: 'foot',
		walkMetersPerMinute: 67,
		minutesPerHouse: 8,
		routes: Array.from({ length: 100 }, (_, r) => {
			const householdIds = ids.slice(r * 20, r * 20 + 20);
			return {
				name: `Ngõ ${r + 1}, ngách 3, phố Lò Đúc — Thứ Hai 09/12/2026 · Sáng (nhóm ${r + 1})`,
				householdIds,
				assigneeMemberId: crypto.randomUUID(),
				plannedOn: '2026-12-09',
				session: 'morning',
				sessionMinutes: 180,
				start: [105.812345, 21.812345],
				startKind: 'hamlet',
				revisit: true,
				revisitIds: householdIds
			};
		})
	};
}

/** The largest realistic sync: 500 visits, each with a 1,000-letter note and every service. */
function bigSync() {
	const note = 'Bà cụ đã cài VNeID, hẹn tuần sau quay lại hướng dẫn thanh toán. '
		.repeat(20)
		.slice(0, 1000);
	const visits = Array.from({ length: MAX_VISITS_PER_SYNC }, () => ({
		id: v7(),
		...AREAS.own,
		householdId: crypto.randomUUID(),
		routeId: crypto.randomUUID(),
		memberId: crypto.randomUUID(),
		visitedAt: Date.now(),
		outcome: 'met',
		adults: 3,
		peopleHelped: 3,
		note,
		revisitOn: '2026-12-20',
		services: DEFAULT_SERVICES.map((s) => ({ serviceCode: s.code, adultsUsing: 3, helped: 3 }))
	}));
	const now = Date.now();
	return { deviceId: crypto.randomUUID(), sentAt: now, createdSeq: 500, pending: 500, visits };
}

describe('the larger limits fit the largest realistic body', () => {
	const bytes = (v: unknown) => new TextEncoder().encode(JSON.stringify(v)).length;

	it('a team plan of 2,000 households fits POST /api/routes with room to spare', () => {
		const plan = bigPlan();
		expect(routePlanBody.safeParse(plan).success).toBe(true);
		expect(bytes(plan) * 2).toBeLessThan(bodyLimitFor('POST', '/api/routes'));
	});

	it('a sync of 500 full visits fits POST /api/visits with room to spare', () => {
		const sync = bigSync();
		expect(syncBody.safeParse(sync).success).toBe(true);
		expect(bytes(sync) * 1.5).toBeLessThan(bodyLimitFor('POST', '/api/visits'));
	});
});

describe('GET /api/search with a long query', () => {
	const queries = [
		['49 ASCII letters', 'a'.repeat(49)],
		['80 ASCII letters', 'dinh hoa '.repeat(9).slice(0, 80)],
		['80 Vietnamese letters', 'Định Hoá Thái Nguyên '.repeat(4).slice(0, 80)],
		['80 letters of 3 bytes each', 'ệ'.repeat(80)],
		['wildcards only', '%%%___']
	];
	it.each(queries)('answers 200, never 500: %s', async (_, q) => {
		const res = await call(t, `/api/search?q=${encodeURIComponent(q)}`);
		expect(res.status).toBe(200);
	});

	it('still finds a place whose whole name is longer than a LIKE pattern may be', async () => {
		const res = await call(t, `/api/search?q=${encodeURIComponent(LONG_NAME)}`);
		expect(res.status).toBe(200);
		expect((await json(res)).results.map((r: { code: string }) => r.code)).toEqual(['99999']);
	});
});
