/**
 * Issue 16 §8's property: over random data, everything published for a period — communes,
 * provinces and the country, month by month, quarters and the 12-month figures, as the read path
 * publishes them (toPublicMonth / the report's combined months, then the job's flags) — leaves no
 * hidden cell determined and no small sum of hidden cells. And the same data published with the
 * cross-section's rule only IS revealed (the property is not vacuous).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	LAST_12,
	auditPublished,
	protectPublished,
	publishedCell,
	publishedMetricOf,
	publishedPeriods
} from '../../src/lib/domain/disclosure-publish.ts';
import {
	NO_FLAGS,
	flagKey,
	sumsRule,
	withHidden,
	type PublishedFlags
} from '../../src/lib/domain/disclosure-flags.ts';
import {
	monthPeriod,
	toPublicMonth,
	type MonthCounts,
	type MonthServiceCounts
} from '../../src/lib/domain/metric-months.ts';
import { publicFiguresOf } from '../../src/lib/domain/report-content.ts';

const CURRENT = '2026-12';
const { months: WINDOW, groups: GROUPS } = publishedPeriods(CURRENT);
const FLOW = 'helped_vneid';
const STOCK = 'households_reached';

interface Cell {
	helped: number;
	known: number;
	reached: number;
}
/** provinces[p][commune][month of the last few] = a cell or null (no row). */
type Data = (Cell | null)[][][];

function row(level: MonthCounts['level'], code: string, p: string | null, month: string, c: Cell) {
	const area: MonthCounts = {
		level,
		code,
		month,
		provinceCode: p,
		closed: month < CURRENT,
		teams: 1,
		members: 0,
		population: null,
		hamlets: 0,
		hamletsCovered: 0,
		householdsKnown: c.known,
		householdsReached: c.reached,
		householdsVisited: c.reached,
		visits: c.helped,
		demoRecords: 0,
		computedAt: 1
	};
	const service: MonthServiceCounts = {
		level,
		code,
		month,
		serviceCode: 'vneid',
		provinceCode: p,
		adultsUsing: 0,
		adultsTotal: 0,
		helped: c.helped
	};
	return { area, service };
}

/** Month rows as the job stores them: communes, and provinces and the country as their sums. */
function rowsOf(data: Data, recent: string[]) {
	const areas: MonthCounts[] = [];
	const services: MonthServiceCounts[] = [];
	const push = (r: ReturnType<typeof row>) => (areas.push(r.area), services.push(r.service));
	const add = (a: Cell, b: Cell) => ({
		helped: a.helped + b.helped,
		known: a.known + b.known,
		reached: a.reached + b.reached
	});
	recent.forEach((month, k) => {
		let country: Cell | null = null;
		data.forEach((communes, p) => {
			const pc = String(10 + p);
			let province: Cell | null = null;
			communes.forEach((cells, c) => {
				const cell = cells[k];
				if (!cell) return;
				push(row('commune', `${pc}${String(c).padStart(3, '0')}`, pc, month, cell));
				province = province ? add(province, cell) : cell;
			});
			if (!province) return;
			push(row('province', pc, pc, month, province));
			country = country ? add(country, province) : province;
		});
		if (country) push(row('country', 'VN', null, month, country));
	});
	return { areas, services };
}

/**
 * What the read path publishes of one metric: which (period, code) a reader gets no number for —
 * suppressed, or "no data" (never to be read as 0) — and which of those are "no data".
 */
function publishedHidden(
	key: string,
	rows: { areas: MonthCounts[]; services: MonthServiceCounts[] },
	flags: PublishedFlags
) {
	const hidden = new Set<string>();
	const noData = new Set<string>();
	const mark = (period: string, pub: ReturnType<typeof toPublicMonth>) =>
		withHidden(pub, period, flags).forEach((a) => {
			const { status } = a.metrics[0]!;
			if (status !== 'value') hidden.add(`${period}|${a.code}`);
			if (status === 'no_data') noData.add(`${period}|${a.code}`);
		});
	for (const month of WINDOW) {
		const areas = rows.areas.filter((r) => r.month === month);
		if (areas.length === 0) continue;
		const svcs = rows.services.filter((s) => s.month === month);
		mark(month, toPublicMonth(monthPeriod(month), areas, svcs, [key], sumsRule(flags, month)));
	}
	for (const g of GROUPS) {
		const months = g.months.map((i) => WINDOW[i]!);
		if (!rows.areas.some((r) => months.includes(r.month))) continue;
		const rule = sumsRule(flags, g.label);
		mark(g.label, publicFiguresOf(months, rows.areas, rows.services, [key], g.label, rule));
	}
	return {
		isHidden: (period: string, code: string) => hidden.has(`${period}|${code}`),
		isNoData: (c: { period: string; code: string }) => noData.has(`${c.period}|${c.code}`)
	};
}

