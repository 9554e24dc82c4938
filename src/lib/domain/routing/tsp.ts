/**
 * An open walk through points from a fixed start (node 0), ending wherever is best (the edge
 * after the last node costs nothing). Issue 12 tuned it on hamlet clusters and parallel alleys
 * (bench/route-ordering.ts), where it used to be 3–8 % longer than a long-run reference:
 * 1. candidates: the 6 nearest and the 2 nearest per quadrant (the links between clusters);
 * 2. nearest-neighbour walk, then 2-opt, Or-opt (1–3 nodes) and long Or-opt (the stretch
 *    between a node and a candidate, moved whole: a hamlet or an alley at once);
 * 3. the pieces between the longest links reordered and turned round (./pieces.ts);
 * 4. a fixed number of double-bridge kicks (./perturb.ts), each repaired and kept unless longer.
 * It runs twice — with 2 and with 3 candidates per quadrant, the kicks shared between the two
 * runs — and keeps the shorter walk: 3 per quadrant finds the way between hamlets that 2 misses
 * on some layouts and spoils it on others (measured in bench/route-ordering.ts).
 * Deterministic: the same points always give the same walk (kicks draw from a generator seeded
 * by the node count). Pure: runs in a Web Worker and in Node.
 */
import { candidateNeighbours } from './neighbours.ts';
import { greedyWalk, nearestNeighbourWalk } from './construct.ts';
import { LocalSearch } from './local-search.ts';
import { kickAndImprove } from './perturb.ts';
import { reorderPieces } from './pieces.ts';
import { Walk, type PathProblem } from './walk.ts';

export { Walk, type PathProblem } from './walk.ts';

/** The solver's settings; DEFAULT_SOLVERS are what the app uses (the benchmark tries others). */
export interface SolverOptions {
	/** Nearest neighbours per node tried by 2-opt and Or-opt. */
	neighbours: number;
	/** Nearest neighbours per quadrant added to those (clusters: the links between them). */
	perQuadrant: number;
	/** First walk. */
	construction: 'greedy' | 'nearest';
	/** Kicks: this many per node, and up to `extraKicks` more (at most as many again). */
	kicksPerNode: number;
	extraKicks: number;
	/** Longest stretch a kick moves. */
	kickStretch: number;
	/** Longest stretch Or-opt moves. */
	orOptStretch: number;
	/** Longest stretch the long Or-opt moves (0: none). */
	longStretch: number;
	/** Share of kicks that are spatial double bridges. */
	spatialKicks: number;
	/** Most pieces the walk is cut into (at its longest links) to reorder them once; 0: never. */
	pieces: number;
}

const BASE_SOLVER: SolverOptions = {
	neighbours: 6,
	perQuadrant: 2,
	construction: 'nearest',
	kicksPerNode: 5,
	extraKicks: 1500,
	kickStretch: 30,
	orOptStretch: 3,
	longStretch: Infinity,
	spatialKicks: 0.1,
	pieces: 100
};

/** The settings of the two runs solveWalk keeps the shorter of. */
export const DEFAULT_SOLVERS: readonly SolverOptions[] = [
	{ ...BASE_SOLVER, kicksPerNode: 2.5, extraKicks: 750 },
	{ ...BASE_SOLVER, kicksPerNode: 1.5, extraKicks: 500, perQuadrant: 3 }
];

/** A small seeded generator (mulberry32): the same problem always gives the same walk. */
export function seededRandom(seed: number): () => number {
	let t = seed >>> 0;
	return () => {
		t = (t + 0x6d2b79f5) >>> 0;
		let r = Math.imul(t ^ (t >>> 15), 1 | t);
		r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
		return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
	};
}

/** solveWalk with other settings. */
export function solveWalkWith(p: PathProblem, o: SolverOptions): Int32Array {
	const n = p.xs.length;
	if (n <= 2) return Int32Array.from({ length: n }, (_, i) => i);
	const nb = candidateNeighbours(p.xs, p.ys, o.neighbours, o.perQuadrant);
	const first =
		o.construction === 'greedy'
			? greedyWalk(p, nb, o.neighbours)
			: nearestNeighbourWalk(p, nb, o.neighbours);
	const w = new Walk(p, first);
	const ls = new LocalSearch(w, nb, o.orOptStretch, o.longStretch);
	ls.push(w.order);
	ls.run();
	if (o.pieces > 0 && n > 3) {
		ls.push(reorderPieces(w, o.pieces).joins);
		ls.run();
	}
	kickAndImprove(
		ls,
		Math.round(o.kicksPerNode * n + Math.min(o.extraKicks, o.kicksPerNode * n)),
		seededRandom(n),
		{
			stretch: o.kickStretch,
			spatial: o.spatialKicks
		}
	);
	return w.order;
}

/**
 * A short open walk through all nodes from node 0.
 * @returns the node order, starting with 0.
 */
export function solveWalk(p: PathProblem): Int32Array {
	let best: Int32Array | null = null;
	let bestLength = Infinity;
	for (const o of DEFAULT_SOLVERS) {
		const order = solveWalkWith(p, o);
		const length = new Walk(p, order).length();
		if (length < bestLength) [best, bestLength] = [order, length];
	}
	return best!;
}
