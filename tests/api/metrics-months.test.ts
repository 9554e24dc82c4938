/**
 * The monthly series (issue 16 §1) on the real local D1: flows in their own month, stocks as at
 * a month's end, closing a month, the audited recompute, and the public month endpoints.
 * Times are relative to the real clock: the endpoints know the current month from it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import Papa from 'papaparse';
import { openTestDb, type TestDb } from './support/db.ts';
import {
	hamlet,
	household,
	insertArea,
	insertHouseholdsIn,
	insertServices,
	insertVisitsIn,
	member,
	team,
	visit
} from './support/records-factory.ts';
import { makeUser, type TestUser } from './support/accounts-factory.ts';
import { insertHamlets } from '../../src/lib/server/db/writes/hamlets.ts';
import { insertMembers, insertTeams } from '../../src/lib/server/db/writes/teams.ts';
import { computeMetrics, runMetrics } from '../../src/lib/server/metrics/job.ts';
import { runMonths } from '../../src/lib/server/metrics/months.ts';
import { createApiApp } from '../../src/lib/server/api/app.ts';
import {
	addMonths,
	lastMonths,
	monthBounds,
	monthOf,
	monthPeriod,
	previousMonth
} from '../../src/lib/domain/metric-months.ts';
import type { MetricPayload, AreaDetail } from '../../src/lib/domain/metric-payload.ts';
import type {
	ChangePayload,
	MonthsList,
	SeriesPayload
} from '../../src/lib/domain/metric-month-payload.ts';

const A = { provinceCode: '19', communeCode: '05923' }; // many households: figures shown
const B = { provinceCode: '19', communeCode: '05926' }; // 3 households: small counts
const C = { provinceCode: '19', communeCode: '05929' }; // mid-sized: hidden to protect B
const D = { provinceCode: '20', communeCode: '06040' }; // another province
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const NOW = Date.now();
const CUR = monthOf(NOW);
const PREV = previousMonth(CUR);
const OLD = addMonths(CUR, -3);
/** An instant `days` days and 3 hours into a month (Vietnam time). */
const inMonth = (month: string, days: number) => monthBounds(month).startMs + days * DAY + 3 * HOUR;
/** Within the current month, before now (the test needs now ≥ 2 h into the month). */
const EARLY_CUR = Math.min(inMonth(CUR, 0), NOW - HOUR);
const END_PREV = monthBounds(PREV).endMs - 2 * HOUR;

let t: TestDb;
let admin: TestUser;
let communeAdmin: TestUser;
const app = createApiApp();
const get = async <T>(path: string) => {
	const res = await app.request(path, {}, t.env);
	return { status: res.status, body: (await res.json()) as T };
};
const households = {
	A: Array.from({ length: 60 }, () => household(A, { adults: 2, createdAt: inMonth(OLD, 2) })),
	B: Array.from({ length: 3 }, () => household(B, { adults: 2, createdAt: inMonth(OLD, 2) })),
	C: Array.from({ length: 30 }, () => household(C, { adults: 2, createdAt: inMonth(OLD, 2) }))
};
const helpedVisit = (area: typeof A, id: string, at: number) => ({
	...visit(area, id, 0, { adults: 2, peopleHelped: 1 }),
	visitedAt: at,
	services: [{ serviceCode: 'vneid', adultsUsing: 1, helped: 1 }]
});
const row = async (code: string, month: string) =>
	(await t.db.get<Record<string, number | null>>(
		sql`SELECT * FROM area_months WHERE code = ${code} AND month = ${month}`
	))!;
const helped = async (code: string, month: string) =>
	(
		await t.db.get<{ helped: number }>(
			sql`SELECT helped FROM area_month_services
				WHERE code = ${code} AND month = ${month} AND service_code = 'vneid'`
		)
	)?.helped;
