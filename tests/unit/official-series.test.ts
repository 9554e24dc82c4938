import { describe, expect, it } from 'vitest';
import { officialSeries } from '../../src/lib/domain/official-series.ts';
import { metricDefinition } from '../../src/lib/domain/metric-definitions.ts';
import {
	officialPublicMetrics,
	type OfficialFigure,
	type OfficialTotal
} from '../../src/lib/domain/official-metrics.ts';
import { splitOfficial, withOfficialFigures } from '../../src/lib/domain/report-official.ts';
import type { ReportContent } from '../../src/lib/domain/report-content.ts';

const def = metricDefinition('official_vneid')!;
const fig = (
	communeCode: string,
	month: string,
	value: number,
	estimate = false
): OfficialFigure => ({
	communeCode,
	provinceCode: '19',
	month,
	value,
	estimate,
	source: 'Công an tỉnh',
	importedAt: 1
});
const total = (figures: OfficialFigure[], month: string): OfficialTotal & { month: string } => {
	const fs = figures.filter((f) => f.month === month);
	return {
		provinceCode: '19',
		month,
		total: fs.reduce((s, f) => s + f.value, 0),
		communes: fs.length,
		estimate: fs.some((f) => f.estimate),
		firstMonth: month,
		lastMonth: month,
		importedAt: 1
	};
};

describe('official figures over time', () => {
	const figures = [
		fig('10001', '2025-07', 1200, true),
		fig('10002', '2025-07', 300),
		fig('10001', '2025-09', 1500),
		fig('10002', '2025-09', 4)
	];
	const input = {
		communes: [
			{ code: '10001', provinceCode: '19' },
			{ code: '10002', provinceCode: '19' },
			{ code: '10003', provinceCode: '19' }
		],
		provinces: [{ code: '19', communeCount: 3 }],
		figures,
		totals: [total(figures, '2025-07'), total(figures, '2025-09')],
		currentMonth: '2025-09'
	};
	const months = ['2025-07', '2025-08', '2025-09'];

	it("gives a province each month's sum with its basis, estimates marked, no data between", () => {
		const s = officialSeries(def, { level: 'province', code: '19' }, months, input);
		expect(s).toEqual([
			{
				month: '2025-07',
				status: 'value',
				value: 1500,
				closed: true,
				basis: { withData: 2, communes: 3 },
				estimate: true
			},
			{
				month: '2025-08',
				status: 'no_data',
				value: null,
				closed: true,
				basis: { withData: 0, communes: 3 }
			},
			{
				month: '2025-09',
				status: 'value',
				value: 1504,
				closed: false,
				basis: { withData: 2, communes: 3 }
			}
		]);
	});

	it("hides a commune's 1–10 of a month, and the commune it could be worked out from", () => {
		const a = officialSeries(def, { level: 'commune', code: '10002' }, months, input);
		const b = officialSeries(def, { level: 'commune', code: '10001' }, months, input);
		expect(a.map((p) => p.status)).toEqual(['value', 'no_data', 'suppressed']);
		expect(b.map((p) => [p.status, p.value])).toEqual([
			['value', 1200],
			['no_data', null],
			['suppressed', null]
		]);
		expect(b[0]!.estimate).toBe(true);
	});
});

describe('official figures in a report', () => {
	it("appends the period's official figures with their source; a province's names its communes'", () => {
		const content = {
			level: 'province',
			code: '19',
			period: '2025-09',
			months: ['2025-09'],
			keys: ['teams'],
			area: { level: 'province', code: '19', name: 'Thái Nguyên', figures: [] },
			communes: [{ level: 'commune', code: '10001', name: 'Xã A', figures: [] }],
			trend: [],
			final: true,
			computedAt: 1,
			demo: false
		} as ReportContent;
		const figs = [fig('10001', '2025-09', 1500), fig('10002', '2025-09', 300)];
		const official = officialPublicMetrics(def, {
			communes: [
				{ code: '10001', provinceCode: '19' },
				{ code: '10002', provinceCode: '19' }
			],
			provinces: [{ code: '19', communeCount: 2 }],
			figures: figs,
			totals: [total(figs, '2025-09')],
			currentMonth: '2025-09'
		});
		const out = withOfficialFigures(content, official, [def.key]);
		expect(out.officialKeys).toEqual(['official_vneid']);
		expect(out.area.figures[0]).toMatchObject({
			key: 'official_vneid',
			value: 1800,
			basis: { withData: 2, communes: 2 },
			official: { source: 'Công an tỉnh', months: { first: '2025-09', last: '2025-09' } }
		});
		expect(out.communes[0]!.figures[0]).toMatchObject({ value: 1500 });
		expect(splitOfficial(out.area.figures).official).toHaveLength(1);
	});
});
