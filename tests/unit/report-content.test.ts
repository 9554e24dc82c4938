import { describe, expect, it } from 'vitest';
import {
	buildReportContent,
	isReportPeriod,
	monthsToRead,
	periodEnded,
	periodMonths,
	trendMonths,
	type ReportFigure
} from '../../src/lib/domain/report-content.ts';
import {
	toPublicMonth,
	type MonthCounts,
	type MonthServiceCounts
} from '../../src/lib/domain/metric-months.ts';
import { monthPeriod } from '../../src/lib/domain/metric-months.ts';
import { reportTableRows, REPORT_TABLE_HEADER } from '../../src/lib/domain/report-table.ts';

const base = {
	closed: true,
	teams: 3,
	members: 20,
	population: 10_000,
	hamlets: 10,
	hamletsCovered: 5,
	householdsKnown: 400,
	householdsReached: 200,
	householdsVisited: 250,
	visits: 30,
	demoRecords: 0,
	computedAt: 1
};
const area = (
	level: MonthCounts['level'],
	code: string,
	month: string,
	over: Partial<MonthCounts> = {}
): MonthCounts => ({
	level,
	code,
	month,
	provinceCode: level === 'country' ? null : level === 'province' ? code : '19',
	...base,
	...over
});
const svc = (
	level: MonthServiceCounts['level'],
	code: string,
	month: string,
	helped: number,
	over: Partial<MonthServiceCounts> = {}
): MonthServiceCounts => ({
	level,
	code,
	month,
	serviceCode: 'vneid',
	provinceCode: level === 'country' ? null : level === 'province' ? code : '19',
	adultsUsing: 300,
	adultsTotal: 500,
	helped,
	...over
});

/** One month's cross-section: the country, province 19 and its two communes. */
function monthRows(month: string, a: number, b: number, over: Partial<MonthCounts> = {}) {
	const rows = [
		area('country', 'VN', month, {
			teams: 6,
			members: 40,
			householdsKnown: 800,
			householdsReached: 400
		}),
		area('province', '19', month, {
			teams: 6,
			members: 40,
			householdsKnown: 800,
			householdsReached: 400
		}),
		area('commune', '05569', month, over),
		area('commune', '05923', month)
	];
	const services = [
		svc('country', 'VN', month, a + b, { adultsUsing: 600, adultsTotal: 1000 }),
		svc('province', '19', month, a + b, { adultsUsing: 600, adultsTotal: 1000 }),
		svc('commune', '05569', month, a),
		svc('commune', '05923', month, b)
	];
	return { rows, services };
}

function quarter(months: [string, number, number][]) {
	const parts = months.map(([m, a, b]) => monthRows(m, a, b));
	return { rows: parts.flatMap((p) => p.rows), services: parts.flatMap((p) => p.services) };
}

const names = new Map([
	['05569', 'Xã Định Hoá'],
	['05923', 'Xã Phú Lương'],
	['19', 'Tỉnh Thái Nguyên']
]);
const fig = (c: { figures: ReportFigure[] }, key: string) => c.figures.find((f) => f.key === key)!;

describe('report periods', () => {
	it.each([
		['2026-10', true],
		['2026-Q3', true],
		['2026-Q5', false],
		['2026-13', false],
		['2026-q3', false]
	])('%s is a period: %s', (p, ok) => expect(isReportPeriod(p)).toBe(ok));

	it('gives a quarter its three months and a month itself', () => {
		expect(periodMonths('2026-Q3')).toEqual(['2026-07', '2026-08', '2026-09']);
		expect(periodMonths('2026-10')).toEqual(['2026-10']);
	});

	it('says a period has ended only after its last month', () => {
		expect(periodEnded('2026-Q3', '2026-10')).toBe(true);
		expect(periodEnded('2026-Q4', '2026-12')).toBe(false);
		expect(periodEnded('2026-11', '2026-11')).toBe(false);
	});

	it('reads a month with the five before it for its trend, a quarter its own months', () => {
		expect(trendMonths('2026-10')).toEqual([
			'2026-05',
			'2026-06',
			'2026-07',
			'2026-08',
			'2026-09',
			'2026-10'
		]);
		expect(monthsToRead('2026-Q3')).toEqual(['2026-07', '2026-08', '2026-09']);
	});
});

