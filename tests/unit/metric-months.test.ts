import { describe, expect, it } from 'vitest';
import {
	addMonths,
	combineMonths,
	isMonth,
	lastMonths,
	monthBounds,
	monthOf,
	monthPeriod,
	monthsOfQuarter,
	planMonths,
	quarterOf,
	timeKindOf,
	toPublicMonth,
	type MonthCounts,
	type MonthServiceCounts
} from '../../src/lib/domain/metric-months.ts';
import { changeBreaks, changePayload } from '../../src/lib/domain/metric-month-payload.ts';
import type { MetricPayload } from '../../src/lib/domain/metric-payload.ts';

const row = (month: string, over: Partial<MonthCounts> = {}): MonthCounts => ({
	level: 'commune',
	code: '05569',
	month,
	provinceCode: '19',
	closed: true,
	teams: 3,
	members: 20,
	population: 10_000,
	hamlets: 10,
	hamletsCovered: 5,
	householdsKnown: 400,
	householdsReached: 200,
	householdsVisited: 250,
	visits: 0,
	demoRecords: 0,
	computedAt: 1,
	...over
});
const svc = (month: string, over: Partial<MonthServiceCounts> = {}): MonthServiceCounts => ({
	level: 'commune',
	code: '05569',
	month,
	serviceCode: 'vneid',
	provinceCode: '19',
	adultsUsing: 300,
	adultsTotal: 500,
	helped: 0,
	...over
});

describe('month arithmetic in Vietnam time', () => {
	it.each([
		['2026-01', true],
		['2026-12', true],
		['2026-13', false],
		['2026-1', false],
		['26-01', false],
		['2026-00', false]
	])('tells a month string %s: %s', (s, ok) => expect(isMonth(s)).toBe(ok));

	it('puts 23:30 UTC on the last day of a month into the next Vietnam month', () => {
		expect(monthOf(Date.UTC(2026, 10, 30, 16, 59))).toBe('2026-11');
		expect(monthOf(Date.UTC(2026, 10, 30, 17, 0))).toBe('2026-12');
	});

	it('bounds a month at 00:00 Vietnam time, the end 1 ms before the next month', () => {
		const b = monthBounds('2026-12');
		expect(new Date(b.startMs).toISOString()).toBe('2026-11-30T17:00:00.000Z');
		expect(new Date(b.endMs).toISOString()).toBe('2026-12-31T16:59:59.999Z');
		expect(monthPeriod('2026-02').end).toBe('2026-02-28T16:59:59.999Z');
	});

	it('adds months across years and lists the last months oldest first', () => {
		expect(addMonths('2026-01', -1)).toBe('2025-12');
		expect(addMonths('2025-11', 14)).toBe('2027-01');
		expect(lastMonths('2026-02', 4)).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
		expect(lastMonths('2026-12', 24)).toHaveLength(24);
	});

	it('names the quarter of a month and the months of a quarter', () => {
		expect(quarterOf('2026-01')).toBe('2026-Q1');
		expect(quarterOf('2026-12')).toBe('2026-Q4');
		expect(monthsOfQuarter('2026-Q2')).toEqual(['2026-04', '2026-05', '2026-06']);
		expect(() => monthsOfQuarter('2026-Q5')).toThrow(RangeError);
		expect(() => addMonths('2026-13', 1)).toThrow(RangeError);
	});
});