/** One scheduled run's metrics part at `at`: the incremental job, then the series. */
const run = async (at: number) => {
	await runMetrics(t.db, { now: new Date(at), shards: t.shards });
	return runMonths(t.db, { now: new Date(at), shards: t.shards });
};

beforeAll(async () => {
	t = await openTestDb();
	await insertArea(t.db, [
		{ code: A.communeCode, provinceCode: '19', population: 12_000 },
		{ code: B.communeCode, provinceCode: '19', population: 9_000 },
		{ code: C.communeCode, provinceCode: '19', population: 7_000 },
		{ code: D.communeCode, provinceCode: '20', population: 5_000 },
		{ code: '00004', provinceCode: '01', population: 5_000 },
		{ code: '05569', provinceCode: '19', population: 5_000 }
	]);
	await insertServices(t.db);
	const h = hamlet(A, { createdAt: inMonth(OLD, 1) });
	await insertHamlets(t.db, [h]);
	const teams = [team(A, { hamletId: h.id, createdAt: inMonth(OLD, 1) }), team(D)];
	await insertTeams(t.db, teams);
	await insertMembers(t.db, [
		...Array.from({ length: 12 }, () => member(A, teams[0]!.id, { createdAt: inMonth(OLD, 1) }))
	]);
	await insertHouseholdsIn(t, [...households.A, ...households.B, ...households.C]);
	// Three months ago: 11 visits in C (history, reconstructed by the backfill).
	// Last month: 25 of A's households, all 3 of B's, 12 of C's.
	await insertVisitsIn(t, [
		...households.C.slice(0, 11).map((hh) => helpedVisit(C, hh.id, inMonth(OLD, 5))),
		...households.A.slice(0, 25).map((hh) => helpedVisit(A, hh.id, inMonth(PREV, 9))),
		...households.B.map((hh) => helpedVisit(B, hh.id, inMonth(PREV, 9))),
		...households.C.slice(0, 12).map((hh) => helpedVisit(C, hh.id, inMonth(PREV, 9)))
	]);
	// The job as it ran late last month: the figures, then the series (last month open).
	await computeMetrics(t.db, { now: new Date(END_PREV), shards: t.shards });
	await runMonths(t.db, { now: new Date(END_PREV), shards: t.shards, limits: { backfill: 10 } });
	admin = await makeUser(t.db, 'admin');
	communeAdmin = await makeUser(t.db, 'commune_admin');
}, 180_000);
afterAll(() => t.close());

describe('the metrics job keeps a monthly series', () => {
	it('writes the current month as now (open) and backfills earlier months from the records', async () => {
		const prev = await row(A.communeCode, PREV);
		expect(prev).toMatchObject({ closed: 0, teams: 1, members: 12, visits: 25 });
		expect(prev.households_reached).toBe(25);
		expect(await helped(A.communeCode, PREV)).toBe(25);
		// Three months ago, reconstructed: C's 11 visits in their own month; A's team existed.
		expect(await row(C.communeCode, OLD)).toMatchObject({ closed: 1, visits: 11 });
		expect(await helped(C.communeCode, OLD)).toBe(11);
		expect((await row(A.communeCode, OLD)).teams).toBe(1);
		expect((await row(C.communeCode, OLD)).households_reached).toBe(11);
		// Before any record: no row, so "no data" rather than 0.
		expect(
			await t.db.get(sql`SELECT 1 FROM area_months WHERE code = ${A.communeCode}
			AND month = ${addMonths(OLD, -1)}`)
		).toBeUndefined();
		// Provinces and the country are summed per month.
		expect((await row('19', PREV)).visits).toBe(40);
		expect((await row('VN', OLD)).visits).toBe(11);
	});

	it('closes last month at the first run of this one: flows in their own month, stocks as at its end', async () => {
		// A new team and 14 visits this month, synced before the run.
		await insertTeams(t.db, [team(A, { createdAt: EARLY_CUR })]);
		await insertVisitsIn(
			t,
			households.A.slice(25, 39).map((hh) => helpedVisit(A, hh.id, EARLY_CUR))
		);
		const r = await run(NOW);
		expect(r.closed).toEqual([PREV]);
		expect(await row(A.communeCode, PREV)).toMatchObject({ closed: 1, teams: 1, visits: 25 });
		expect(await row(A.communeCode, CUR)).toMatchObject({ closed: 0, teams: 2, visits: 14 });
		expect(await helped(A.communeCode, CUR)).toBe(14);
		expect(await row('VN', PREV)).toMatchObject({ closed: 1, visits: 40 });
	});

	it('keeps a closed month as it was when a late visit of that month arrives', async () => {
		await insertVisitsIn(t, [helpedVisit(A, households.A[50]!.id, inMonth(PREV, 20))]);
		const r = await run(NOW + 60_000);
		expect(r.closed).toEqual([]);
		expect(await row(A.communeCode, PREV)).toMatchObject({ closed: 1, visits: 25 });
		expect(await helped(A.communeCode, PREV)).toBe(25);
	});
});

