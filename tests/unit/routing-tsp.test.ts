import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { candidateNeighbours } from '../../src/lib/domain/routing/neighbours.ts';
import { greedyWalk, nearestNeighbourWalk } from '../../src/lib/domain/routing/construct.ts';
import { LocalSearch } from '../../src/lib/domain/routing/local-search.ts';
import { kickAndImprove } from '../../src/lib/domain/routing/perturb.ts';
import {
	seededRandom,
	solveWalk,
	Walk,
	type PathProblem
} from '../../src/lib/domain/routing/tsp.ts';

const problem = (pts: readonly (readonly [number, number])[]): PathProblem => ({
	xs: Float64Array.from(pts, (p) => p[0]),
	ys: Float64Array.from(pts, (p) => p[1])
});

/** Scattered points, or clusters of them (as hamlets), duplicates allowed. */
const pointsArb = fc.oneof(
	fc.array(fc.tuple(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 500 })), {
		minLength: 1,
		maxLength: 120
	}),
	fc
		.array(
			fc.record({
				cx: fc.integer({ min: 0, max: 5000 }),
				cy: fc.integer({ min: 0, max: 5000 }),
				pts: fc.array(fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 60 })), {
					minLength: 1,
					maxLength: 30
				})
			}),
			{ minLength: 1, maxLength: 6 }
		)
		.map((cs) => cs.flatMap((c) => c.pts.map(([x, y]) => [c.cx + x, c.cy + y] as [number, number])))
);

const isWalkFromStart = (order: ArrayLike<number>, n: number) =>
	order.length === n && order[0] === 0 && new Set(Array.from(order)).size === n;

/** Distance in micrometres, so that rounding differences between formulas do not count. */
const um = (p: PathProblem, i: number, j: number) =>
	Math.round(Math.hypot(p.xs[i]! - p.xs[j]!, p.ys[i]! - p.ys[j]!) * 1e6);

const brute = (p: PathProblem, i: number) =>
	Array.from({ length: p.xs.length }, (_, j) => j)
		.filter((j) => j !== i)
		.map((j) => ({ j, d: um(p, i, j) }))
		.sort((a, b) => a.d - b.d);

describe('solveWalk', () => {
	it.each([
		['points on a line from one end', [0, 1, 2, 3, 4, 5, 6, 7].map((x) => [x * 10, 0]), 70],
		['the nearer end first from the middle', [0, -10, 10, 20, 30, 40].map((x) => [x, 0]), 60],
		['a 6 × 6 grid from a corner, row by row', gridPoints(6, 10), 350]
	] as const)('walks %s at the shortest length', (_, pts, want) => {
		const p = problem(pts as [number, number][]);
		const order = solveWalk(p);
		expect(isWalkFromStart(order, pts.length)).toBe(true);
		expect(new Walk(p, order).length()).toBeCloseTo(want, 6);
	});

	it('returns every node once, starting from node 0', () => {
		fc.assert(
			fc.property(pointsArb, (pts) => {
				expect(isWalkFromStart(solveWalk(problem(pts)), pts.length)).toBe(true);
			}),
			{ numRuns: 150 }
		);
	});

	it('gives the same walk for the same points', () => {
		fc.assert(
			fc.property(pointsArb, (pts) => {
				expect(Array.from(solveWalk(problem(pts)))).toEqual(Array.from(solveWalk(problem(pts))));
			}),
			{ numRuns: 50 }
		);
	});
});

function gridPoints(side: number, step: number): [number, number][] {
	return Array.from({ length: side * side }, (_, k) => [
		(k % side) * step,
		Math.floor(k / side) * step
	]);
}