describe('stocks and flows', () => {
	it.each([
		['teams', 'stock'],
		['households_reached', 'stock'],
		['adoption_vneid', 'stock'],
		['helped_vneid', 'flow'],
		['visits', 'flow']
	])('%s is a %s', (key, kind) => expect(timeKindOf(key)).toBe(kind));

	it('a quarter sums its flows and takes its last month’s stocks', () => {
		const q = monthsOfQuarter('2026-Q3');
		const rows = [
			row('2026-07', { teams: 2, visits: 40 }),
			row('2026-08', { teams: 4, visits: 15 }),
			row('2026-09', { teams: 5, householdsReached: 260, visits: 5 })
		];
		const services = [
			svc('2026-07', { helped: 30, adultsUsing: 100 }),
			svc('2026-08', { helped: 12, adultsUsing: 200 }),
			svc('2026-09', { helped: 8, adultsUsing: 320 })
		];
		const out = combineMonths(q, rows, services, '2026-Q3')!;
		expect(out.area).toMatchObject({ month: '2026-Q3', teams: 5, householdsReached: 260 });
		expect(out.area.visits).toBe(60);
		expect(out.services).toEqual([
			expect.objectContaining({ helped: 50, adultsUsing: 320, adultsTotal: 500 })
		]);
	});

	it("a province's month says how many communes it stands on; a quarter its last month's", () => {
		const province = (month: string, withData: number) =>
			row(month, {
				level: 'province',
				code: '19',
				communes: 92,
				communesWithRecords: withData,
				communesWithHouseholds: withData - 1
			});
		const rows = [province('2026-08', 40), province('2026-09', 52)];
		const services = [svc('2026-09', { level: 'province', code: '19', communesWithAdults: 30 })];
		const q = combineMonths(['2026-08', '2026-09'], rows, services, '2026-Q3')!;
		const pub = toPublicMonth(monthPeriod('2026-09'), [q.area], q.services, [
			'teams',
			'households_reached',
			'adoption_vneid'
		]);
		expect(pub[0]!.metrics.map((m) => m.basis)).toEqual([
			{ withData: 52, communes: 92 },
			{ withData: 51, communes: 92 },
			{ withData: 30, communes: 92 }
		]);
		// A commune's own figure needs no basis; rows stored before it was kept state none.
		const commune = toPublicMonth(monthPeriod('2026-09'), [row('2026-09')], [], ['teams']);
		expect(commune[0]!.metrics[0]!.basis).toBeUndefined();
	});

	it('a quarter whose last month has no row has no stock, but still its flows', () => {
		const out = combineMonths(
			monthsOfQuarter('2026-Q3'),
			[row('2026-07', { visits: 12 })],
			[svc('2026-07', { helped: 14 })],
			'2026-Q3'
		)!;
		expect(out.area.teams).toBeNull();
		expect(out.area.visits).toBe(12);
		expect(out.services[0]).toMatchObject({ helped: 14, adultsTotal: null });
		const pub = toPublicMonth(monthPeriod('2026-09'), [out.area], out.services, [
			'teams',
			'helped_vneid',
			'adoption_vneid'
		]);
		expect(pub[0]!.metrics.map((m) => m.status)).toEqual(['no_data', 'value', 'no_data']);
	});

	it('a quarter without any row is no data, and is closed only when every month is', () => {
		expect(combineMonths(monthsOfQuarter('2026-Q1'), [row('2026-07')], [], 'Q')).toBeNull();
		const q = monthsOfQuarter('2026-Q4');
		const rows = q.map((m, i) => row(m, { closed: i < 2 }));
		expect(combineMonths(q, rows, [], '2026-Q4')!.area.closed).toBe(false);
	});
});

describe('public figures of a month', () => {
	const period = monthPeriod('2026-10');

	it('shows a month’s flows and stocks with its own period', () => {
		const [a] = toPublicMonth(
			period,
			[row('2026-10')],
			[svc('2026-10', { helped: 42 })],
			['teams', 'households_reached', 'helped_vneid']
		);
		expect(a!.metrics.map((m) => [m.key, m.status, m.value])).toEqual([
			['teams', 'value', 3],
			['households_reached', 'value', 0.5],
			['helped_vneid', 'value', 42]
		]);
		expect(a!.metrics[2]!.period).toEqual(period);
	});

	it('a stock the records could not reconstruct is no data, never 0', () => {
		const r = row('2026-10', { householdsReached: null, householdsVisited: null, teams: null });
		const [a] = toPublicMonth(
			period,
			[r],
			[svc('2026-10', { adultsUsing: null, adultsTotal: null })],
			['teams', 'households_reached', 'adoption_vneid']
		);
		expect(a!.metrics.map((m) => [m.status, m.value, m.denominator])).toEqual([
			['no_data', null, null],
			['no_data', null, null],
			['no_data', null, null]
		]);
	});

	it('hides a 1–10 count of a month and protects it within its province', () => {
		const areas = [
			row('2026-10', { level: 'province', code: '19', provinceCode: '19' }),
			row('2026-10', { code: '05569' }),
			row('2026-10', { code: '05572' }),
			row('2026-10', { code: '05575' })
		];
		const helped = [55, 4, 20, 31];
		const services = areas.map((a, i) =>
			svc('2026-10', { level: a.level, code: a.code, helped: helped[i]! })
		);
		const out = toPublicMonth(period, areas, services, ['helped_vneid']);
		const status = out.map((a) => a.metrics[0]!.status);
		// 4 alone could be worked out as 55 − 20 − 31: the smallest other commune is hidden too.
		expect(status).toEqual(['value', 'suppressed', 'suppressed', 'value']);
	});
});

