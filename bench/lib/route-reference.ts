/**
 * The long-run reference for the ordering benchmark: the same walk problem solved far harder
 * than the app can afford. Strengthened for issue 12 (it used to be nearest neighbour + plain
 * double bridges, each rebuilding the walk): now
 * - more candidates (12 nearest and 3 per quadrant, against the solver's 8 + 2),
 * - 2-opt, Or-opt of stretches up to 3 and long Or-opt of any stretch, both ways round, with
 *   don't-look bits (the solver's local search, src/lib/domain/routing/local-search.ts),
 * - iterated local search with two kinds of kick: local double bridges with segment reversal
 *   (stretches up to 50) and, one kick in ten, a spatial double bridge that joins a node to a
 *   near neighbour far along the walk (re-linking clusters),
 * - five restarts, each with a fifth of the time: from nearest neighbour, from greedy edge,
 *   then three times from the best walk so far after a big kick (random double bridges
 *   anywhere), so that the order of clusters is rethought; the best walk found is kept.
 * Slow on purpose (30 s by default at 2,000 stops); only the benchmark uses it.
 */
import seedrandom from 'seedrandom';
import { candidateNeighbours } from '../../src/lib/domain/routing/neighbours.ts';
import { greedyWalk, nearestNeighbourWalk } from '../../src/lib/domain/routing/construct.ts';
import { LocalSearch } from '../../src/lib/domain/routing/local-search.ts';
import { Walk, type PathProblem } from '../../src/lib/domain/routing/walk.ts';

export interface ReferenceResult {
	length: number;
	/** The best walk found. */
	order: Int32Array;
	iterations: number;
	restarts: number;
}

const EPS = 1e-7;
const LOCAL_STRETCH = 50;
const NEAREST = 12;

/** Sum of the walk's edges leaving the given positions (each k to k + 1). */
const edgesAt = (w: Walk, ks: readonly number[]) =>
	ks.reduce((m, k) => m + w.d(w.order[k]!, w.at(k + 1)), 0);

/** A local double bridge: B C → C B at a random place, either stretch possibly reversed. */
function localKick(w: Walk, rng: () => number) {
	const most = Math.min(LOCAL_STRETCH, Math.floor(w.n / 2) - 1);
	const l1 = 1 + Math.floor(rng() * most);
	const l2 = 1 + Math.floor(rng() * most);
	const a = 1 + Math.floor(rng() * (w.n - l1 - l2 + 1));
	return exchange(w, rng, a - 1, l1, 0, l2);
}

/** A spatial double bridge: a node and one of its candidates far along the walk made adjacent. */
function spatialKick(w: Walk, nb: readonly Int32Array[], rng: () => number) {
	const x = 1 + Math.floor(rng() * w.n);
	const list = nb[x]!;
	const y = list[Math.floor(rng() * list.length)]!;
	const [p, q] = [w.pos[x]!, w.pos[y]!].sort((u, v) => u - v) as [number, number];
	const l1 = 1 + Math.floor(rng() * Math.min(LOCAL_STRETCH, q - p - 2));
	const l2 = 1 + Math.floor(rng() * Math.min(LOCAL_STRETCH, w.n - q + 1));
	if (q - p < 3 || l1 < 1 || q + l2 - 1 > w.n) return null;
	return exchange(w, rng, p, l1, q - p - l1 - 1, l2);
}

/**
 * A B M C D → A C M B D, where B starts after position p (l1 long), M is m long and C l2 long;
 * B and C are randomly reversed. @returns the change in length and the nodes to look at again.
 */
function exchange(w: Walk, rng: () => number, p: number, l1: number, m: number, l2: number) {
	const e = p + l1 + m + l2;
	const cuts = m > 0 ? [p, p + l1, p + l1 + m, e] : [p, p + l1, e];
	const touched = cuts.flatMap((k) => [w.order[k]!, w.at(k + 1)]);
	const before = edgesAt(w, cuts);
	const flips = Math.floor(rng() * 4);
	w.reverse(p + 1, e);
	if (!(flips & 1)) w.reverse(p + 1, p + l2);
	w.reverse(p + l2 + 1, p + l2 + m);
	if (!(flips & 2)) w.reverse(p + l2 + m + 1, e);
	const after = edgesAt(w, m > 0 ? [p, p + l2, p + l2 + m, e] : [p, p + l2, e]);
	return { delta: after - before, touched };
}

/** Iterated local search from one start until `until` (performance.now()). */
function search(w: Walk, nb: readonly Int32Array[], rng: () => number, until: number) {
	const ls = new LocalSearch(w, nb, 3, w.n);
	ls.push(w.order);
	ls.run();
	let kicks = 0;
	while (performance.now() < until) {
		for (let t = 0; t < 100; t++, kicks++) {
			w.record();
			const kick = rng() < 0.1 ? spatialKick(w, nb, rng) : localKick(w, rng);
			if (!kick) {
				w.commit();
				continue;
			}
			ls.push(kick.touched);
			if (kick.delta - ls.run() < EPS) w.commit();
			else w.rollback();
		}
	}
	return kicks;
}

/** A big kick for a fresh restart from the best walk: random double bridges anywhere. */
function shake(w: Walk, rng: () => number) {
	for (let t = 0; t < Math.max(3, Math.floor(w.n / 100)); t++) {
		const cuts = [0, 0, 0].map(() => Math.floor(rng() * (w.n - 2))).sort((u, v) => u - v);
		const [p, q, r] = [cuts[0]!, cuts[1]! + 1, cuts[2]! + 2];
		exchange(w, rng, p, q - p, 0, r - q);
	}
}

/**
 * Best walk length found in `ms` milliseconds over `restarts` starts: nearest neighbour, greedy
 * edge, then the best walk so far after a big kick (so the order of clusters gets rethought).
 */
export function referenceLength(
	p: PathProblem,
	ms: number,
	seed = 'reference',
	restarts = 5
): ReferenceResult {
	const rng = seedrandom(seed);
	const nb = candidateNeighbours(p.xs, p.ys, NEAREST, 3);
	const t0 = performance.now();
	let best: Int32Array | null = null;
	let bestLength = Infinity;
	let iterations = 0;
	for (let r = 0; r < restarts; r++) {
		const start: ArrayLike<number> =
			r === 0 ? nearestNeighbourWalk(p, nb, NEAREST) : r === 1 ? greedyWalk(p, nb, NEAREST) : best!;
		const w = new Walk(p, start);
		if (r >= 2) shake(w, rng);
		iterations += search(w, nb, rng, t0 + (ms * (r + 1)) / restarts);
		const length = w.length();
		if (length < bestLength) [best, bestLength] = [Int32Array.from(w.order), length];
	}
	return { length: bestLength, order: best!, iterations, restarts };
}
