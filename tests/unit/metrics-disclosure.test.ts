import { describe, expect, it } from 'vitest';
import {
	toPublicMetrics,
	type AreaCounts,
	type AreaServiceCounts
} from '../../src/lib/domain/metrics.ts';
import {
	disclosesSmallCount,
	isSmallCount,
	protectGroup
} from '../../src/lib/domain/metric-disclosure.ts';

const base = {
	periodStart: '2025-11-23T00:00:00.000Z',
	periodEnd: '2026-11-23T00:00:00.000Z',
	teams: 0,
	members: 0,
	population: null,
	// Something is entered in every commune here (a commune with nothing is "no data").
	hamlets: 1,
	hamletsCovered: 0,
	householdsKnown: 0,
	householdsReached: 0,
	householdsVisited: 0,
	demoRecords: 0,
	computedAt: 0
};

const commune = (code: string, province: string, over: Partial<AreaCounts> = {}): AreaCounts => ({
	...base,
	level: 'commune',
	code,
	provinceCode: province,
	...over
});
const province = (code: string, over: Partial<AreaCounts> = {}): AreaCounts => ({
	...base,
	level: 'province',
	code,
	provinceCode: code,
	...over
});
const country = (over: Partial<AreaCounts> = {}): AreaCounts => ({
	...base,
	level: 'country',
	code: 'VN',
	provinceCode: null,
	...over
});
const helped = (a: AreaCounts, n: number): AreaServiceCounts => ({
	level: a.level,
	code: a.code,
	provinceCode: a.provinceCode,
	serviceCode: 'vneid',
	adultsUsing: 0,
	adultsTotal: 0,
	helped: n
});

/** Status of helped_vneid per area code, for areas with these helped counts. */
function helpedStatus(areas: [AreaCounts, number][]): Record<string, string> {
	const out = toPublicMetrics(
		areas.map(([a]) => a),
		areas.map(([a, n]) => helped(a, n)),
		['helped_vneid']
	);
	return Object.fromEntries(out.map((a) => [a.code, a.metrics[0]!.status]));
}

describe('isSmallCount / disclosesSmallCount', () => {
	it.each([
		[0, false],
		[1, true],
		[10, true],
		[11, false],
		[-1, false]
	])('count %i small: %s', (n, small) => expect(isSmallCount(n)).toBe(small));

	it.each([
		['count', 5, null, true],
		['count', 0, null, false],
		['per_1000', 20, 8, true],
		['per_1000', 20, 5000, false],
		['proportion', 0, 11, false],
		['proportion', 11, 11, false],
		['proportion', 11, 12, true],
		['proportion', 11, 22, false]
	] as const)('%s %i / %s discloses: %s', (kind, num, den, want) => {
		expect(disclosesSmallCount(kind, num, den)).toBe(want);
	});
});

describe('protecting sums (secondary suppression)', () => {
	it('hides a second commune so a single hidden one cannot be worked out from the province', () => {
		const s = helpedStatus([
			[province('19'), 5 + 40 + 60],
			[commune('a', '19'), 5],
			[commune('b', '19'), 40],
			[commune('c', '19'), 60]
		]);
		expect(s).toEqual({ '19': 'value', a: 'suppressed', b: 'suppressed', c: 'value' });
	});

	it('hides more communes until the hidden ones add up to more than 10', () => {
		const s = helpedStatus([
			[province('19'), 3 + 4 + 0 + 12 + 30],
			[commune('a', '19'), 3],
			[commune('b', '19'), 4],
			[commune('z', '19'), 0],
			[commune('c', '19'), 12],
			[commune('d', '19'), 30]
		]);
		// a + b = 7 is still small, so c (the smallest shown) goes too; a zero never helps.
		expect(s).toEqual({
			'19': 'value',
			a: 'suppressed',
			b: 'suppressed',
			z: 'value',
			c: 'suppressed',
			d: 'value'
		});
	});

	it('leaves two hidden communes alone when their sum is already safe', () => {
		const s = helpedStatus([
			[province('19'), 9 + 8 + 50],
			[commune('a', '19'), 9],
			[commune('b', '19'), 8],
			[commune('c', '19'), 50]
		]);
		expect(s).toEqual({ '19': 'value', a: 'suppressed', b: 'suppressed', c: 'value' });
	});

	it('does nothing more when the province itself is hidden', () => {
		const s = helpedStatus([
			[province('20'), 6],
			[commune('a', '20'), 6],
			[commune('b', '20'), 0]
		]);
		expect(s).toEqual({ '20': 'suppressed', a: 'suppressed', b: 'value' });
	});

	it('hides a second province and one of its communes when one province is small', () => {
		const s = helpedStatus([
			[country(), 6 + 50 + 80],
			[province('01'), 6],
			[province('19'), 50],
			[province('20'), 80],
			[commune('x', '01'), 6],
			[commune('a', '19'), 20],
			[commune('b', '19'), 30],
			[commune('c', '20'), 80]
		]);
		expect(s).toEqual({
			VN: 'value',
			'01': 'suppressed',
			'19': 'suppressed',
			'20': 'value',
			x: 'suppressed',
			a: 'value',
			b: 'suppressed',
			c: 'value'
		});
	});

	it('protects part, whole and rest of a proportion together', () => {
		const areas = [
			province('19', { householdsKnown: 220, householdsReached: 110 }),
			commune('a', '19', { householdsKnown: 8, householdsReached: 4 }),
			commune('b', '19', { householdsKnown: 12, householdsReached: 6 }),
			commune('c', '19', { householdsKnown: 200, householdsReached: 100 })
		];
		const out = toPublicMetrics(areas, [], ['households_reached']);
		// a alone is small; a + b = 10 households is still small, so c is hidden too.
		expect(out.map((a) => a.metrics[0]!.status)).toEqual([
			'value',
			'suppressed',
			'suppressed',
			'suppressed'
		]);
	});

	it('ignores communes with no data (they add nothing to the province)', () => {
		const areas = [
			province('19', { members: 50, population: 20000 }),
			commune('a', '19', { members: 5, population: 4000 }),
			commune('n', '19', { members: 9, population: null }),
			commune('b', '19', { members: 45, population: 16000 })
		];
		const out = toPublicMetrics(areas, [], ['members_per_1000']);
		expect(out.map((a) => a.metrics[0]!.status)).toEqual([
			'value',
			'suppressed',
			'no_data',
			'suppressed'
		]);
	});

	it('protectGroup reports the cells it hid', () => {
		const cells = [
			{ numerator: 2, denominator: null, hidden: true },
			{ numerator: 0, denominator: null, hidden: false },
			{ numerator: 20, denominator: null, hidden: false }
		];
		expect(protectGroup('count', cells)).toEqual([cells[2]]);
	});
});
