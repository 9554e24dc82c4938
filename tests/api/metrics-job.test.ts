import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openTestDb, type TestDb } from './support/db.ts';
import {
	DAY,
	T0,
	hamlet,
	household,
	insertArea,
	insertServices,
	member,
	team,
	visit,
	insertHouseholdsIn,
	insertVisitsIn
} from './support/records-factory.ts';
import { insertHamlets } from '../../src/lib/server/db/writes/hamlets.ts';
import { insertMembers, insertTeams } from '../../src/lib/server/db/writes/teams.ts';
import { computeMetrics, type MetricsReport } from '../../src/lib/server/metrics/job.ts';
import { areaMetrics, areaServiceMetrics } from '../../src/lib/server/db/schema/index.ts';
import { computeMetric, toPublicMetrics } from '../../src/lib/domain/metrics.ts';
import { readMeta } from '../../src/lib/server/db/queries/meta.ts';
import type { VisitInput } from '../../src/lib/server/db/schema/visits.input.ts';

const A = { provinceCode: '19', communeCode: '05923' }; // usable population, hamlets, most records
const B = { provinceCode: '19', communeCode: '05926' }; // unusable population, no hamlets
const C = { provinceCode: '20', communeCode: '06040' }; // no records at all

const vneid = (adultsUsing: number, helped: number) => ({
	serviceCode: 'vneid',
	adultsUsing,
	helped
});
const vssid = (adultsUsing: number, helped: number) => ({
	serviceCode: 'vssid',
	adultsUsing,
	helped
});

/** Teams, members and hamlets of A and B (see the expected counts below). */
async function seedCoverage(db: TestDb['db']): Promise<void> {
	const [h1, h2, h3] = [hamlet(A), hamlet(A, { name: 'Xóm Na Hương', kind: 'xom' }), hamlet(A)];
	await insertHamlets(db, [h1!, h2!, h3!]);
	const t1 = team(A, { hamletId: h1!.id });
	const t2 = team(A, { hamletId: h2!.id, active: false }); // inactive: covers nothing
	const t3 = team(A); // commune-wide team, no hamlet
	const t4 = team(B);
	await insertTeams(db, [t1, t2, t3, t4]);
	await insertMembers(db, [
		...[1, 2, 3].map(() => member(A, t1.id)),
		member(A, t1.id, { active: false }),
		member(A, t2.id),
		member(A, t2.id), // members of an inactive team do not count
		member(A, t3.id),
		member(A, t3.id),
		member(B, t4.id, { isDemo: true })
	]);
}

/** Households and visits: the special cases first, then 30 plain households in A. */
async function seedVisits(t: TestDb): Promise<void> {
	const hh = [3, 4, 2, 2, 5, 1].map((adults) => household(A, { adults }));
	hh[4] = { ...hh[4]!, isDemo: true };
	const hh7 = household(B, { adults: 2 });
	const bulk = Array.from({ length: 30 }, () => household(A, { adults: 2 }));
	await insertHouseholdsIn(t, [...hh, hh7, ...bulk]);
	const [a, b, c, d, e] = hh.map((h) => h.id);
	const visits: VisitInput[] = [
		visit(A, a!, 30, { adults: 3, peopleHelped: 2, services: [vneid(2, 1), vssid(1, 1)] }),
		// met, then not at home: visited but not reached; adoption keeps what the met visit saw.
		visit(A, b!, 200, { adults: 4, peopleHelped: 3, services: [vneid(3, 3)] }),
		visit(A, b!, 10, { adults: 4, outcome: 'not_home' }),
		// older than 12 months: outside every figure.
		// (history: it reached the server the day after, as a visit may be at most a year late)
		visit(A, c!, 400, {
			adults: 2,
			peopleHelped: 2,
			services: [vneid(2, 2)],
			receivedAt: T0 - 399 * DAY
		}),
		visit(A, d!, 5, { adults: 2, outcome: 'refused' }),
		visit(A, e!, 100, { adults: 5, services: [vneid(1, 0)], isDemo: true }),
		visit(A, e!, 20, { adults: 5, peopleHelped: 3, services: [vneid(4, 3)], isDemo: true }),
		visit(B, hh7.id, 50, { adults: 2 }),
		...bulk
			.slice(0, 20)
			.map((h) => visit(A, h.id, 60, { adults: 2, peopleHelped: 1, services: [vneid(1, 1)] }))
	];
	await insertVisitsIn(t, visits, { now: T0 });
}

let t: TestDb;
let report: MetricsReport;
beforeAll(async () => {
	t = await openTestDb();
	await insertArea(t.db, [
		{ code: A.communeCode, provinceCode: '19', population: 12_000, populationUsable: true },
		{ code: B.communeCode, provinceCode: '19', population: 8_000, populationUsable: false },
		{ code: C.communeCode, provinceCode: '20', population: 5_000, populationUsable: true }
	]);
	await insertServices(t.db);
	await seedCoverage(t.db);
	await seedVisits(t);
	report = await computeMetrics(t.db, { now: new Date(T0), shards: t.shards });
});
afterAll(() => t.close());

const areaRow = async (code: string) =>
	(
		await t.db
			.select()
			.from(areaMetrics)
			.where(sql`${areaMetrics.code} = ${code}`)
	)[0]!;
const serviceRow = async (code: string, service: string) =>
	(
		await t.db
			.select()
			.from(areaServiceMetrics)
			.where(
				sql`${areaServiceMetrics.code} = ${code} AND ${areaServiceMetrics.serviceCode} = ${service}`
			)
	)[0]!;

