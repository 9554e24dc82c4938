import { describe, expect, it } from 'vitest';
import { asFigures, figuresKey, figuresPath } from '../../src/lib/map/period.ts';
import { changePalette, legendEntries } from '../../src/lib/map/legend.ts';
import { changeBreaks, type ChangePayload } from '../../src/lib/domain/metric-month-payload.ts';

describe("the map's period", () => {
	it('keys and fetches the last 12 months, one month and a change apart', () => {
		const keys = [
			figuresKey('teams', { month: null, since: null }),
			figuresKey('teams', { month: '2026-10', since: null }),
			figuresKey('teams', { month: '2026-10', since: '2026-04' })
		];
		expect(keys).toEqual(['teams', 'teams|2026-10', 'teams|2026-10|2026-04']);
		expect(keys.map(figuresPath)).toEqual([
			'/api/metrics/communes?metric=teams',
			'/api/metrics/communes?metric=teams&month=2026-10',
			'/api/metrics/communes?metric=teams&month=2026-10&since=2026-04'
		]);
		// "since" means nothing without a month.
		expect(figuresKey('teams', { month: null, since: '2026-04' })).toBe('teams');
	});

	it('shows a change through the figures shape, marked as a change over both months', () => {
		const change: ChangePayload = {
			metric: 'helped_vneid',
			kind: 'count',
			from: '2026-04',
			to: '2026-10',
			values: { '05569': -3 },
			suppressed: [],
			noData: ['05572'],
			provinces: { '19': 12 },
			country: 40,
			breaks: changeBreaks('count', [3, 12]),
			demo: true
		};
		const p = asFigures(change, false);
		expect(p.change).toEqual({ from: '2026-04', to: '2026-10' });
		expect(p.period.start < p.period.end).toBe(true);
		expect(p.period.start).toBe('2026-03-31T17:00:00.000Z'); // 1 April, Vietnam time
		expect([p.values, p.country, p.demo]).toEqual([{ '05569': -3 }, 40, true]);
	});

	it('labels change classes with signs and colours them diverging', () => {
		const breaks = changeBreaks('count', [1, 4, 12]);
		const palette = changePalette(breaks.length + 1);
		const ranges = legendEntries('count', breaks, palette, true)
			.filter((e) => e.kind === 'value')
			.map((e) => e.range);
		expect(ranges[0]!.startsWith('≤ -')).toBe(true);
		expect(ranges).toContain('0');
		expect(ranges).toContain('+1');
		expect(ranges.at(-1)!.startsWith('≥ +')).toBe(true);
		// No change is the light middle colour; falls and rises differ.
		expect(palette[(palette.length - 1) / 2]).toBe('#f7f7f7');
		expect(palette[0]).not.toBe(palette.at(-1));
	});
});
