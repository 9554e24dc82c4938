import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { WalkCosts } from '../../src/lib/domain/routing/walk-costs.ts';
import { legMinutes, travelModel, walkMinutes } from '../../src/lib/domain/routing/travel.ts';
import { optimalSplit, type SplitProblem } from '../../src/lib/domain/routing/optimal-split.ts';
import { DETOUR_FACTOR } from '../../src/lib/domain/routing/types.ts';
import type { TravelMode } from '../../src/lib/domain/routing/outing-kinds.ts';

describe('travel by mode', () => {
	it.each([
		['foot', 100, (100 * DETOUR_FACTOR) / 67],
		['foot', 2000, (2000 * DETOUR_FACTOR) / 67],
		['motorbike', 200, (200 * DETOUR_FACTOR) / 67],
		['motorbike', 2000, (2000 * DETOUR_FACTOR) / 333 + 1.5],
		['bicycle', 2000, (2000 * DETOUR_FACTOR) / 167 + 0.5]
	] as const)('prices a %s leg of %i m', (mode, m, want) => {
		expect(legMinutes(travelModel(mode), m)).toBeCloseTo(want, 6);
	});

	it('rides a motorbike to a house 20 km away in about an hour and a half, not four hours', () => {
		expect(legMinutes(travelModel('motorbike'), 20_000)).toBeLessThan(90);
		expect(legMinutes(travelModel('foot'), 20_000)).toBeGreaterThan(380);
	});
});

/** The cost of an outing by walking it step by step, as a member would. */
function simulate(
	xs: number[],
	ys: number[],
	mode: TravelMode,
	a: number,
	b: number,
	reachM: number
): number {
	const m = travelModel(mode);
	const d = (i: number, j: number) => Math.hypot(xs[i]! - xs[j]!, ys[i]! - ys[j]!);
	let t = reachM > 0 ? legMinutes(m, reachM) : 0;
	let bike = a;
	for (let k = a + 1; k < b; k++) {
		const leg = d(k - 1, k);
		if (mode !== 'foot' && leg > m.rideAboveM) {
			t += walkMinutes(m, d(bike, k - 1)) + legMinutes(m, leg);
			bike = k;
		} else t += walkMinutes(m, leg);
	}
	if (mode !== 'foot') t += walkMinutes(m, d(bike, b - 1));
	return t + (b - a) * 8;
}

/** Houses a few steps apart: mostly short legs (walked), now and then a long one (ridden). */
const walk = fc
	.array(
		fc.tuple(
			fc.integer({ min: -200, max: 200 }),
			fc.integer({ min: -200, max: 200 }),
			fc.boolean()
		),
		{
			minLength: 1,
			maxLength: 14
		}
	)
	.map((steps) => {
		let [x, y] = [0, 0];
		return steps.map(([dx, dy, far]) => {
			[x, y] = [x + dx * (far ? 8 : 1), y + dy * (far ? 8 : 1)];
			return [x, y] as [number, number];
		});
	});

describe('the cost of a stretch of a walk', () => {
	it.each(['foot', 'motorbike', 'bicycle'] as const)(
		'equals walking it house by house (%s)',
		(mode) => {
			fc.assert(
				fc.property(
					walk,
					fc.nat(),
					fc.nat(),
					fc.integer({ min: 0, max: 5000 }),
					(pts, i, j, reach) => {
						const xs = pts.map((p) => p[0]);
						const ys = pts.map((p) => p[1]);
						const costs = new WalkCosts(xs, ys, travelModel(mode), 8);
						const a = i % pts.length;
						const b = a + 1 + (j % (pts.length - a));
						const want = simulate(xs, ys, mode, a, b, reach);
						expect(costs.minutes(a, b, reach)).toBeCloseTo(want, 6);
						expect(costs.bound(a, b)).toBeLessThanOrEqual(want + 1e-9);
					}
				)
			);
		}
	);
});

/** Every split allowed by the rules, by brute force: fewest outings, then least time. */
function bruteForce(s: SplitProblem, points: number[]): { outings: number; minutes: number } {
	let best = { outings: Infinity, minutes: Infinity };
	const inner = points.slice(1, -1);
	for (let mask = 0; mask < 1 << inner.length; mask++) {
		const cuts = [0, ...inner.filter((_, i) => mask & (1 << i)), s.count];
		if ([...s.walls].some((w) => !cuts.includes(w))) continue;
		let ok = true;
		let minutes = 0;
		for (let k = 1; k < cuts.length && ok; k++) {
			const t = s.minutes(cuts[k - 1]!, cuts[k]!);
			const alone = points.indexOf(cuts[k]!) === points.indexOf(cuts[k - 1]!) + 1;
			if (t > s.limit && !alone) ok = false;
			minutes += t;
		}
		const outings = cuts.length - 1;
		if (
			ok &&
			(outings < best.outings || (outings === best.outings && minutes < best.minutes - 1e-9))
		)
			best = { outings, minutes };
	}
	return best;
}

