/**
 * GET /api/forecast (issue 17 §2) against the real local D1: the weekly history read on the
 * province's shard — households added and first visited per week, a household's later visits not
 * counted again, do-not-contact households never visited left out — per team area (a hamlet, or
 * the whole commune), scoped like the leader's home, and read through indexes.
 */
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { TestDb } from './support/db.ts';
import { useSeededDb } from './support/seeded-db.ts';
import {
	AREAS,
	call,
	makeHamlet,
	makeTeam,
	makeUser,
	shardOf,
	type TestUser
} from './support/accounts-factory.ts';
import {
	household,
	insertHouseholdsIn,
	insertVisitsIn,
	visit,
	visitId
} from './support/records-factory.ts';
import { teams } from '../../src/lib/server/db/schema/index.ts';
import type { ForecastBody } from '../../src/lib/server/api/routes/forecast.ts';
import { forecastSql } from '../../src/lib/server/db/queries/forecast.ts';
import { forecastWeeks } from '../../src/lib/domain/forecast-history.ts';
import { addDays, vnDayStart, vnToday } from '../../src/lib/domain/vn-time.ts';

let t: TestDb;
const u = {} as Record<'leaderA' | 'leaderB' | 'member' | 'admin' | 'otherAdmin', TestUser>;
const ids = { A: '', B: '', hamlet: '' };
const WEEKS = forecastWeeks(vnToday());
/** Noon on Wednesday of the week `back` weeks before the current one. */
const inWeek = (back: number) => vnDayStart(addDays(WEEKS.at(-1)!, -7 * back)) + 2.5 * 86_400_000;

/**
 * Hamlet H (team A's): 40 households known before the period and 10 added three weeks ago;
 * 5 more households with no hamlet (team B covers the whole commune). First visits: one before
 * the period, then 3 a week in H over the last 12 completed weeks, and second visits that must
 * not count again. A do-not-contact household never visited is left out, one visited counts.
 */
async function world() {
	const h = await makeHamlet(t.db, 'own', 'Thôn Đồng Tâm');
	ids.hamlet = h.id;
	const a = await makeTeam(t.db, 'own', 'Tổ Đồng Tâm');
	await t.db.update(teams).set({ hamletId: h.id }).where(eq(teams.id, a.id));
	ids.A = a.id;
	ids.B = (await makeTeam(t.db, 'own', 'Tổ xã')).id;
	const old = inWeek(40);
	const inH = (i: number, createdAt = old) =>
		household(AREAS.own, { hamletId: h.id, createdAt, address: `Số ${i}, Thôn Đồng Tâm` });
	const hh = [
		...Array.from({ length: 40 }, (_, i) => inH(i + 1)),
		...Array.from({ length: 10 }, (_, i) => inH(i + 41, inWeek(3))),
		...Array.from({ length: 5 }, (_, i) =>
			household(AREAS.own, { createdAt: old, address: `Số ${i + 1}, Xóm Chợ` })
		),
		household(AREAS.own, { hamletId: h.id, createdAt: old, doNotContact: true, address: 'Số 90' }),
		household(AREAS.own, { hamletId: h.id, createdAt: old, doNotContact: true, address: 'Số 91' })
	];
	await insertHouseholdsIn(t, hh);
	const at = (householdId: string, ms: number) => ({
		...visit(AREAS.own, householdId, 0),
		id: visitId(ms),
		visitedAt: ms
	});
	const visits = [at(hh[0]!.id!, inWeek(35)), at(hh[56]!.id!, inWeek(30))]; // before the period
	for (let w = 1; w <= 12; w++) {
		for (let k = 0; k < 3; k++) visits.push(at(hh[w * 3 + k - 2]!.id!, inWeek(w) + k * 60_000));
		visits.push(at(hh[0]!.id!, inWeek(w) + 3_600_000)); // a second visit: not a first one
	}
	await insertVisitsIn(t, visits);
}

useSeededDb(async (db) => {
	t = db;
	await world();
	u.leaderA = await makeUser(t.db, 'team_leader', 'own', ids.A);
	u.leaderB = await makeUser(t.db, 'team_leader', 'own', ids.B);
	u.member = await makeUser(t.db, 'member', 'own', ids.A);
	u.admin = await makeUser(t.db, 'commune_admin');
	u.otherAdmin = await makeUser(t.db, 'commune_admin', 'foreignCommune');
});

