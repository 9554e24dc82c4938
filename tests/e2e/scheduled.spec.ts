/**
 * Issue 15, "Scheduled work inside the Worker": the built worker's `scheduled` handler, run
 * through wrangler's local scheduled route (`wrangler dev --test-scheduled`, as a Cron Trigger
 * would run it in production) — no node script involved. A member's synced visit reaches the
 * public figure only once the scheduled run has recomputed it; housekeeping clears expired rows
 * and the nightly run deletes audit entries past their retention.
 */
import { expect, test, type APIRequestContext } from '@playwright/test';
import { v7 } from 'uuid';
import { queryE2eDb, runCron } from './support/e2e-db.ts';
import { F, resetFieldFixture } from './support/field.ts';

const FREQUENT = '*/15 * * * *';
const NIGHTLY = '30 19 * * *';
const ROUTE = F.routes[0];
const DAY = 86_400_000;

/** Households reached in the fixture's province (a public count) and when it was computed, fresh. */
async function reached(request: APIRequestContext): Promise<{ count: number; computedAt: number }> {
	const res = await request.get(`/api/metrics/areas/${F.provinceCode}`, {
		headers: { 'cache-control': 'no-cache' }
	});
	expect(res.status()).toBe(200);
	const { area } = (await res.json()) as {
		area: { computedAt: number; metrics: { key: string; numerator: number | null }[] };
	};
	const figure = area.metrics.find((m) => m.key === 'households_reached');
	expect(figure?.numerator).toEqual(expect.any(Number));
	return { count: figure!.numerator!, computedAt: area.computedAt };
}

const TAG = 'e2e-sched';

test.beforeAll(() => resetFieldFixture());

// The rows the housekeeping test makes go, whatever happened (they point at the fixture's user,
// which the next fixture reset deletes and makes again).
test.afterAll(() => {
	for (const [table, key] of [
		['sessions', 'id'],
		['login_throttle', 'key'],
		['invites', 'id'],
		['audit_log', 'id']
	])
		queryE2eDb(`DELETE FROM ${table} WHERE ${key} LIKE '${TAG}-%'`);
});

test('a synced visit reaches the public figure through the scheduled run, not before', async ({
	request
}) => {
	// Figures as a scheduled run leaves them (whatever ran before this spec).
	await runCron(request, FREQUENT);
	const before = await reached(request);

	const login = await request.post('/api/auth/login', {
		data: { login: F.email, password: F.password }
	});
	expect(login.status()).toBe(200);
	const sentAt = Date.now();
	const sync = await request.post('/api/visits', {
		data: {
			deviceId: crypto.randomUUID(),
			sentAt,
			createdSeq: 1,
			pending: 1,
			oldestPendingAt: sentAt - 60_000,
			visits: [
				{
					id: v7(),
					provinceCode: F.provinceCode,
					communeCode: F.communeCode,
					householdId: `${F.householdPrefix}${ROUTE.id}-1`,
					routeId: ROUTE.id,
					memberId: F.memberId,
					visitedAt: sentAt - 60_000,
					outcome: 'met',
					adults: 2,
					peopleHelped: 1,
					note: null,
					revisitOn: null,
					services: [{ serviceCode: 'vneid', adultsUsing: 1, helped: 1 }]
				}
			]
		}
	});
	expect(sync.status(), await sync.text()).toBe(200);

	// Synced, but the public figures are the job's: unchanged until it runs.
	expect(await reached(request)).toEqual(before);
	await runCron(request, FREQUENT);
	const after = await reached(request);
	expect(after.count).toBe(before.count + 1);
	expect(after.computedAt).toBeGreaterThan(before.computedAt);
});

test('housekeeping clears expired rows; the nightly run also deletes audit entries past retention', async ({
	request
}) => {
	const now = Date.now();
	const [user] = queryE2eDb<{ id: string }>(`SELECT id FROM users WHERE email = '${F.email}'`);
	const uid = user!.id;
	const tag = `${TAG}-${now.toString(36)}`;
	queryE2eDb(`INSERT INTO sessions (id, user_id, created_at, last_seen_at, expires_at) VALUES
		('${tag}-expired', '${uid}', ${now - 40 * DAY}, ${now - 31 * DAY}, ${now - DAY}),
		('${tag}-live', '${uid}', ${now}, ${now}, ${now + DAY})`);
	queryE2eDb(`INSERT INTO login_throttle (key, failures, window_start, locked_until) VALUES
		('${tag}-old', 3, ${now - DAY}, 0), ('${tag}-locked', 5, ${now}, ${now + DAY})`);
	queryE2eDb(`INSERT INTO invites (id, token_hash, role, created_by, created_at, expires_at,
		accepted_at, accepted_by) VALUES
		('${tag}-lapsed', '${tag}-1', 'member', '${uid}', ${now - 60 * DAY}, ${now - 40 * DAY}, NULL, NULL),
		('${tag}-recent', '${tag}-2', 'member', '${uid}', ${now - 20 * DAY}, ${now - 10 * DAY}, NULL, NULL),
		('${tag}-used', '${tag}-3', 'member', '${uid}', ${now - 60 * DAY}, ${now - 40 * DAY},
			${now - 50 * DAY}, '${uid}')`);
	queryE2eDb(`INSERT INTO audit_log (id, at, kind, action, entity) VALUES
		('${tag}-ancient', ${now - 6 * 365 * DAY}, 'write', 'team.create', 'team'),
		('${tag}-kept', ${now - 4 * 365 * DAY}, 'write', 'team.create', 'team')`);
	const left = () =>
		queryE2eDb<{ id: string }>(`SELECT id FROM sessions WHERE id LIKE '${tag}%'
			UNION ALL SELECT key FROM login_throttle WHERE key LIKE '${tag}%'
			UNION ALL SELECT id FROM invites WHERE id LIKE '${tag}%'
			UNION ALL SELECT id FROM audit_log WHERE id LIKE '${tag}%' ORDER BY 1`).map((r) => r.id);

	await runCron(request, FREQUENT);
	// Expired session, spent throttle row and lapsed unused invite gone; the audit untouched.
	expect(left()).toEqual(
		[
			`${tag}-ancient`,
			`${tag}-kept`,
			`${tag}-live`,
			`${tag}-locked`,
			`${tag}-recent`,
			`${tag}-used`
		].sort()
	);
	await runCron(request, NIGHTLY);
	expect(left()).toEqual(
		[`${tag}-kept`, `${tag}-live`, `${tag}-locked`, `${tag}-recent`, `${tag}-used`].sort()
	);
	const [pruned] = queryE2eDb<{ detail: string }>(
		`SELECT detail FROM audit_log WHERE action = 'audit.prune' ORDER BY at DESC LIMIT 1`
	);
	expect(JSON.parse(pruned!.detail)).toMatchObject({ years: 5 });
	expect(JSON.parse(pruned!.detail).rows).toBeGreaterThanOrEqual(1);
});
