import { describe, expect, it } from 'vitest';
import {
	computeMetric,
	toPublicMetrics,
	type AreaCounts,
	type AreaServiceCounts
} from '../../src/lib/domain/metrics.ts';
import { METRIC_DEFINITIONS, METRIC_KEYS } from '../../src/lib/domain/metric-definitions.ts';
import { SERVICE_CODES } from '../../src/lib/domain/services.ts';

const START = '2025-11-23T00:00:00.000Z';
const END = '2026-11-23T00:00:00.000Z';

/** Counts of one commune; every figure zero unless given. */
function area(over: Partial<AreaCounts> = {}): AreaCounts {
	return {
		level: 'commune',
		code: '05923',
		provinceCode: '19',
		periodStart: START,
		periodEnd: END,
		teams: 0,
		members: 0,
		population: null,
		hamlets: 0,
		hamletsCovered: 0,
		householdsKnown: 0,
		householdsReached: 0,
		householdsVisited: 0,
		demoRecords: 0,
		computedAt: Date.parse(END),
		...over
	};
}

function service(over: Partial<AreaServiceCounts> = {}): AreaServiceCounts {
	return {
		level: 'commune',
		code: '05923',
		serviceCode: 'vneid',
		provinceCode: '19',
		adultsUsing: 0,
		adultsTotal: 0,
		helped: 0,
		...over
	};
}

type Row = [string, Partial<AreaCounts>, Partial<AreaServiceCounts> | null, object];

/** [metric, area counts, service counts, expected fields] */
const FORMULAS: Row[] = [
	['teams', { teams: 14 }, null, { status: 'value', value: 14, numerator: 14, denominator: null }],
	['teams', { teams: 0, hamlets: 2 }, null, { status: 'value', value: 0 }],
	// Nothing entered in the commune: "chưa có dữ liệu", not 0 (issue 16 §4).
	['teams', { teams: 0 }, null, { status: 'no_data', value: null }],
	['members_per_1000', { population: 12000 }, null, { status: 'no_data', value: null }],
	['helped_vneid', {}, { helped: 0 }, { status: 'no_data', value: null }],
	['teams', { teams: 3 }, null, { status: 'value', value: 3 }], // teams are public: never hidden
	[
		'members_per_1000',
		{ members: 60, population: 12000 },
		null,
		{ status: 'value', value: 5, numerator: 60, denominator: 12000, estimate: true }
	],
	[
		'members_per_1000',
		{ members: 60, population: null },
		null,
		{ status: 'no_data', value: null, numerator: null, denominator: null }
	],
	[
		'members_per_1000',
		{ members: 0, population: 12000, hamlets: 2 },
		null,
		{ status: 'value', value: 0 }
	],
	[
		'members_per_1000',
		{ members: 7, population: 12000 },
		null,
		{ status: 'suppressed', value: null }
	],
	[
		'hamlet_coverage',
		{ hamlets: 40, hamletsCovered: 20 },
		null,
		{ status: 'value', value: 0.5, numerator: 20, denominator: 40, estimate: false }
	],
	[
		'hamlet_coverage',
		{ hamlets: 0, hamletsCovered: 0, teams: 1 },
		null,
		{ status: 'no_data', denominator: 0 }
	],
	['hamlet_coverage', { hamlets: 40, hamletsCovered: 0 }, null, { status: 'value', value: 0 }],
	['hamlet_coverage', { hamlets: 40, hamletsCovered: 40 }, null, { status: 'value', value: 1 }],
	[
		'households_reached',
		{ householdsKnown: 200, householdsReached: 50 },
		null,
		{ status: 'value', value: 0.25, numerator: 50, denominator: 200 }
	],
	['households_reached', { householdsKnown: 0 }, null, { status: 'no_data', value: null }],
	[
		'adoption_vneid',
		{},
		{ adultsUsing: 120, adultsTotal: 160 },
		{ status: 'value', value: 0.75, numerator: 120, denominator: 160 }
	],
	[
		'adoption_vneid',
		{ householdsKnown: 5 },
		{ adultsUsing: 0, adultsTotal: 0 },
		{ status: 'no_data', denominator: 0 }
	],
	['adoption_vneid', {}, null, { status: 'no_data', value: null, denominator: null }],
	[
		'helped_vneid',
		{},
		{ helped: 42 },
		{ status: 'value', value: 42, numerator: 42, denominator: null }
	],
	['helped_vneid', { householdsKnown: 5 }, { helped: 0 }, { status: 'value', value: 0 }],
	['helped_vneid', {}, null, { status: 'no_data', value: null }]
];