const get = (user: TestUser) => call(t, '/api/forecast?commune=05569', { cookie: user.cookie });
async function forecast(user: TestUser): Promise<ForecastBody> {
	const res = await get(user);
	expect(res.status, await res.clone().text()).toBe(200);
	return (await res.json()) as ForecastBody;
}

describe("a team leader's forecast", () => {
	it("draws its hamlet's burn-up: households known and first visited, week by week", async () => {
		const body = await forecast(u.leaderA);
		expect(body.communeForecast).toBeNull();
		expect(body.teams.map((x) => [x.id, x.hamletName])).toEqual([[ids.A, 'Thôn Đồng Tâm']]);
		const { burnUp } = body.teams[0]!;
		expect(burnUp.map((p) => p.week)).toEqual(WEEKS);
		const last = burnUp.length - 1;
		// 40 + the visited do-not-contact one; 10 more three weeks ago
		expect(burnUp[0]).toEqual({ week: WEEKS[0], scope: 41, done: 2 });
		expect(burnUp[last - 3]!.scope - burnUp[last - 4]!.scope).toBe(10);
		expect(burnUp[last]!.scope).toBe(51);
		const perWeek = burnUp.slice(1).map((p, i) => p.done - burnUp[i]!.done);
		expect(perWeek.slice(-13)).toEqual([...Array(12).fill(3), 0]);
		expect(burnUp[last]!.done).toBe(2 + 36);
	});

	it('forecasts the 13 households left at about three a week, never before today', async () => {
		const { forecast: f } = (await forecast(u.leaderA)).teams[0]!;
		expect(f.status).toBe('forecast');
		if (f.status !== 'forecast') return;
		expect(f.remaining).toBe(13);
		expect(f.meanThroughput).toBe(3);
		expect(f.p50! >= vnToday()).toBe(true);
		expect(f.p50! <= f.p85!).toBe(true);
		// 13 left at 3 a week take four weeks and some; households found (10 in one of the 12
		// weeks) may add a few more
		expect(f.p50! >= addDays(WEEKS.at(-1)!, 7 * 3 + 6)).toBe(true);
		expect(f.p85! <= addDays(WEEKS.at(-1)!, 7 * 12 + 6)).toBe(true);
		expect(f.scopeGrowth.high).toBeGreaterThanOrEqual(10);
	});

	it('gives a commune-wide team the whole commune', async () => {
		const body = await forecast(u.leaderB);
		expect(body.teams.map((x) => [x.id, x.hamletName])).toEqual([[ids.B, null]]);
		expect(body.teams[0]!.burnUp.at(-1)).toEqual({ week: WEEKS.at(-1), scope: 56, done: 38 });
	});

	it('is refused to members and to another commune’s admin', async () => {
		expect((await get(u.member)).status).toBe(403);
		expect((await get(u.otherAdmin)).status).toBe(403);
	});
});

describe("a commune admin's forecast", () => {
	it('gives every active team and the commune as a whole', async () => {
		const body = await forecast(u.admin);
		expect(body.teams.map((x) => x.id).sort()).toEqual([ids.A, ids.B].sort());
		expect(body.communeForecast!.burnUp.at(-1)).toMatchObject({ scope: 56, done: 38 });
		expect(body.communeForecast!.forecast.status).toBe('forecast');
	});
});

describe('the shard query', () => {
	it.each([true, false])(
		'reads households and visits through indexes (one hamlet: %s)',
		async (one) => {
			const plan = await shardOf(t)
				.$client.prepare(`EXPLAIN QUERY PLAN ${forecastSql(one)}`)
				.bind('19', '05569', vnDayStart(WEEKS[0]!), one ? ids.hamlet : null)
				.all<{ detail: string }>();
			const lines = plan.results.map((r) => r.detail);
			expect(
				lines.filter((l) => /^SCAN (hh|v|households|visits)\b/.test(l)),
				lines.join('\n')
			).toEqual([]);
			expect(lines.join('\n')).toMatch(/visits_household_idx/);
		}
	);
});
