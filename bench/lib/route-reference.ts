/**
 * The stronger reference for the ordering benchmark: the same walk problem solved by iterated
 * local search (double-bridge kicks followed by the same 2-opt + Or-opt) for a fixed time,
 * keeping the best walk found. Slow on purpose; only the benchmark uses it.
 */
import seedrandom from 'seedrandom';
import {
	NEIGHBOURS,
	Walk,
	improveWalk,
	nearestNeighbourWalk,
	type PathProblem
} from '../../src/lib/domain/routing/tsp.ts';
import { nearestNeighbours } from '../../src/lib/domain/routing/neighbours.ts';

export interface ReferenceResult {
	length: number;
	iterations: number;
	restarts: number;
}

/** Double bridge on an open walk: A B C D → A C B D (positions ≥ 1 only). */
function doubleBridge(order: Int32Array, rng: () => number) {
	const n = order.length - 1;
	const cuts = [0, 0, 0].map(() => 1 + Math.floor(rng() * n)).sort((a, b) => a - b);
	const [a, b, c] = cuts as [number, number, number];
	const o = Array.from(order);
	const kicked = [...o.slice(0, a), ...o.slice(b, c), ...o.slice(a, b), ...o.slice(c)];
	const touched = [a - 1, a, b - 1, b, c - 1, c].filter((k) => k >= 0 && k <= n).map((k) => o[k]!);
	return { kicked, touched };
}

/** Best walk length found in `ms` milliseconds (restarts from randomised greedy walks + kicks). */
export function referenceLength(p: PathProblem, ms: number, seed = 'reference'): ReferenceResult {
	const rng = seedrandom(seed);
	const nb = nearestNeighbours(p.xs, p.ys, NEIGHBOURS + 6);
	const deadline = performance.now() + ms;
	let best = Infinity;
	let iterations = 0;
	let restarts = 0;
	while (performance.now() < deadline) {
		restarts++;
		let w = new Walk(
			p,
			nearestNeighbourWalk(p, nb, () => rng() < 0.15)
		);
		improveWalk(w, nb);
		let cur = w.length();
		// Iterated local search from this start for a share of the time.
		const until = Math.min(deadline, performance.now() + ms / 4);
		while (performance.now() < until) {
			iterations++;
			const { kicked, touched } = doubleBridge(w.order, rng);
			const k = new Walk(p, kicked);
			improveWalk(k, nb, touched);
			const len = k.length();
			if (len < cur - 1e-9) {
				w = k;
				cur = len;
			}
		}
		best = Math.min(best, cur);
	}
	return { length: best, iterations, restarts };
}