describe('change since', () => {
	const payload = (over: Partial<MetricPayload>): MetricPayload => ({
		metric: 'helped_vneid',
		kind: 'count',
		estimate: false,
		period: { start: '', end: '' },
		computedAt: 0,
		breaks: [],
		demo: false,
		values: {},
		suppressed: [],
		noData: [],
		provinces: {},
		country: null,
		...over
	});

	it('differences only where both months show a value; hidden in either stays hidden', () => {
		const from = payload({
			values: { '05569': 40, '05572': 12 },
			suppressed: ['05575'],
			noData: ['05578'],
			provinces: { '19': 100 },
			country: 100
		});
		const to = payload({
			values: { '05569': 55, '05575': 30, '05578': 15 },
			suppressed: ['05572'],
			provinces: { '19': 130 },
			country: null
		});
		const c = changePayload(from, to, { from: '2026-09', to: '2026-10' });
		expect(c.values).toEqual({ '05569': 15 });
		expect(c.suppressed).toEqual(['05572', '05575']);
		expect(c.noData).toEqual(['05578']);
		expect(c.provinces).toEqual({ '19': 30 });
		expect(c.country).toBeNull();
		expect(c.provinceBasis).toBeUndefined();
		expect(c.breaks).toEqual([...c.breaks].map((b) => -b).reverse());
	});

	it("states each province's and the country's basis in both months", () => {
		const b = (withData: number) => ({ withData, communes: 92 });
		const from = payload({ provinces: { '19': 10 }, provinceBasis: { '19': b(40) } });
		const to = payload({
			provinces: { '19': 25 },
			provinceBasis: { '19': b(52) },
			countryBasis: { withData: 900, communes: 3321 }
		});
		const c = changePayload(from, to, { from: '2026-09', to: '2026-10' });
		expect(c.provinceBasis).toEqual({ '19': { fromWithData: 40, withData: 52, communes: 92 } });
		// Unknown in one month: no basis is claimed.
		expect(c.countryBasis).toBeUndefined();
	});

	it('makes ascending breaks symmetric around 0', () => {
		for (const kind of ['count', 'proportion', 'per_1000'] as const) {
			const b = changeBreaks(kind, [-30, -5, 2, 8, 12, 40, 60, 90, 120, 7]);
			expect(b).toEqual([...b].sort((x, y) => x - y));
			expect(b).toEqual(b.map((x) => -x).reverse());
			expect(b).not.toContain(0);
		}
	});
});

describe('which months a run writes', () => {
	it('closes past open months, rewrites the current one, never a closed month', () => {
		const plan = planMonths('2026-12', [
			{ month: '2026-10', closed: true },
			{ month: '2026-11', closed: false },
			{ month: '2026-12', closed: false }
		]);
		expect(plan).toEqual({ close: ['2026-11'], rewrite: '2026-12' });
	});

	it('leaves a closed month alone even when later visits fall in it', () => {
		const plan = planMonths('2026-12', [{ month: '2026-11', closed: true }]);
		expect(plan.close).toEqual([]);
	});
});

describe('change classes of counts', () => {
	it('keep 0 apart and −1 with −1 (breaks half-way between whole numbers)', async () => {
		const { communeClasses } = await import('../../src/lib/domain/metric-payload.ts');
		const breaks = changeBreaks('count', [12, -3, 1]);
		const classOf = (v: number) =>
			communeClasses({ values: { x: v }, suppressed: [], noData: [], breaks } as never).get('x');
		expect(classOf(0)).not.toBe(classOf(-1));
		expect(classOf(0)).not.toBe(classOf(1));
		expect(classOf(-1)).toBe(breaks.length - classOf(1)!);
	});
});
