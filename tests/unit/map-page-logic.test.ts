import { describe, expect, it } from 'vitest';
import { DEFAULT_METRIC, mapUrlSearch, parseMapUrl } from '../../src/lib/map/url-state.ts';
import { metricBreaks, niceNumber } from '../../src/lib/domain/metric-breaks.ts';
import {
	communeClasses,
	figureOf,
	roundFigure,
	toMetricPayload
} from '../../src/lib/domain/metric-payload.ts';
import { metricDefinition } from '../../src/lib/domain/metric-definitions.ts';
import type { PublicAreaMetrics } from '../../src/lib/domain/metrics.ts';
import { formatFigure, legendEntries, paletteFor } from '../../src/lib/map/legend.ts';
import { NO_DATA_CLASS, SUPPRESSED_CLASS } from '../../src/lib/domain/metric-classes.ts';

describe('map URL state', () => {
	it.each([
		['', { metric: DEFAULT_METRIC, province: null, commune: null, month: null, since: null }],
		[
			'metric=adoption_vneid&province=19&commune=05569',
			{ metric: 'adoption_vneid', province: '19', commune: '05569', month: null, since: null }
		],
		[
			'metric=nope&province=1&commune=5569&month=2026-13&since=2026-01',
			{ metric: DEFAULT_METRIC, province: null, commune: null, month: null, since: null }
		],
		[
			'month=2026-10&since=2026-04',
			{ metric: DEFAULT_METRIC, province: null, commune: null, month: '2026-10', since: '2026-04' }
		],
		// "since" must be earlier than the month, and needs one.
		[
			'month=2026-04&since=2026-10',
			{ metric: DEFAULT_METRIC, province: null, commune: null, month: '2026-04', since: null }
		],
		[
			'since=2026-04',
			{ metric: DEFAULT_METRIC, province: null, commune: null, month: null, since: null }
		]
	])('reads "%s" with fallbacks for invalid parts', (query, expected) => {
		expect(parseMapUrl(new URLSearchParams(query))).toEqual(expected);
	});

	it('writes short links that read back to the same state', () => {
		const state = {
			metric: 'households_reached',
			province: '19',
			commune: '05569',
			month: '2026-10',
			since: '2026-04'
		};
		const search = mapUrlSearch(state);
		expect(search).toBe(
			'?metric=households_reached&province=19&commune=05569&month=2026-10&since=2026-04'
		);
		expect(parseMapUrl(new URLSearchParams(search))).toEqual(state);
		expect(mapUrlSearch({ metric: DEFAULT_METRIC, province: null, commune: null })).toBe('');
	});
});

describe('class breaks', () => {
	it.each([
		[0.013, 0.01],
		[3.4, 2.5],
		[7.6, 10],
		[180, 200]
	])('rounds %d to the nice number %d', (x, nice) => expect(niceNumber(x)).toBe(nice));

	it('uses fixed 20-point steps for proportions', () => {
		expect(metricBreaks('proportion', [0.1, 0.9])).toEqual([0.2, 0.4, 0.6, 0.8]);
	});

	it('starts counts with a break at 1, so zero is a class of its own', () => {
		const values = [0, 0, 1, 2, 3, 4, 6, 8, 12, 20, 40, null];
		const breaks = metricBreaks('count', values);
		expect(breaks[0]).toBe(1);
		expect(breaks).toEqual([...breaks].sort((a, b) => a - b));
		expect(new Set(breaks).size).toBe(breaks.length);
	});

	it('falls back to fixed breaks when there are too few figures', () => {
		expect(metricBreaks('count', [0, 1, null])).toEqual([1, 2, 5, 10]);
		expect(metricBreaks('per_1000', [])).toEqual([0.5, 1, 2, 5]);
	});
});

function area(
	level: PublicAreaMetrics['level'],
	code: string,
	value: number | null,
	status: 'value' | 'no_data' | 'suppressed' = 'value'
): PublicAreaMetrics {
	return {
		level,
		code,
		provinceCode: level === 'country' ? null : code.slice(0, 2),
		demoRecords: 0,
		computedAt: 1000,
		metrics: [
			{
				key: 'households_reached',
				status,
				value,
				numerator: null,
				denominator: null,
				denominatorLabel: { vi: '', en: '' },
				period: { start: 'a', end: 'b' },
				estimate: false
			}
		]
	};
}

describe('compact metric payload', () => {
	const def = metricDefinition('households_reached')!;
	const payload = toMetricPayload(def, [
		area('country', 'VN', 0.5),
		area('province', '19', 0.41234567),
		area('commune', '19001', 0.123456),
		area('commune', '19002', null, 'suppressed'),
		area('commune', '19003', null, 'no_data')
	]);

	it('puts every commune in exactly one of values, suppressed and no data', () => {
		expect(payload.values).toEqual({ '19001': 0.1235 });
		expect(payload.suppressed).toEqual(['19002']);
		expect(payload.noData).toEqual(['19003']);
		expect(payload.provinces).toEqual({ '19': 0.4123 });
		expect(payload.country).toBe(0.5);
		expect(payload.period).toEqual({ start: 'a', end: 'b' });
	});

	it('gives "no data" and "suppressed" their own classes, never the lowest value class', () => {
		const classes = communeClasses(payload);
		expect(classes.get('19001')).toBe(0);
		expect(classes.get('19002')).toBe(SUPPRESSED_CLASS);
		expect(classes.get('19003')).toBe(NO_DATA_CLASS);
		expect(figureOf(payload, '19002')).toBe('suppressed');
		expect(figureOf(payload, '19003')).toBe('no_data');
		expect(figureOf(payload, '19')).toBe(0.4123);
	});

	it('rounds figures for transport by kind', () => {
		expect(roundFigure('count', 3.6)).toBe(4);
		expect(roundFigure('per_1000', 1.23456)).toBe(1.23);
	});
});

describe('legend', () => {
	it('labels count classes as whole numbers, with 0 on its own', () => {
		const entries = legendEntries('count', [1, 5, 10], paletteFor({ group: 'coverage' }, 4));
		expect(entries.map((e) => e.range)).toEqual(['0', '1 – 4', '5 – 9', '≥ 10', '', '']);
		expect(entries.map((e) => e.kind).slice(-2)).toEqual(['no_data', 'suppressed']);
		expect(new Set(entries.map((e) => e.color)).size).toBe(6);
	});

	it('labels proportion classes in percent (vi-VN)', () => {
		const entries = legendEntries('proportion', [0.2, 0.4], paletteFor({ group: 'adoption' }, 3));
		expect(entries[0]!.range).toBe('< 20%');
		expect(entries[1]!.range).toBe('20% – < 40%');
		expect(formatFigure('proportion', 0.4567)).toBe('45,7%');
		expect(formatFigure('per_1000', 1234.56)).toBe('1.234,6');
	});
});
