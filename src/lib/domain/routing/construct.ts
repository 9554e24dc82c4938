/**
 * First walks for the solver to improve: nearest neighbour, and greedy edge matching (shortest
 * candidate edges first, no node of degree three, no cycle). Greedy starts 5–20 % shorter, but
 * after local search and kicks it ended longer on hamlets and alleys (its fragments are chained
 * crudely), so the solver starts from nearest neighbour; the benchmark's reference uses both.
 */
import type { PathProblem } from './walk.ts';

const dist = (p: PathProblem, a: number, b: number) => {
	const dx = p.xs[a]! - p.xs[b]!;
	const dy = p.ys[a]! - p.ys[b]!;
	return Math.sqrt(dx * dx + dy * dy);
};

/**
 * Greedy walk from node 0, always to the nearest node not yet visited (`pickSecond` varies it).
 * Only the first `nearest` entries of a candidate list are trusted to be the nearest points (the
 * quadrant candidates after them may skip nearer ones).
 */
export function nearestNeighbourWalk(
	p: PathProblem,
	nb: readonly Int32Array[],
	nearest: number,
	pickSecond: () => boolean = () => false
): number[] {
	const n = p.xs.length;
	const seen = new Uint8Array(n);
	const open = Array.from({ length: n - 1 }, (_, i) => i + 1);
	const slot = Int32Array.from({ length: n }, (_, i) => i - 1);
	const walk = [0];
	seen[0] = 1;
	for (let cur = 0; open.length > 0;) {
		let next = -1;
		const list = nb[cur]!;
		for (let t = 0, found = 0; t < Math.min(nearest, list.length) && found < 2; t++) {
			const c = list[t]!;
			if (seen[c]) continue;
			if (found++ === 0) next = c;
			else if (pickSecond()) next = c;
		}
		if (next < 0) {
			let best = Infinity;
			for (const c of open) {
				const d = dist(p, cur, c);
				if (d < best) [best, next] = [d, c];
			}
		}
		seen[next] = 1;
		const last = open.pop()!;
		if (last !== next) {
			open[slot[next]!] = last;
			slot[last] = slot[next]!;
		}
		walk.push(next);
		cur = next;
	}
	return walk;
}

/** Candidate edges (a[e], b[e]), each once, and their indices by rising length. */
function sortedEdges(p: PathProblem, nb: readonly Int32Array[]) {
	const a: number[] = [];
	const b: number[] = [];
	nb.forEach((list, i) => {
		// Each edge once: from its lower end, or from i when j does not list i.
		for (const j of list) {
			if (i > j && nb[j]!.includes(i)) continue;
			a.push(i);
			b.push(j);
		}
	});
	const len = Float64Array.from(a, (x, e) => dist(p, x, b[e]!));
	const idx = Int32Array.from(a, (_, e) => e).sort((x, y) => len[x]! - len[y]!);
	return { a, b, idx };
}

/** Fragments of greedy matching: adj holds up to two partners per node (-1 for none). */
function greedyFragments(p: PathProblem, nb: readonly Int32Array[]): Int32Array {
	const n = p.xs.length;
	const adj = new Int32Array(2 * n).fill(-1);
	const root = Int32Array.from({ length: n }, (_, i) => i);
	const find = (x: number) => {
		while (root[x] !== x) x = root[x] = root[root[x]!]!;
		return x;
	};
	const free = (x: number) => adj[2 * x + 1] === -1 && (x !== 0 || adj[0] === -1);
	const { a, b, idx } = sortedEdges(p, nb);
	for (const e of idx) {
		const [x, y] = [a[e]!, b[e]!];
		if (!free(x) || !free(y)) continue;
		const [rx, ry] = [find(x), find(y)];
		if (rx === ry) continue;
		root[rx] = ry;
		adj[2 * x + (adj[2 * x] === -1 ? 0 : 1)] = y;
		adj[2 * y + (adj[2 * y] === -1 ? 0 : 1)] = x;
	}
	return adj;
}

/**
 * A walk from node 0 by greedy edge matching over the candidate edges; the fragments left are
 * then chained, each time to the fragment end nearest to where the walk stands (the first
 * `nearest` candidates are the nearest points, as in nearestNeighbourWalk).
 */
export function greedyWalk(p: PathProblem, nb: readonly Int32Array[], nearest: number): number[] {
	const n = p.xs.length;
	const adj = greedyFragments(
		p,
		nb.map((l) => l.subarray(0, nearest))
	);
	const seen = new Uint8Array(n);
	const ends = new Set<number>();
	for (let x = 1; x < n; x++) if (adj[2 * x + 1] === -1) ends.add(x);
	const walk: number[] = [];
	for (let cur = 0; ;) {
		// Follow the fragment from cur to its other end.
		for (let prev = -1; cur >= 0;) {
			walk.push(cur);
			seen[cur] = 1;
			ends.delete(cur);
			const next = adj[2 * cur] !== prev ? adj[2 * cur]! : adj[2 * cur + 1]!;
			[prev, cur] = [cur, next >= 0 && !seen[next] ? next : -1];
		}
		if (ends.size === 0) return walk;
		cur = nearestEnd(
			p,
			nb[walk[walk.length - 1]!]!.subarray(0, nearest),
			walk[walk.length - 1]!,
			ends
		);
	}
}

/** The fragment end nearest to node x: among x's nearest if one is an end, else by scan. */
function nearestEnd(p: PathProblem, nearest: Int32Array, x: number, ends: Set<number>) {
	for (const c of nearest) if (ends.has(c)) return c;
	let best = -1;
	let bestD = Infinity;
	for (const c of ends) {
		const d = dist(p, x, c);
		if (d < bestD) [best, bestD] = [c, d];
	}
	return best;
}