describe('computeMetric formulas', () => {
	it.each(FORMULAS)('%s from %o / %o', (key, counts, svc, want) => {
		const got = computeMetric(key, area(counts), svc ? service(svc) : undefined);
		expect(got).toMatchObject({ key, ...want });
	});

	it('throws on an unknown metric key', () => {
		expect(() => computeMetric('nope', area())).toThrow(RangeError);
	});
});

/** [what, metric, area counts, service counts, expected status] */
const EDGES: [string, string, Partial<AreaCounts>, Partial<AreaServiceCounts> | null, string][] = [
	['helped 0 is shown', 'helped_vneid', { householdsKnown: 5 }, { helped: 0 }, 'value'],
	['helped 1 is hidden', 'helped_vneid', {}, { helped: 1 }, 'suppressed'],
	['helped 10 is hidden', 'helped_vneid', {}, { helped: 10 }, 'suppressed'],
	['helped 11 is shown', 'helped_vneid', {}, { helped: 11 }, 'value'],
	['a rate over 0 of 100 is shown', 'households_reached', { householdsKnown: 100 }, null, 'value'],
	[
		'numerator 1 hides the rate',
		'households_reached',
		{ householdsKnown: 100, householdsReached: 1 },
		null,
		'suppressed'
	],
	[
		'numerator 10 hides the rate',
		'households_reached',
		{ householdsKnown: 100, householdsReached: 10 },
		null,
		'suppressed'
	],
	[
		'numerator 11 shows the rate',
		'households_reached',
		{ householdsKnown: 100, householdsReached: 11 },
		null,
		'value'
	],
	[
		'denominator 1 hides the rate',
		'households_reached',
		{ householdsKnown: 1 },
		null,
		'suppressed'
	],
	[
		'denominator 10 hides the rate',
		'households_reached',
		{ householdsKnown: 10 },
		null,
		'suppressed'
	],
	[
		'denominator 11 with 0 reached is shown',
		'households_reached',
		{ householdsKnown: 11 },
		null,
		'value'
	],
	[
		'the rest 10 (90 of 100) hides the rate',
		'households_reached',
		{ householdsKnown: 100, householdsReached: 90 },
		null,
		'suppressed'
	],
	[
		'the rest 11 (89 of 100) shows the rate',
		'households_reached',
		{ householdsKnown: 100, householdsReached: 89 },
		null,
		'value'
	],
	[
		'the rest 0 (100 of 100) shows the rate',
		'households_reached',
		{ householdsKnown: 100, householdsReached: 100 },
		null,
		'value'
	],
	[
		'adults using 5 of 300 is hidden',
		'adoption_vneid',
		{},
		{ adultsUsing: 5, adultsTotal: 300 },
		'suppressed'
	],
	[
		'adults 295 of 300 is hidden (5 not using)',
		'adoption_vneid',
		{},
		{ adultsUsing: 295, adultsTotal: 300 },
		'suppressed'
	],
	[
		'adults 150 of 300 is shown',
		'adoption_vneid',
		{},
		{ adultsUsing: 150, adultsTotal: 300 },
		'value'
	],
	[
		'members 10 per usable population is hidden',
		'members_per_1000',
		{ members: 10, population: 5000 },
		null,
		'suppressed'
	],
	[
		'members 11 per usable population is shown',
		'members_per_1000',
		{ members: 11, population: 5000 },
		null,
		'value'
	],
	// Places and organisations, public through the team list anyway: never hidden.
	['hamlets 3 of 5 is shown', 'hamlet_coverage', { hamlets: 5, hamletsCovered: 3 }, null, 'value'],
	[
		'no data stays no data even with small counts',
		'members_per_1000',
		{ members: 3 },
		null,
		'no_data'
	]
];

describe('small-count suppression (primary rule)', () => {
	it.each(EDGES)('%s', (_what, key, counts, svc, status) => {
		const got = computeMetric(key, area(counts), svc ? service(svc) : undefined);
		expect(got.status).toBe(status);
		if (status !== 'value') {
			expect(got.value).toBeNull();
			expect(got.numerator).toBeNull();
		}
	});
});