describe('POST /api/metrics/months/:month/recompute', () => {
	const recompute = (month: string, cookie?: string) =>
		app.request(
			`/api/metrics/months/${month}/recompute`,
			{ method: 'POST', headers: { ...(cookie ? { cookie } : {}), origin: 'http://localhost' } },
			t.env
		);

	it('refuses the public and anyone but an admin, and a month that has not ended', async () => {
		expect((await recompute(PREV)).status).toBe(401);
		expect((await recompute(PREV, communeAdmin.cookie)).status).toBe(403);
		expect((await recompute(CUR, admin.cookie)).status).toBe(400);
		expect((await recompute('2026-13', admin.cookie)).status).toBe(400);
		expect((await row(A.communeCode, PREV)).visits).toBe(25);
	});

	it('rebuilds a closed month from the records for an admin and writes the audit log', async () => {
		const res = await recompute(PREV, admin.cookie);
		expect(res.status).toBe(200);
		expect(await res.json()).toMatchObject({ month: PREV, communes: 6 });
		// The late visit now counts; the stock is as at the month's end (this month's team not in it).
		expect(await row(A.communeCode, PREV)).toMatchObject({ closed: 1, visits: 26, teams: 1 });
		expect(await helped(A.communeCode, PREV)).toBe(26);
		expect((await row('19', PREV)).visits).toBe(41);
		const entry = await t.db.get<{ actor_user_id: string; entity_id: string }>(
			sql`SELECT actor_user_id, entity_id FROM audit_log WHERE action = 'metrics.recompute_month'`
		);
		expect(entry).toEqual({ actor_user_id: admin.id, entity_id: PREV });
	});
});