describe('the content of a report', () => {
	it('holds a commune’s figures of a month exactly as the map computes them', () => {
		const { rows, services } = monthRows('2026-10', 25, 40);
		const c = buildReportContent({
			level: 'commune',
			code: '05569',
			period: '2026-10',
			names,
			rows,
			services
		})!;
		const map = toPublicMonth(monthPeriod('2026-10'), rows, services, c.keys);
		const mine = map.find((a) => a.code === '05569')!;
		for (const m of mine.metrics) {
			const f = fig(c.area, m.key);
			expect([f.status, f.numerator, f.denominator]).toEqual([
				m.status,
				m.numerator,
				m.denominator
			]);
		}
		expect(fig(c.area, 'helped_vneid')).toMatchObject({ status: 'value', value: 25 });
		expect(fig(c.area, 'households_reached')).toMatchObject({
			value: 0.5,
			numerator: 200,
			denominator: 400
		});
		expect(c.area.name).toBe('Xã Định Hoá');
		expect(c.communes).toEqual([]);
		expect(c.final).toBe(true);
	});

	it('sums a quarter’s flows and keeps its last month’s stocks', () => {
		const data = quarter([
			['2026-07', 20, 30],
			['2026-08', 15, 30],
			['2026-09', 12, 30]
		]);
		data.rows = data.rows.map((r) =>
			r.code === '05569' && r.month === '2026-09' ? { ...r, teams: 4, householdsReached: 260 } : r
		);
		const c = buildReportContent({
			level: 'commune',
			code: '05569',
			period: '2026-Q3',
			names,
			...data
		})!;
		expect(fig(c.area, 'helped_vneid').value).toBe(47);
		expect(fig(c.area, 'teams').value).toBe(4);
		expect(fig(c.area, 'households_reached')).toMatchObject({ numerator: 260, denominator: 400 });
		expect(c.trend.map((m) => [m.month, fig(m, 'helped_vneid').value])).toEqual([
			['2026-07', 20],
			['2026-08', 15],
			['2026-09', 12]
		]);
	});

	it('hides a small count, and the sibling that would give it away, as the map does', () => {
		const { rows, services } = monthRows('2026-10', 4, 40);
		const p = buildReportContent({
			level: 'province',
			code: '19',
			period: '2026-10',
			names,
			rows,
			services
		})!;
		expect(fig(p.area, 'helped_vneid')).toMatchObject({ status: 'value', value: 44 });
		expect(p.communes.map((c) => [c.code, c.name, fig(c, 'helped_vneid').status])).toEqual([
			['05569', 'Xã Định Hoá', 'suppressed'],
			['05923', 'Xã Phú Lương', 'suppressed']
		]);
	});

	it('is not final while a month of the period is open, and is null without figures', () => {
		const { rows, services } = monthRows('2026-10', 25, 40, { closed: false });
		expect(
			buildReportContent({
				level: 'commune',
				code: '05569',
				period: '2026-10',
				names,
				rows,
				services
			})!.final
		).toBe(false);
		expect(
			buildReportContent({
				level: 'commune',
				code: '05569',
				period: '2026-09',
				names,
				rows,
				services
			})
		).toBeNull();
	});

	it('lays the report out as one table: a row per area and figure, status and numbers', () => {
		const { rows, services } = monthRows('2026-10', 4, 40);
		const p = buildReportContent({
			level: 'province',
			code: '19',
			period: '2026-10',
			names,
			rows,
			services
		})!;
		const table = reportTableRows(p);
		expect(table).toHaveLength(3 * p.keys.length);
		const helped = (code: string) => table.find((r) => r[1] === code && r[4] === 'helped_vneid')!;
		expect(REPORT_TABLE_HEADER.length).toBe(helped('19').length);
		expect(helped('19').slice(6, 9)).toEqual(['ok', 44, 44]);
		expect(helped('05569').slice(6, 9)).toEqual(['suppressed', null, null]);
	});
});