describe('denominators and periods', () => {
	it('gives every metric a Vietnamese and an English label and denominator', () => {
		for (const d of METRIC_DEFINITIONS) {
			expect(d.label.vi.length).toBeGreaterThan(3);
			expect(d.label.en.length).toBeGreaterThan(3);
			expect(d.denominatorLabel.vi.length).toBeGreaterThan(3);
			expect(d.denominatorLabel.en.length).toBeGreaterThan(3);
		}
		expect(METRIC_DEFINITIONS.find((d) => d.key === 'hamlet_coverage')?.denominatorLabel.vi).toBe(
			'Số thôn, xóm, bản, ấp, tổ dân phố đã nhập'
		);
	});

	it('lists coverage, then adoption and helped for every service of the catalogue', () => {
		expect(METRIC_KEYS.slice(0, 4)).toEqual([
			'teams',
			'members_per_1000',
			'hamlet_coverage',
			'households_reached'
		]);
		for (const code of SERVICE_CODES) {
			expect(METRIC_KEYS).toContain(`adoption_${code}`);
			expect(METRIC_KEYS).toContain(`helped_${code}`);
		}
		expect(METRIC_KEYS).toHaveLength(4 + 2 * SERVICE_CODES.length);
	});

	it.each([
		['teams', { start: END, end: END }],
		['members_per_1000', { start: END, end: END }],
		['hamlet_coverage', { start: END, end: END }],
		['households_reached', { start: START, end: END }],
		['adoption_vssid', { start: START, end: END }],
		['helped_payment', { start: START, end: END }]
	])('states the period of %s', (key, period) => {
		const svc = service({ serviceCode: key.split('_').slice(1).join('_') });
		expect(computeMetric(key, area(), svc).period).toEqual(period);
	});

	it('applies the small-count rule to every figure about people or households', () => {
		const exempt = METRIC_DEFINITIONS.filter((d) => !d.smallCountRule).map((d) => d.key);
		expect(exempt).toEqual(['teams', 'hamlet_coverage']);
	});

	it('marks only the population-based rate as an estimate', () => {
		const estimates = METRIC_DEFINITIONS.filter((d) => d.estimate).map((d) => d.key);
		expect(estimates).toEqual(['members_per_1000']);
	});
});

describe('toPublicMetrics', () => {
	it('returns every metric for every area row, in order', () => {
		const rows = [area(), area({ code: '05926' })];
		const out = toPublicMetrics(rows, [service()]);
		expect(out.map((a) => a.code)).toEqual(['05923', '05926']);
		expect(out[0]!.metrics.map((m) => m.key)).toEqual([...METRIC_KEYS]);
		expect(out[1]!.metrics.find((m) => m.key === 'adoption_vneid')?.status).toBe('no_data');
	});

	it('computes only the keys asked for and rejects unknown ones', () => {
		const out = toPublicMetrics([area({ teams: 4 })], [], ['teams']);
		expect(out[0]!.metrics).toEqual([expect.objectContaining({ key: 'teams', value: 4 })]);
		expect(() => toPublicMetrics([area()], [], ['nope'])).toThrow(RangeError);
	});

	it('carries the demo record count through', () => {
		expect(toPublicMetrics([area({ demoRecords: 12 })], [], ['teams'])[0]!.demoRecords).toBe(12);
	});
});

describe('what a figure stands on (issue 16 §4)', () => {
	const province = (over: Partial<AreaCounts>): AreaCounts =>
		area({ level: 'province', code: '19', provinceCode: '19', ...over });

	it('states the communes behind a province figure, per metric', () => {
		const p = province({
			teams: 30,
			householdsKnown: 900,
			householdsReached: 400,
			communes: 110,
			communesWithRecords: 12,
			communesWithHouseholds: 9
		});
		const [pub] = toPublicMetrics(
			[p],
			[
				{
					...service({ adultsTotal: 500, adultsUsing: 300 }),
					level: 'province',
					code: '19',
					communesWithAdults: 7
				}
			],
			['teams', 'households_reached', 'adoption_vneid']
		);
		expect(pub!.metrics.map((m) => m.basis)).toEqual([
			{ withData: 12, communes: 110 },
			{ withData: 9, communes: 110 },
			{ withData: 7, communes: 110 }
		]);
	});

	it('states none for a commune, nor where rows predate the basis', () => {
		expect(computeMetric('teams', area({ teams: 3 })).basis).toBeUndefined();
		expect(computeMetric('teams', province({ teams: 3 })).basis).toBeUndefined();
	});

	it('a province figure is no data but its basis says nothing is entered anywhere', () => {
		const m = computeMetric('households_reached', province({ communes: 40 }));
		expect(m).toMatchObject({ status: 'no_data', basis: { withData: 0, communes: 40 } });
	});
});
