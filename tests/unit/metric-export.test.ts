import { describe, expect, it } from 'vitest';
import {
	toPublicMetrics,
	type AreaCounts,
	type AreaServiceCounts
} from '../../src/lib/domain/metrics.ts';
import {
	metricDefinition,
	type MetricDefinition
} from '../../src/lib/domain/metric-definitions.ts';
import {
	changeRows,
	exportRows,
	exportStatus,
	inScope,
	vnDate,
	type AreaNames,
	type ExportRow
} from '../../src/lib/domain/metric-export.ts';
import { officialPublicMetrics } from '../../src/lib/domain/official-metrics.ts';

const START = '2025-11-30T17:00:00.000Z';
const END = '2026-11-30T16:59:59.999Z';

function counts(over: Partial<AreaCounts>): AreaCounts {
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

/** A province 19 of four communes: A large, B small (hidden), C hidden to protect B, E empty. */
const AREAS: AreaCounts[] = [
	counts({
		level: 'country',
		code: 'VN',
		provinceCode: null,
		householdsKnown: 73,
		householdsReached: 40,
		teams: 3,
		members: 15,
		population: 28_000,
		communes: 4,
		communesWithRecords: 3,
		communesWithHouseholds: 3,
		communesWithPopulation: 3
	}),
	counts({
		level: 'province',
		code: '19',
		provinceCode: '19',
		householdsKnown: 73,
		householdsReached: 40,
		teams: 3,
		members: 15,
		population: 28_000,
		communes: 4,
		communesWithRecords: 3,
		communesWithHouseholds: 3,
		communesWithPopulation: 3
	}),
	counts({
		code: '05923',
		householdsKnown: 40,
		householdsReached: 25,
		teams: 2,
		members: 14,
		population: 12_000
	}),
	counts({
		code: '05926',
		householdsKnown: 3,
		householdsReached: 3,
		teams: 1,
		members: 1,
		population: 9_000
	}),
	counts({ code: '05929', householdsKnown: 30, householdsReached: 12, population: 7_000 }),
	counts({ code: '05932' })
];

const NAMES = new Map<string, AreaNames>([
	['VN', { name: 'Việt Nam', provinceCode: null, provinceName: null }],
	['19', { name: 'Tỉnh Thái Nguyên', provinceCode: '19', provinceName: 'Tỉnh Thái Nguyên' }],
	...['05923', '05926', '05929', '05932'].map(
		(c) => [c, { name: `Xã ${c}`, provinceCode: '19', provinceName: 'Tỉnh Thái Nguyên' }] as const
	)
]);

const def = (key: string): MetricDefinition => metricDefinition(key)!;

function rowsOf(key: string, area = '19', services: AreaServiceCounts[] = []) {
	const pub = toPublicMetrics(AREAS, services, [key]);
	return exportRows(def(key), pub, NAMES, inScope(area, 'province'));
}

describe('exportRows', () => {
	it('gives every area of a province its status: ok, suppressed, no data', () => {
		const rows = rowsOf('households_reached');
		expect(rows.map((r) => [r.code, r.status])).toEqual([
			['19', 'ok'],
			['05923', 'ok'],
			['05926', 'suppressed'],
			['05929', 'suppressed'],
			['05932', 'no_data']
		]);
		const a = rows.find((r) => r.code === '05923')!;
		expect(a).toMatchObject({ value: 0.625, numerator: 25, denominator: 40, level: 'commune' });
		expect(a).toMatchObject({ name: 'Xã 05923', provinceName: 'Tỉnh Thái Nguyên' });
	});

	it('leaks nothing hidden: no value, numerator or denominator in a suppressed row', () => {
		for (const key of ['households_reached', 'members_per_1000']) {
			for (const r of rowsOf(key).filter((x) => x.status !== 'ok' && x.status !== 'estimate')) {
				expect([r.value, r.numerator, r.denominator], `${key} ${r.code}`).toEqual([
					null,
					null,
					null
				]);
			}
		}
		// The underlying counts of the hidden commune (3 households) appear nowhere in its row.
		const b = rowsOf('households_reached').find((r) => r.code === '05926')!;
		expect(Object.values(b)).not.toContain(3);
	});

	it('marks a shown figure built on the population estimate as "estimate", never "ok"', () => {
		const rows = rowsOf('members_per_1000');
		const province = rows[0]!;
		expect(province.status).toBe('estimate');
		expect(province.value).toBe(Number(((15 / 28_000) * 1000).toFixed(2)));
		expect(rows.map((r) => r.status)).not.toContain('ok');
		expect(rows.find((r) => r.code === '05932')!.status).toBe('no_data');
	});

	it('says how many communes a province figure stands on', () => {
		expect(rowsOf('teams')[0]!.basis).toEqual({ withData: 3, communes: 4 });
		expect(rowsOf('teams').find((r) => r.code === '05923')!.basis).toBeNull();
	});

	it('rounds the value as the map does and dates the period in Vietnam time', () => {
		const r = rowsOf('households_reached')[0]!;
		expect(r.value).toBe(Number((40 / 73).toFixed(4)));
		expect([r.periodStart, r.periodEnd]).toEqual(['2025-12-01', '2026-11-30']);
	});

	it('marks an apportioned official figure as an estimate and names its source', () => {
		const official = def('official_vneid');
		const pub = officialPublicMetrics(official, {
			communes: [
				{ code: '05923', provinceCode: '19' },
				{ code: '05926', provinceCode: '19' },
				{ code: '05929', provinceCode: '19' }
			],
			figures: [
				{
					communeCode: '05923',
					provinceCode: '19',
					month: '2026-09',
					value: 1200,
					estimate: true,
					source: 'Bộ Công an',
					importedAt: 1
				},
				{
					communeCode: '05926',
					provinceCode: '19',
					month: '2026-09',
					value: 4,
					estimate: false,
					source: 'Bộ Công an',
					importedAt: 1
				},
				{
					communeCode: '05929',
					provinceCode: '19',
					month: '2026-09',
					value: 900,
					estimate: false,
					source: 'Bộ Công an',
					importedAt: 1
				}
			],
			totals: [
				{
					provinceCode: '19',
					total: 2104,
					communes: 3,
					estimate: true,
					firstMonth: '2026-09',
					lastMonth: '2026-09',
					importedAt: 1
				}
			],
			provinces: [{ code: '19', communeCount: 4 }],
			currentMonth: '2026-11'
		});
		const rows = exportRows(official, pub, NAMES, inScope('19', 'province'));
		const byCode = new Map(rows.map((r) => [r.code, r]));
		expect(byCode.get('05923')).toMatchObject({
			status: 'estimate',
			value: 1200,
			source: 'Bộ Công an'
		});
		expect(byCode.get('05926')).toMatchObject({
			status: 'suppressed',
			value: null,
			numerator: null
		});
		expect(byCode.get('05929')!.status).toBe('suppressed'); // protects 05926 from 19 − others
		expect(byCode.get('05929')!.value).toBeNull();
		expect(byCode.get('05923')!.periodStart).toBe('2026-09-01');
	});
});

describe('inScope', () => {
	const pub = toPublicMetrics(AREAS, [], ['teams']);
	const codes = (area: string, level: 'province' | 'commune') =>
		pub.filter(inScope(area, level)).map((a) => a.code);

	it.each([
		['the country and its provinces', 'VN', 'province', ['VN', '19']],
		['every commune of the country', 'VN', 'commune', ['05923', '05926', '05929', '05932']],
		['a province and its communes', '19', 'province', ['19', '05923', '05926', '05929', '05932']],
		['one commune', '05926', 'province', ['05926']]
	] as const)('exports %s', (_, area, level, expected) => {
		expect(codes(area, level)).toEqual(expected);
	});
});

describe('exportStatus and vnDate', () => {
	it('never calls a figure without a value ok', () => {
		const m = toPublicMetrics([AREAS[5]!], [], ['teams'])[0]!.metrics[0]!;
		expect(exportStatus(m)).toBe('no_data');
	});
	it('turns an instant into its Vietnam date and keeps a date as it is', () => {
		expect(vnDate('2026-11-30T17:00:00.000Z')).toBe('2026-12-01');
		expect(vnDate('2026-09-30')).toBe('2026-09-30');
		expect(() => vnDate('soon')).toThrow(RangeError);
	});
});

describe('change since rows', () => {
	const def = metricDefinition('households_reached')!;
	const row = (code: string, over: Partial<ExportRow>): ExportRow => ({
		level: code.length === 2 ? 'province' : 'commune',
		code,
		name: code,
		provinceCode: '19',
		provinceName: 'Thái Nguyên',
		metric: def.key,
		periodStart: '2026-10-01',
		periodEnd: '2026-10-31',
		value: 0.5,
		numerator: 10,
		denominator: 20,
		status: 'ok',
		basis: null,
		source: null,
		...over
	});
	const hidden = { status: 'suppressed' as const, value: null, numerator: null, denominator: null };
	const none = { status: 'no_data' as const, value: null, numerator: null, denominator: null };

	it('writes the difference where both months show a figure, hidden where either hides it', () => {
		const from = [
			row('19', { value: 0.4, basis: { withData: 40, communes: 92 } }),
			row('05923', { value: 0.3 }),
			row('05926', hidden),
			row('05929', { value: 0.2 }),
			row('05932', none),
			row('05935', hidden)
		];
		const to = [
			row('19', {
				value: 0.55,
				periodStart: '2026-11-01',
				periodEnd: '2026-11-30',
				basis: { withData: 52, communes: 92 }
			}),
			row('05923', { value: 0.1 }),
			row('05926', { value: 0.9 }),
			row('05929', hidden),
			row('05932', { value: 0.4, status: 'estimate' }),
			row('05935', none)
		];
		const out = changeRows(def, from, to);
		expect(out.map((r) => [r.code, r.status, r.value, r.numerator])).toEqual([
			['19', 'ok', 0.15, null],
			['05923', 'ok', -0.2, null],
			['05926', 'suppressed', null, null],
			['05929', 'suppressed', null, null],
			['05932', 'no_data', null, null],
			['05935', 'suppressed', null, null]
		]);
		expect(out[0]).toMatchObject({
			periodStart: '2026-10-01',
			periodEnd: '2026-11-30',
			basis: { withData: 52, communes: 92, fromWithData: 40 }
		});
	});

	it('marks a difference with an estimate in either month as an estimate', () => {
		const out = changeRows(
			def,
			[row('05923', { status: 'estimate', value: 0.2 })],
			[row('05923', { value: 0.25 })]
		);
		expect(out[0]).toMatchObject({ status: 'estimate', value: 0.05 });
	});
});