const cellArb = fc
	.record({
		helped: fc.oneof(
			fc.constant(0),
			fc.integer({ min: 1, max: 10 }),
			fc.integer({ min: 11, max: 90 })
		),
		known: fc.integer({ min: 0, max: 60 }),
		reachedShare: fc.double({ min: 0, max: 1, noNaN: true })
	})
	.map(({ helped, known, reachedShare }) => ({
		helped,
		known,
		reached: Math.round(known * reachedShare)
	}));
const dataArb = fc
	.integer({ min: 1, max: 5 })
	.chain((recent) =>
		fc
			.array(
				fc.array(
					fc.array(fc.option(cellArb, { freq: 6 }), { minLength: recent, maxLength: recent }),
					{ minLength: 1, maxLength: 4 }
				),
				{ minLength: 1, maxLength: 3 }
			)
			.map((data) => ({ data, recent: WINDOW.slice(-recent) }))
	);

function publish(key: string, data: Data, recent: string[], protect: boolean) {
	const rows = rowsOf(data, recent);
	const communes = rows.areas.filter((r) => r.level === 'commune');
	const metric = publishedMetricOf(key, CURRENT, communes, rows.services);
	const result = protect ? protectPublished(metric) : { hidden: [], unresolved: [] };
	// The job's flags cover every period of the window (they replace the cross-section's rule).
	const covered = new Set([...WINDOW, ...GROUPS.map((g) => g.label)].map((p) => `${key}|${p}`));
	const flags: PublishedFlags = protect
		? { hidden: new Set(result.hidden.map((h) => flagKey(key, h.period, h.code))), covered }
		: NO_FLAGS;
	const read = publishedHidden(key, rows, flags);
	const audit = auditPublished(metric, read.isHidden);
	// A "no data" figure shows no number; working one out tells nothing (its count is 0: nothing
	// entered, nothing helped). What matters is every suppressed figure and every small sum.
	const cell = publishedCell(metric);
	const determined = audit.determined.filter((id) => !read.isNoData(cell(id)));
	return { unresolved: result.unresolved, audit: { ...audit, determined } };
}

const revealed = (a: { determined: string[]; smallSums: unknown[] }) =>
	a.determined.length + a.smallSums.length > 0;

describe('everything published for a period, audited as one system', () => {
	it.each([FLOW, STOCK])(
		'%s: no hidden cell is determined, no small sum of hidden cells',
		(key) => {
			fc.assert(
				fc.property(dataArb, ({ data, recent }) => {
					const { audit, unresolved } = publish(key, data, recent, true);
					expect(unresolved).toEqual([]);
					expect(audit).toEqual({ determined: [], smallSums: [] });
				}),
				{ numRuns: 150 }
			);
		},
		120_000
	);

	it('is not vacuous: with the cross-section rule only, random data is revealed', () => {
		const samples = fc.sample(dataArb, { numRuns: 150, seed: 16_8 });
		const leaks = samples.filter(({ data, recent }) =>
			revealed(publish(FLOW, data, recent, false).audit)
		);
		expect(leaks.length).toBeGreaterThan(10);
	}, 120_000);

	it('a month is worked out from the 12-month total without the flags, and not with them', () => {
		// One province, two communes, two months: commune 0 helped 4 people in November, so the
		// month's cross-section hides both communes; their 12-month totals are shown.
		const c = (helped: number): Cell => ({ helped, known: 0, reached: 0 });
		const data: Data = [
			[
				[c(4), c(30)],
				[c(30), c(40)]
			]
		];
		const recent = ['2026-11', '2026-12'];
		const bare = publish(FLOW, data, recent, false).audit;
		expect(bare.determined).toContain('p0:a0/m22');
		expect(publish(FLOW, data, recent, true).audit).toEqual({ determined: [], smallSums: [] });
	});

	it('the 12-month figures of a flow are the window’s last 12 months', () => {
		const last = GROUPS.find((g) => g.label === LAST_12)!;
		expect(last.months.map((i) => WINDOW[i])).toEqual(WINDOW.slice(-12));
		expect(GROUPS.map((g) => g.label).filter((l) => l !== LAST_12)).toEqual([
			'2025-Q1',
			'2025-Q2',
			'2025-Q3',
			'2025-Q4',
			'2026-Q1',
			'2026-Q2',
			'2026-Q3'
		]);
	});
});