describe('public month endpoints', () => {
	it('lists the months that have figures, newest first, with the current month', async () => {
		const { status, body } = await get<MonthsList>('/api/metrics/months');
		expect(status).toBe(200);
		expect(body.current).toBe(CUR);
		expect(body.months.slice(0, 2)).toEqual([
			{ month: CUR, closed: false },
			{ month: PREV, closed: true }
		]);
		expect(body.months.map((m) => m.month)).toContain(OLD);
	});

	it('serves one month of a metric, hiding a 1–10 count of that month', async () => {
		const { status, body } = await get<MetricPayload>(
			`/api/metrics/communes?metric=helped_vneid&month=${PREV}`
		);
		expect(status).toBe(200);
		expect(body.period).toEqual(monthPeriod(PREV));
		expect(body.values[A.communeCode]).toBe(26);
		// B helped 3 people: hidden; C too, or B would be the province less A and C.
		expect(body.suppressed).toEqual(expect.arrayContaining([B.communeCode, C.communeCode]));
		expect(body.values[B.communeCode]).toBeUndefined();
		expect(body.provinces['19']).toBe(41);
	});

	it("says how many communes a province's and the country's figure of a month stands on", async () => {
		const communes = await t.db.all<{ p: string | null; n: number }>(
			sql`SELECT province_code AS p, count(*) AS n FROM communes GROUP BY province_code`
		);
		const inProvince = communes.find((c) => c.p === '19')!.n;
		const all = communes.reduce((s, c) => s + c.n, 0);
		const { body } = await get<MetricPayload>(
			`/api/metrics/communes?metric=helped_vneid&month=${PREV}`
		);
		// A, B and C had records by last month's end; 05569 none.
		expect(body.provinceBasis!['19']).toEqual({ withData: 3, communes: inProvince });
		expect(body.countryBasis!.communes).toBe(all);
		// Reached: the communes whose households are known (A, B, C).
		const reached = await get<MetricPayload>(
			`/api/metrics/communes?metric=households_reached&month=${PREV}`
		);
		expect(reached.body.provinceBasis!['19']).toEqual({ withData: 3, communes: inProvince });
		const vn = await get<SeriesPayload>('/api/metrics/series/19?metric=hamlet_coverage');
		expect(vn.body.months.find((m) => m.month === PREV)!.basis).toEqual({
			withData: 1,
			communes: inProvince
		});
		const change = await get<ChangePayload>(
			`/api/metrics/communes?metric=helped_vneid&month=${CUR}&since=${PREV}`
		);
		expect(change.body.provinceBasis!['19']).toEqual({
			fromWithData: 3,
			withData: 3,
			communes: inProvince
		});
		expect(change.body.countryBasis!.communes).toBe(all);
	});

	it('leaves the map default (the last 12 months) as it was without a month', async () => {
		const { body } = await get<MetricPayload>('/api/metrics/communes?metric=helped_vneid');
		expect(body.period.end).toBe(new Date(NOW + 60_000).toISOString());
		expect(body.values[A.communeCode]).toBe(25 + 14 + 1);
	});

	it('answers the change since an earlier month, only where both months show a value', async () => {
		const { status, body } = await get<ChangePayload>(
			`/api/metrics/communes?metric=households_reached&month=${CUR}&since=${PREV}`
		);
		expect(status).toBe(200);
		expect(body).toMatchObject({ metric: 'households_reached', from: PREV, to: CUR });
		expect(body.values[A.communeCode]).toBeCloseTo(40 / 60 - 26 / 60, 3);
		expect(body.suppressed).toContain(B.communeCode);
		expect(body.breaks).toEqual(body.breaks.map((b) => -b).reverse());
	});

	it.each([
		['a malformed month', '/api/metrics/communes?metric=teams&month=2026-13', 400],
		['a month not begun', `/api/metrics/communes?metric=teams&month=${addMonths(CUR, 2)}`, 400],
		['since after month', `/api/metrics/communes?metric=teams&month=${PREV}&since=${CUR}`, 400],
		['a month without figures', '/api/metrics/communes?metric=teams&month=2001-01', 404],
		['a malformed month of an area', '/api/metrics/areas/05923?month=11-2026', 400]
	])('refuses %s', async (_, path, status) => {
		const res = await get<{ code: string; message: string }>(path);
		expect(res.status).toBe(status);
		expect(res.body.message).toMatch(/month|since|figures/i);
	});

	it("serves a commune's series over 24 months, oldest first, no data before its records", async () => {
		const { body } = await get<SeriesPayload>(
			`/api/metrics/series/${A.communeCode}?metric=helped_vneid`
		);
		expect(body).toMatchObject({ code: A.communeCode, level: 'commune', kind: 'count' });
		expect(body.months.map((m) => m.month)).toEqual(lastMonths(CUR, 24));
		const at = (m: string) => body.months.find((p) => p.month === m)!;
		expect(at(PREV)).toEqual({ month: PREV, status: 'value', value: 26, closed: true });
		expect(at(CUR)).toMatchObject({ status: 'value', value: 14, closed: false });
		expect(at(addMonths(OLD, -1))).toMatchObject({ status: 'no_data', value: null });
		const b = await get<SeriesPayload>(`/api/metrics/series/${B.communeCode}?metric=helped_vneid`);
		expect(b.body.months.find((p) => p.month === PREV)!.status).toBe('suppressed');
		const vn = await get<SeriesPayload>('/api/metrics/series/VN?metric=teams');
		expect(vn.body.level).toBe('country');
	});

	it("serves an area's figures for a month", async () => {
		const { status, body } = await get<AreaDetail>(`/api/metrics/areas/05923?month=${PREV}`);
		expect(status).toBe(200);
		const teams = body.area.metrics.find((m) => m.key === 'teams')!;
		expect(teams).toMatchObject({ status: 'value', value: 1 });
		const now = await get<AreaDetail>('/api/metrics/areas/05923');
		expect(now.body.area.metrics.find((m) => m.key === 'teams')!.value).toBe(2);
	});

	it('exports the change since an earlier month, a row hidden when either month hides it', async () => {
		const path = `/api/exports/metrics.csv?metric=helped_vneid&area=19&month=${CUR}&since=${PREV}`;
		const res = await app.request(path, {}, t.env);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-disposition')).toContain(
			`tung-ngo-helped_vneid-19-${PREV}-den-${CUR}.csv`
		);
		const [header, ...rows] = Papa.parse<string[]>((await res.text()).replace(/^\uFEFF/, ''), {
			skipEmptyLines: true
		}).data;
		const col = (name: string) => header!.indexOf(name);
		const rowOf = (code: string) => rows.find((r) => r[col('Mã')] === code)!;
		const months = await Promise.all(
			[PREV, CUR].map(
				async (m) =>
					(await get<MetricPayload>(`/api/metrics/communes?metric=helped_vneid&month=${m}`)).body
			)
		);
		const [prev, cur] = months as [MetricPayload, MetricPayload];
		// A: shown in both months, the difference (14 − 26), signed as the map shows it.
		expect(rowOf(A.communeCode)[col('Giá trị')]).toBe(
			String(cur.values[A.communeCode]! - prev.values[A.communeCode]!)
		);
		expect(rowOf(A.communeCode)[col('Trạng thái')]).toBe('ok');
		// B was hidden last month (3 people): its change is hidden whatever this month shows.
		expect(prev.suppressed).toContain(B.communeCode);
		expect(rowOf(B.communeCode).slice(col('Giá trị'), col('Mẫu số') + 1)).toEqual(['', '', '', '']);
		expect(rowOf(B.communeCode)[col('Trạng thái')]).toBe('suppressed');
		expect(rowOf('05569')[col('Trạng thái')]).toBe('no_data');
		const province = rowOf('19');
		expect(province[col('Giá trị')]).toBe(String(cur.provinces['19']! - prev.provinces['19']!));
		expect(province[col('Chỉ tiêu')]).toMatch(new RegExp(`^Thay đổi ${PREV} → ${CUR}: `));
		expect(province[col('Cơ sở')]).toBe('từ 3 → 3/4 xã có số liệu');
		const bad = await app.request(`/api/exports/metrics.csv?metric=teams&since=${PREV}`, {}, t.env);
		expect(bad.status).toBe(400);
		expect(((await bad.json()) as { message: string }).message).toMatch(/since/);
	});

	it('keys cached answers by month and since', async () => {
		const a = await app.request(`/api/metrics/communes?metric=teams&month=${PREV}`, {}, t.env);
		const b = await app.request(`/api/metrics/communes?metric=teams&month=${CUR}`, {}, t.env);
		expect(a.headers.get('etag')).not.toBe(b.headers.get('etag'));
		expect(((await a.json()) as MetricPayload).values[A.communeCode]).toBe(1);
		expect(((await b.json()) as MetricPayload).values[A.communeCode]).toBe(2);
	});
});