describe('the optimal split of a walk', () => {
	const problem = fc.record({
		pts: walk.filter((w) => w.length <= 11),
		unitSizes: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 11 }),
		wallAt: fc.option(fc.nat()),
		limit: fc.integer({ min: 5, max: 120 }),
		reach: fc.integer({ min: 0, max: 3000 }),
		mode: fc.constantFrom<TravelMode>('foot', 'motorbike', 'bicycle')
	});

	type Problem = typeof problem extends fc.Arbitrary<infer T> ? T : never;

	function build(p: Problem): { s: SplitProblem; points: number[] } {
		const n = p.pts.length;
		const costs = new WalkCosts(
			p.pts.map((q) => q[0]),
			p.pts.map((q) => q[1]),
			travelModel(p.mode),
			8
		);
		const unitStarts = [0];
		for (const size of p.unitSizes) {
			const nextStart = unitStarts[unitStarts.length - 1]! + size;
			if (nextStart >= n) break;
			unitStarts.push(nextStart);
		}
		const walls = new Set<number>();
		if (p.wallAt !== null && unitStarts.length > 1)
			walls.add(unitStarts[1 + (p.wallAt % (unitStarts.length - 1))]!);
		const s: SplitProblem = {
			count: n,
			unitStarts,
			walls,
			minutes: (a, b) => costs.minutes(a, b, p.reach),
			bound: (a, b) => costs.bound(a, b),
			limit: p.limit,
			minutesPerHouse: 8
		};
		const bounds = [...unitStarts, n];
		const points = new Set([0, n, ...walls]);
		for (let u = 0; u + 1 < bounds.length; u++) {
			points.add(bounds[u]!);
			if (s.minutes(bounds[u]!, bounds[u + 1]!) > p.limit)
				for (let k = bounds[u]! + 1; k < bounds[u + 1]!; k++) points.add(k);
		}
		return { s, points: [...points].sort((a, b) => a - b) };
	}

	it('is as good as every other split allowed by the rules (brute force)', () => {
		fc.assert(
			fc.property(problem, (p) => {
				const { s, points } = build(p);
				const pieces = optimalSplit(s);
				const want = bruteForce(s, points);
				expect(pieces.length).toBe(want.outings);
				expect(pieces.reduce((t, x) => t + x.minutes, 0)).toBeCloseTo(want.minutes, 6);
			}),
			{ numRuns: 300 }
		);
	});

	it('covers the walk in order, cuts every wall, and fits each piece or says why', () => {
		fc.assert(
			fc.property(problem, (p) => {
				const { s } = build(p);
				const pieces = optimalSplit(s);
				expect(pieces[0]!.a).toBe(0);
				expect(pieces[pieces.length - 1]!.b).toBe(s.count);
				pieces.forEach((x, i) => i > 0 && expect(x.a).toBe(pieces[i - 1]!.b));
				for (const w of s.walls) expect(pieces.some((x) => x.a === w)).toBe(true);
				for (const x of pieces)
					if (x.minutes > s.limit) expect(['too_far', 'session_too_short']).toContain(x.flag);
			}),
			{ numRuns: 300 }
		);
	});

	it.each([
		['a session shorter than one house', 5, 'session_too_short'],
		['a house too far for the session', 60, 'too_far']
	] as const)('flags %s', (_, limit, flag) => {
		const costs = new WalkCosts([0, 10], [0, 0], travelModel('foot'), 8);
		const pieces = optimalSplit({
			count: 2,
			unitStarts: [0, 1],
			walls: new Set(),
			minutes: (a, b) => costs.minutes(a, b, 20_000),
			bound: (a, b) => costs.bound(a, b),
			limit,
			minutesPerHouse: 8
		});
		expect(pieces.map((x) => x.flag)).toEqual([flag, flag]);
	});

	it('walks in parts an alley that fits a session only without the trip to it', () => {
		const n = 22;
		const costs = new WalkCosts(
			Array.from({ length: n }, (_, i) => (i % 2) * 8),
			Array.from({ length: n }, (_, i) => Math.floor(i / 2) * 6),
			travelModel('foot'),
			8
		);
		const split = (reach: number) =>
			optimalSplit({
				count: n,
				unitStarts: [0],
				walls: new Set(),
				minutes: (a, b) => costs.minutes(a, b, reach),
				bound: (a, b) => costs.bound(a, b),
				limit: 180,
				minutesPerHouse: 8
			});
		expect(split(0).map((x) => x.flag)).toEqual([null]);
		const far = split(600);
		expect(far.length).toBe(2);
		expect(far.every((x) => x.flag === 'alley_split' && x.minutes <= 180)).toBe(true);
	});

	it('walks an alley longer than a session in parts, and says so', () => {
		const n = 30;
		const costs = new WalkCosts(
			Array.from({ length: n }, (_, i) => i * 8),
			new Array<number>(n).fill(0),
			travelModel('foot'),
			8
		);
		const pieces = optimalSplit({
			count: n,
			unitStarts: [0],
			walls: new Set(),
			minutes: (a, b) => costs.minutes(a, b, 0),
			bound: (a, b) => costs.bound(a, b),
			limit: 180,
			minutesPerHouse: 8
		});
		expect(pieces.length).toBe(2);
		expect(pieces.every((x) => x.flag === 'alley_split' && x.minutes <= 180)).toBe(true);
	});
});