describe('computeMetrics: counts per commune', () => {
	it('gives every commune a row, plus one per province and the country', async () => {
		expect(report.areas).toEqual({ communes: 3, provinces: 2, country: 1 });
		expect(report.rows).toEqual({ areaMetrics: 6, areaServiceMetrics: 6 * 7 });
		const levels = await t.db.all(
			sql`SELECT level, count(*) AS n FROM area_metrics GROUP BY level ORDER BY level`
		);
		expect(levels).toEqual([
			{ level: 'commune', n: 3 },
			{ level: 'country', n: 1 },
			{ level: 'province', n: 2 }
		]);
	});

	it('counts active teams, members of active teams, hamlets covered by an active team', async () => {
		expect(await areaRow(A.communeCode)).toMatchObject({
			level: 'commune',
			provinceCode: '19',
			teams: 2,
			members: 5,
			population: 12_000,
			hamlets: 3,
			hamletsCovered: 1
		});
	});

	it('counts households reached by their latest visit in the 12 months only', async () => {
		expect(await areaRow(A.communeCode)).toMatchObject({
			householdsKnown: 36,
			householdsVisited: 4 + 20,
			householdsReached: 2 + 20,
			// demo: household e and its two visits.
			demoRecords: 3
		});
	});

	it('sums adoption over each household’s latest met visit, helped over all visits in the period', async () => {
		expect(await serviceRow(A.communeCode, 'vneid')).toMatchObject({
			adultsUsing: 2 + 3 + 4 + 20,
			adultsTotal: 3 + 4 + 5 + 40,
			helped: 1 + 3 + 0 + 3 + 20
		});
		expect(await serviceRow(A.communeCode, 'vssid')).toMatchObject({
			adultsUsing: 1,
			adultsTotal: 3,
			helped: 1
		});
		expect(await serviceRow(A.communeCode, 'payment')).toMatchObject({
			adultsUsing: 0,
			adultsTotal: 0,
			helped: 0
		});
	});

	it('stores no population where it is unusable and zeros where there are no records', async () => {
		expect(await areaRow(B.communeCode)).toMatchObject({
			teams: 1,
			members: 1,
			population: null,
			hamlets: 0,
			householdsKnown: 1,
			householdsReached: 1,
			demoRecords: 1
		});
		expect(await areaRow(C.communeCode)).toMatchObject({
			teams: 0,
			members: 0,
			population: 5_000,
			hamlets: 0,
			householdsKnown: 0,
			householdsReached: 0,
			demoRecords: 0
		});
	});
});

describe('computeMetrics: roll-up, period and meta', () => {
	it('rolls communes up to provinces and the country; members only where population is usable', async () => {
		expect(await areaRow('19')).toMatchObject({
			level: 'province',
			provinceCode: '19',
			teams: 3,
			members: 5,
			population: 12_000,
			hamlets: 3,
			hamletsCovered: 1,
			householdsKnown: 37,
			householdsVisited: 25,
			householdsReached: 23,
			demoRecords: 4
		});
		expect(await areaRow('VN')).toMatchObject({
			level: 'country',
			provinceCode: null,
			teams: 3,
			population: 17_000
		});
		expect(await serviceRow('VN', 'vneid')).toMatchObject({
			adultsUsing: 29,
			adultsTotal: 52,
			helped: 27
		});
	});

	it('covers the 12 months ending at now and writes metrics_computed_at', async () => {
		const row = await areaRow(A.communeCode);
		// From the start of the Vietnam day a year earlier (00:00 at UTC+7).
		expect([row.periodStart, row.periodEnd]).toEqual([
			'2025-11-22T17:00:00.000Z',
			'2026-11-23T00:00:00.000Z'
		]);
		expect(row.computedAt).toBe(T0);
		expect((await readMeta(t.db))['metrics_computed_at']).toBe('2026-11-23T00:00:00.000Z');
	});

	it('replaces the previous figures on every run', async () => {
		await computeMetrics(t.db, { now: new Date(T0), shards: t.shards });
		const n = await t.db.all(sql`SELECT count(*) AS n FROM area_service_metrics`);
		expect(n).toEqual([{ n: 42 }]);
	});
});

describe('public metric values from the stored counts', () => {
	it('turns stored rows into values, no data and suppressed figures', async () => {
		const areas = await t.db.select().from(areaMetrics);
		const services = await t.db.select().from(areaServiceMetrics);
		const pub = new Map(toPublicMetrics(areas, services).map((a) => [a.code, a]));
		const get = (code: string, key: string) => pub.get(code)!.metrics.find((m) => m.key === key)!;
		expect(get(A.communeCode, 'adoption_vneid')).toMatchObject({ status: 'value', value: 29 / 52 });
		expect(get(A.communeCode, 'helped_vneid')).toMatchObject({ status: 'value', value: 27 });
		expect(get(A.communeCode, 'helped_vssid').status).toBe('suppressed');
		expect(get(A.communeCode, 'teams')).toMatchObject({ status: 'value', value: 2 });
		expect(get(B.communeCode, 'members_per_1000').status).toBe('no_data');
		expect(get(B.communeCode, 'hamlet_coverage')).toMatchObject({
			status: 'no_data',
			denominator: 0
		});
		expect(get(C.communeCode, 'households_reached').status).toBe('no_data');
		expect(get(C.communeCode, 'adoption_vneid').status).toBe('no_data');
		// A's 22 / 36 is safe alone, but B's hidden 1 / 1 would follow from the province: both hidden.
		const a = await areaRow(A.communeCode);
		expect(computeMetric('households_reached', a)).toMatchObject({
			status: 'value',
			value: 22 / 36
		});
		expect(get(A.communeCode, 'households_reached').status).toBe('suppressed');
		expect(get(B.communeCode, 'households_reached').status).toBe('suppressed');
		expect(get('19', 'households_reached')).toMatchObject({
			status: 'value',
			numerator: 23,
			denominator: 37
		});
	});
});
