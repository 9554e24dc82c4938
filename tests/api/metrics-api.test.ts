import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from './support/db.ts';
import {
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
import { computeMetrics } from '../../src/lib/server/metrics/job.ts';
import { createApiApp } from '../../src/lib/server/api/app.ts';
import type { MetricPayload } from '../../src/lib/domain/metric-payload.ts';
import { METRIC_KEYS, OFFICIAL_METRIC_KEYS } from '../../src/lib/domain/metric-definitions.ts';

const A = { provinceCode: '19', communeCode: '05923' }; // many households: figures shown
const B = { provinceCode: '19', communeCode: '05926' }; // 3 households: small counts
const C = { provinceCode: '19', communeCode: '05929' }; // mid-sized: hidden to protect B
const E = { provinceCode: '19', communeCode: '05932' }; // nothing recorded
const D = { provinceCode: '20', communeCode: '06040' }; // another province, one team

let t: TestDb;
const app = createApiApp();
const get = (path: string, headers: Record<string, string> = {}) =>
	app.request(path, { headers }, t.env);

beforeAll(async () => {
	t = await openTestDb();
	await insertArea(t.db, [
		{ code: A.communeCode, provinceCode: '19', population: 12_000 },
		{ code: B.communeCode, provinceCode: '19', population: 9_000 },
		{ code: C.communeCode, provinceCode: '19', population: 7_000 },
		{ code: E.communeCode, provinceCode: '19', population: null },
		{ code: D.communeCode, provinceCode: '20', population: 5_000 }
	]);
	await insertServices(t.db);
	const h = hamlet(A, { name: 'Thôn Đồng Tâm' });
	await insertHamlets(t.db, [h]);
	const teams = [team(A, { name: 'Tổ Đồng Tâm', hamletId: h.id }), team(A), team(B), team(D)];
	await insertTeams(t.db, teams);
	await insertMembers(t.db, [
		...Array.from({ length: 14 }, () => member(A, teams[0]!.id)),
		member(B, teams[2]!.id),
		member(D, teams[3]!.id)
	]);
	const big = Array.from({ length: 40 }, () => household(A, { adults: 2 }));
	const small = Array.from({ length: 3 }, () => household(B, { adults: 2 }));
	const mid = Array.from({ length: 30 }, () => household(C, { adults: 2 }));
	await insertHouseholdsIn(t, [...big, ...small, ...mid]);
	const visited = [
		...big.slice(0, 25).map((hh) => [A, hh] as const),
		...small.map((hh) => [B, hh] as const),
		...mid.slice(0, 12).map((hh) => [C, hh] as const)
	];
	await insertVisitsIn(
		t,
		visited.map(([area, hh], i) =>
			visit(area, hh.id, 10, {
				adults: 2,
				peopleHelped: 1,
				services: [{ serviceCode: 'vneid', adultsUsing: i % 2, helped: 1 }]
			})
		),
		{ now: T0 }
	);
	await computeMetrics(t.db, { now: new Date(T0), shards: t.shards });
});
afterAll(() => t.close());

describe('GET /api/metrics/communes', () => {
	it('serves one metric for every commune in one compact, cacheable response', async () => {
		const res = await get('/api/metrics/communes?metric=teams');
		expect(res.status).toBe(200);
		expect(res.headers.get('cache-control')).toMatch(/public, max-age=\d+/);
		expect(res.headers.get('etag')).toMatch(/^W\/".+"$/);
		const p = (await res.json()) as MetricPayload;
		expect(p.metric).toBe('teams');
		// E has nothing entered: "chưa có dữ liệu", not 0; C has households, so its 0 is a figure.
		expect(p.values).toEqual({ '05923': 2, '05926': 1, '05929': 0, '06040': 1 });
		expect(p.noData).toEqual(['05932']);
		expect(p.provinces).toEqual({ '19': 3, '20': 1 });
		expect(p.country).toBe(4);
		// …and every province and country figure says how many communes it stands on.
		expect(p.provinceBasis).toEqual({
			'19': { withData: 3, communes: 4 },
			'20': { withData: 1, communes: 1 }
		});
		expect(p.countryBasis).toEqual({ withData: 4, communes: 5 });
		expect(p.breaks.length).toBeGreaterThanOrEqual(2);
	});

	it('lists every commune exactly once across values, suppressed and no data', async () => {
		const p = (await (
			await get('/api/metrics/communes?metric=households_reached')
		).json()) as MetricPayload;
		const all = [...Object.keys(p.values), ...p.suppressed, ...p.noData].sort();
		expect(all).toEqual(['05923', '05926', '05929', '05932', '06040']);
		expect(p.values['05923']).toBeCloseTo(25 / 40, 4);
		// 3 households: a small count; C is hidden too, or B would be province − A − C.
		expect(p.suppressed.sort()).toEqual(['05926', '05929']);
		expect(p.noData.sort()).toEqual(['05932', '06040']); // no households known
		expect(p.countryBasis).toEqual({ withData: 3, communes: 5 });
	});

	it('answers 304 without a body when the ETag still matches', async () => {
		const first = await get('/api/metrics/communes?metric=adoption_vneid');
		const etag = first.headers.get('etag')!;
		const again = await get('/api/metrics/communes?metric=adoption_vneid', {
			'If-None-Match': etag
		});
		expect(again.status).toBe(304);
		expect(await again.text()).toBe('');
		expect(again.headers.get('etag')).toBe(etag);
		const other = await get('/api/metrics/communes?metric=teams', { 'If-None-Match': etag });
		expect(other.status).toBe(200);
	});

	it('changes the ETag when the metrics job runs again', async () => {
		const before = (await get('/api/metrics/communes?metric=teams')).headers.get('etag');
		await computeMetrics(t.db, { now: new Date(T0 + 60_000), shards: t.shards });
		// Asked fresh, as the map's refresh does (otherwise the version read stays in use for
		// VERSION_FRESH_MS: tests/api/public-read-path.test.ts).
		const after = await get('/api/metrics/communes?metric=teams', {
			'If-None-Match': before!,
			'Cache-Control': 'no-cache'
		});
		expect(after.status).toBe(200);
		expect(after.headers.get('etag')).not.toBe(before);
	});

	it('rejects an unknown metric with a clear 400', async () => {
		const res = await get('/api/metrics/communes?metric=nope');
		expect(res.status).toBe(400);
		const body = (await res.json()) as { code: string; message: string };
		expect(body.code).toBe('invalid_query');
		expect(body.message).toMatch(/^metric: Unknown metric; one of teams, /);
	});
});

describe('GET /api/metrics/areas/:code', () => {
	it('gives a commune every metric with denominators and period, and its team names', async () => {
		const res = await get('/api/metrics/areas/05923');
		expect(res.status).toBe(200);
		const body = (await res.json()) as {
			area: { metrics: { key: string; denominator: number | null; period: object }[] };
			teams: { name: string; hamlet: string | null }[];
		};
		expect(body.area.metrics.map((m) => m.key)).toEqual([...METRIC_KEYS, ...OFFICIAL_METRIC_KEYS]);
		const reached = body.area.metrics.find((m) => m.key === 'households_reached')!;
		expect(reached).toMatchObject({ status: 'value', numerator: 25, denominator: 40 });
		expect(body.teams.map((x) => [x.name, x.hamlet])).toContainEqual([
			'Tổ Đồng Tâm',
			'Thôn Đồng Tâm'
		]);
		expect(body.teams).toHaveLength(2);
		expect(JSON.stringify(body)).not.toMatch(/phone|fullName/);
	});

	it('applies the same suppression as the map payload', async () => {
		const body = (await (await get('/api/metrics/areas/05926')).json()) as {
			area: { metrics: { key: string; status: string; numerator: number | null }[] };
		};
		const reached = body.area.metrics.find((m) => m.key === 'households_reached')!;
		expect(reached).toMatchObject({ status: 'suppressed', numerator: null });
	});

	it('serves a province and 404s an unknown commune', async () => {
		expect((await get('/api/metrics/areas/19')).status).toBe(200);
		const res = await get('/api/metrics/areas/99999');
		expect(res.status).toBe(404);
		expect(await res.json()).toMatchObject({ code: 'area_not_found' });
	});
});
