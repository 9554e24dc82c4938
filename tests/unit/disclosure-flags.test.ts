import { describe, expect, it } from 'vitest';
import {
	NO_FLAGS,
	flagKey,
	sumsRule,
	withHidden,
	type PublishedFlags
} from '../../src/lib/domain/disclosure-flags.ts';
import {
	LAST_12,
	protectPublished,
	protectedMetricKeys,
	publishedMetricOf
} from '../../src/lib/domain/disclosure-publish.ts';
import type { PublicAreaMetrics, MetricValue } from '../../src/lib/domain/metrics.ts';
import type { MonthCounts } from '../../src/lib/domain/metric-months.ts';

const metric = (status: MetricValue['status']): MetricValue => ({
	key: 'helped_vneid',
	status,
	value: status === 'value' ? 40 : null,
	numerator: status === 'value' ? 40 : null,
	denominator: null,
	denominatorLabel: { vi: '', en: '' },
	period: { start: '', end: '' },
	estimate: false
});
const area = (level: PublicAreaMetrics['level'], code: string, status: MetricValue['status']) => ({
	level,
	code,
	provinceCode: level === 'commune' ? '19' : null,
	demoRecords: 0,
	computedAt: 0,
	metrics: [metric(status)]
});

describe('withHidden: the job’s flags on public figures', () => {
	const flags: PublishedFlags = {
		hidden: new Set([
			flagKey('helped_vneid', '2026-11', '05923'),
			flagKey('helped_vneid', '2026-11', 'VN'),
			flagKey('helped_vneid', '2026-11', '05926')
		]),
		covered: new Set(['helped_vneid|2026-11'])
	};
	it.each([
		[
			'a flagged commune with a value becomes suppressed',
			'commune',
			'05923',
			'value',
			'suppressed'
		],
		['the country is flagged as VN', 'country', 'XX', 'value', 'suppressed'],
		['"no data" stays "no data"', 'commune', '05926', 'no_data', 'no_data'],
		['an unflagged commune keeps its value', 'commune', '05929', 'value', 'value']
	] as const)('%s', (_, level, code, status, expected) => {
		const [out] = withHidden([area(level, code, status)], '2026-11', flags);
		expect(out!.metrics[0]!.status).toBe(expected);
		if (expected === 'suppressed')
			expect(out!.metrics[0]).toMatchObject({ value: null, numerator: null });
	});

	it('flags of another period do not apply', () => {
		const [out] = withHidden([area('commune', '05923', 'value')], '2026-10', flags);
		expect(out!.metrics[0]!.status).toBe('value');
	});

	it('the cross-section rule is left out only where the flags cover the metric and period', () => {
		expect(sumsRule(flags, '2026-11')('helped_vneid')).toBe(false);
		expect(sumsRule(flags, '2026-10')('helped_vneid')).toBe(true);
		expect(sumsRule(flags, '2026-11')('helped_vssid')).toBe(true);
		expect(sumsRule(NO_FLAGS, '2026-11')('helped_vneid')).toBe(true);
	});
});

describe('publishedMetricOf and protectPublished', () => {
	const row = (code: string, month: string, known: number, reached: number): MonthCounts => ({
		level: 'commune',
		code,
		month,
		provinceCode: code.slice(0, 2),
		closed: true,
		teams: 1,
		members: 0,
		population: null,
		hamlets: 0,
		hamletsCovered: 0,
		householdsKnown: known,
		householdsReached: reached,
		householdsVisited: reached,
		visits: 0,
		demoRecords: 0,
		computedAt: 0
	});

	it('protects only metrics with the small-count rule (not teams, not official figures)', () => {
		const keys = protectedMetricKeys();
		expect(keys).toContain('helped_vneid');
		expect(keys).toContain('households_reached');
		expect(keys).not.toContain('teams');
		expect(keys.some((k) => k.startsWith('official_'))).toBe(false);
	});

	it('a stock’s quarter and 12-month figures take its last month’s flags', () => {
		// 19001 reached 4 of 30 households at the end of September 2026: hidden then.
		const rows = [
			row('19001', '2026-09', 30, 4),
			row('19002', '2026-09', 50, 30),
			row('19003', '2026-09', 60, 40),
			row('19001', '2026-12', 30, 20),
			row('19002', '2026-12', 50, 30),
			row('19003', '2026-12', 60, 40)
		];
		const p = publishedMetricOf('households_reached', '2026-12', rows, []);
		expect(p.aggregation).toBe('stock');
		const { hidden } = protectPublished(p);
		const at = (period: string) =>
			hidden
				.filter((h) => h.period === period)
				.map((h) => h.code)
				.sort();
		expect(at('2026-09')).toContain('19001');
		expect(at('2026-Q3')).toEqual(at('2026-09'));
		expect(at(LAST_12)).toEqual(at('2026-12'));
	});

	it('a commune without any row in the window adds nothing (no cell)', () => {
		const p = publishedMetricOf(
			'households_reached',
			'2026-12',
			[row('19001', '2024-01', 30, 4)],
			[]
		);
		expect(p.provinces).toEqual([]);
		expect(protectPublished(p)).toEqual({ hidden: [], unresolved: [] });
	});
});
