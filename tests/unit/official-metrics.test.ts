import { describe, expect, it } from 'vitest';
import {
	monthPeriod,
	officialPublicMetrics,
	type OfficialFigure,
	type OfficialMetricValue,
	type OfficialTotal
} from '../../src/lib/domain/official-metrics.ts';
import { metricDefinition } from '../../src/lib/domain/metric-definitions.ts';
import { toPublicMetrics, type AreaCounts } from '../../src/lib/domain/metrics.ts';

const def = metricDefinition('official_vneid')!;

const fig = (
	communeCode: string,
	provinceCode: string,
	value: number,
	month = '2025-09'
): OfficialFigure => ({
	communeCode,
	provinceCode,
	month,
	value,
	estimate: false,
	source: 'Bộ Công an',
	importedAt: 1
});

function totals(figures: OfficialFigure[]): OfficialTotal[] {
	const by = new Map<string, OfficialFigure[]>();
	for (const f of figures) by.set(f.provinceCode, [...(by.get(f.provinceCode) ?? []), f]);
	return [...by].map(([provinceCode, fs]) => ({
		provinceCode,
		total: fs.reduce((s, f) => s + f.value, 0),
		communes: fs.length,
		estimate: fs.some((f) => f.estimate),
		firstMonth: fs.map((f) => f.month).sort()[0]!,
		lastMonth: fs
			.map((f) => f.month)
			.sort()
			.at(-1)!,
		importedAt: 1
	}));
}

function run(figures: OfficialFigure[]) {
	const communes = [
		{ code: '10001', provinceCode: '19' },
		{ code: '10002', provinceCode: '19' },
		{ code: '10003', provinceCode: '19' },
		{ code: '20001', provinceCode: '01' }
	];
	const out = officialPublicMetrics(def, {
		communes,
		figures,
		totals: totals(figures),
		provinces: [
			{ code: '19', communeCount: 3 },
			{ code: '01', communeCount: 1 }
		],
		currentMonth: '2026-12'
	});
	return new Map(out.map((a) => [a.code, a.metrics[0] as OfficialMetricValue]));
}

describe('official metrics', () => {
	it('shows a commune its figure, month and source, and "no data" (never 0) without one', () => {
		const m = run([fig('10001', '19', 1200, '2025-10'), fig('10002', '19', 300)]);
		expect(m.get('10001')).toMatchObject({
			status: 'value',
			value: 1200,
			period: { start: '2025-10-01', end: '2025-10-31' },
			official: { source: 'Bộ Công an' }
		});
		expect(m.get('10001')!.denominatorLabel.vi).toMatch(/Nguồn: Bộ Công an/);
		expect(m.get('10003')).toMatchObject({ status: 'no_data', value: null });
		expect(m.get('20001')).toMatchObject({ status: 'no_data', value: null });
	});

	it('sums a province and the country over the communes with a figure, saying how many', () => {
		const m = run([
			fig('10001', '19', 1200, '2025-10'),
			fig('10002', '19', 300),
			fig('20001', '01', 50)
		]);
		expect(m.get('19')).toMatchObject({ value: 1500, basis: { withData: 2, communes: 3 } });
		expect(m.get('19')!.period).toEqual({ start: '2025-09-01', end: '2025-10-31' });
		expect(m.get('VN')).toMatchObject({ value: 1550, basis: { withData: 3, communes: 4 } });
		expect(m.get('01')).toMatchObject({ value: 50, basis: { withData: 1, communes: 1 } });
	});

	it('hides counts of 1–10 and what would give them away', () => {
		const m = run([fig('10001', '19', 1200), fig('10002', '19', 4), fig('20001', '01', 500)]);
		expect(m.get('10002')!.status).toBe('suppressed');
		// 19 = 1,204 is shown, so 10001 alone would reveal 10002 = 4: it is hidden too.
		expect(m.get('10001')!.status).toBe('suppressed');
		expect(m.get('19')).toMatchObject({ status: 'value', value: 1204 });
		const shown = [...m.values()].filter((v) => v.status === 'value').map((v) => v.value!);
		expect(shown.some((v) => v >= 1 && v <= 10)).toBe(false);
	});

	it('marks an apportioned figure and the sums over it as estimates', () => {
		const m = run([{ ...fig('10001', '19', 750), estimate: true }, fig('10002', '19', 300)]);
		expect(m.get('10001')!.estimate).toBe(true);
		expect(m.get('10002')!.estimate).toBe(false);
		expect(m.get('19')!.estimate).toBe(true);
	});

	it("is never read from the teams' own counts (a month's series, a job's rows)", () => {
		const area = {
			level: 'commune',
			code: '10001',
			provinceCode: '19',
			periodStart: '2025-01-01',
			periodEnd: '2025-12-31',
			teams: 3,
			members: 20,
			population: 5000,
			hamlets: 4,
			hamletsCovered: 2,
			householdsKnown: 300,
			householdsReached: 100,
			householdsVisited: 120,
			demoRecords: 0,
			computedAt: 1
		} as AreaCounts;
		const svc = {
			level: 'commune' as const,
			code: '10001',
			provinceCode: '19',
			serviceCode: 'vneid',
			adultsUsing: 80,
			adultsTotal: 200,
			helped: 55
		};
		const [out] = toPublicMetrics([area], [svc], ['official_vneid', 'helped_vneid']);
		expect(out!.metrics.map((m) => [m.key, m.status, m.value])).toEqual([
			['official_vneid', 'no_data', null],
			['helped_vneid', 'value', 55]
		]);
	});

	it('states a month as its first and last day', () => {
		expect(monthPeriod('2024-02')).toEqual({ start: '2024-02-01', end: '2024-02-29' });
		expect(monthPeriod('2025-07', '2025-12')).toEqual({ start: '2025-07-01', end: '2025-12-31' });
	});
});