describe('Walk moves', () => {
	const movesArb = fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat(), fc.boolean()), {
		maxLength: 20
	});

	it('moves a stretch like cutting it out and splicing it in elsewhere', () => {
		fc.assert(
			fc.property(fc.integer({ min: 4, max: 40 }), movesArb, (n, moves) => {
				const w = new Walk(
					problem(gridPoints(7, 1).slice(0, n)),
					Array.from({ length: n }, (_, i) => i)
				);
				for (const [x, y, z, reversed] of moves) {
					const i = 1 + (x % (n - 1));
					const j = i + (y % (n - i));
					const outside = [...Array(n).keys()].filter((k) => k < i - 1 || k > j);
					if (outside.length === 0) continue;
					const k = outside[z % outside.length]!;
					const want = Array.from(w.order);
					const seg = want.splice(i, j - i + 1);
					if (reversed) seg.reverse();
					want.splice(k < i ? k + 1 : k - seg.length + 1, 0, ...seg);
					w.moveSegment(i, j, k, reversed);
					expect(Array.from(w.order)).toEqual(want);
					expect(Array.from(w.order).every((node, p) => w.pos[node] === p)).toBe(true);
				}
			})
		);
	});

	it('undoes every recorded change on rollback, and keeps them on commit', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 3, max: 40 }),
				fc.array(fc.tuple(fc.nat(), fc.nat())),
				(n, revs) => {
					const w = new Walk(
						problem(gridPoints(7, 1).slice(0, n)),
						Array.from({ length: n }, (_, i) => i)
					);
					const apply = () =>
						revs.forEach(([a, b]) => w.reverse(1 + (a % (n - 1)), 1 + (b % (n - 1))));
					w.record();
					apply();
					const changed = Array.from(w.order);
					w.rollback();
					expect(Array.from(w.order)).toEqual(Array.from({ length: n }, (_, i) => i));
					w.record();
					apply();
					w.commit();
					w.rollback();
					expect(Array.from(w.order)).toEqual(changed);
				}
			)
		);
	});
});

describe('local search and kicks', () => {
	it('never lengthen a walk, and report exactly what they save', () => {
		fc.assert(
			fc.property(pointsArb, fc.integer({ min: 0, max: 1000 }), (pts, seed) => {
				const p = problem(pts);
				const n = pts.length;
				const nb = candidateNeighbours(p.xs, p.ys, 6, 1);
				const rng = seededRandom(seed);
				const start = [
					0,
					...Array.from({ length: n - 1 }, (_, i) => i + 1).sort(() => rng() - 0.5)
				];
				const w = new Walk(p, start);
				const ls = new LocalSearch(w, nb, 3, n);
				const before = w.length();
				ls.push(w.order);
				const saved = ls.run();
				expect(w.length()).toBeCloseTo(before - saved, 6);
				expect(saved).toBeGreaterThanOrEqual(0);
				const local = w.length();
				const kicked = kickAndImprove(ls, 30, rng, { stretch: 10, spatial: 0.3 });
				expect(w.length()).toBeLessThanOrEqual(local + 1e-6);
				expect(w.length()).toBeCloseTo(local - kicked, 6);
				expect(isWalkFromStart(w.order, n)).toBe(true);
			}),
			{ numRuns: 150 }
		);
	});

	it('build first walks over every node from node 0', () => {
		fc.assert(
			fc.property(pointsArb, (pts) => {
				const p = problem(pts);
				const nb = candidateNeighbours(p.xs, p.ys, 5, 2);
				expect(isWalkFromStart(greedyWalk(p, nb, 5), pts.length)).toBe(true);
				expect(isWalkFromStart(nearestNeighbourWalk(p, nb, 5), pts.length)).toBe(true);
			})
		);
	});
});

describe('candidateNeighbours', () => {
	it('lists the k nearest, then the nearest of each quadrant, by rising distance', () => {
		fc.assert(
			fc.property(pointsArb, (pts) => {
				const p = problem(pts);
				const nb = candidateNeighbours(p.xs, p.ys, 4, 1);
				nb.forEach((list, i) => {
					const all = brute(p, i);
					const ds = Array.from(list, (j) => um(p, i, j));
					expect(ds).toEqual([...ds].sort((a, b) => a - b));
					expect(ds.slice(0, 4)).toEqual(all.slice(0, 4).map((x) => x.d));
					for (let q = 0; q < 4; q++) {
						const inQ = all.find(({ j }) => quadrant(p, i, j) === q);
						if (inQ) expect(ds).toContain(inQ.d);
					}
				});
			}),
			{ numRuns: 60 }
		);
	});
});

function quadrant(p: PathProblem, i: number, j: number): number {
	return (p.xs[j]! - p.xs[i]! < 0 ? 1 : 0) + (p.ys[j]! - p.ys[i]! < 0 ? 2 : 0);
}
