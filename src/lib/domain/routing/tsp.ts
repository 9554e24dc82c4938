/**
 * An open walk through points from a fixed start (node 0): nearest neighbour, then 2-opt and
 * Or-opt moves restricted to each node's nearest neighbours, with a queue of "dirty" nodes
 * (don't-look bits), until no move shortens the walk. The walk ends wherever is best: the edge
 * after the last node costs nothing.
 */
import { nearestNeighbours } from './neighbours.ts';
import { END, Walk, type PathProblem } from './walk.ts';

export { Walk, type PathProblem } from './walk.ts';

/** Candidate neighbours per node: 10 is the usual sweet spot for 2-opt / Or-opt. */
export const NEIGHBOURS = 10;
const EPS = 1e-7;

/** Greedy walk from node 0, always to the nearest node not yet visited. */
export function nearestNeighbourWalk(
	p: PathProblem,
	nb: readonly Int32Array[],
	pickSecond: () => boolean = () => false
): number[] {
	const n = p.xs.length;
	const seen = new Uint8Array(n);
	const open = Array.from({ length: n - 1 }, (_, i) => i + 1);
	const slot = Int32Array.from({ length: n }, (_, i) => i - 1);
	const take = (node: number) => {
		seen[node] = 1;
		const s = slot[node]!;
		const last = open.pop()!;
		if (last !== node) {
			open[s] = last;
			slot[last] = s;
		}
	};
	const walk = [0];
	seen[0] = 1;
	let cur = 0;
	while (open.length > 0) {
		let next = -1;
		let second = -1;
		for (const c of nb[cur]!) {
			if (seen[c]) continue;
			if (next < 0) next = c;
			else {
				second = c;
				break;
			}
		}
		if (second >= 0 && pickSecond()) next = second;
		if (next < 0) {
			let best = Infinity;
			for (const c of open) {
				const d = Math.hypot(p.xs[cur]! - p.xs[c]!, p.ys[cur]! - p.ys[c]!);
				if (d < best) [best, next] = [d, c];
			}
		}
		take(next);
		walk.push(next);
		cur = next;
	}
	return walk;
}

/**
 * Tries 2-opt moves that give node a a near neighbour; applies the first that shortens.
 * @returns the metres saved (0 when no move applied).
 */
function twoOpt(w: Walk, nb: Int32Array, a: number, touched: number[]): number {
	const i = w.pos[a]!;
	if (i < w.n) {
		const b = w.at(i + 1);
		const dab = w.d(a, b);
		for (const c of nb) {
			const dac = w.d(a, c);
			if (dac >= dab) break;
			const j = w.pos[c]!;
			if (j > i + 1) {
				const e = w.at(j + 1);
				const gain = dab + w.d(c, e) - dac - w.d(b, e);
				if (gain > EPS) {
					w.reverse(i + 1, j);
					touched.push(a, b, c, e);
					return gain;
				}
			} else if (j < i - 1) {
				const f = w.at(j + 1);
				const gain = w.d(c, f) + dab - dac - w.d(f, b);
				if (gain > EPS) {
					w.reverse(j + 1, i);
					touched.push(a, b, c, f);
					return gain;
				}
			}
		}
	}
	if (i >= 1) {
		const pr = w.at(i - 1);
		const dpa = w.d(pr, a);
		for (const c of nb) {
			const dac = w.d(a, c);
			if (dac >= dpa) break;
			const j = w.pos[c]!;
			if (j > i + 1) {
				const g = w.at(j - 1);
				const gain = dpa + w.d(g, c) - dac - w.d(pr, g);
				if (gain > EPS) {
					w.reverse(i, j - 1);
					touched.push(a, pr, c, g);
					return gain;
				}
			} else if (j >= 1 && j < i - 1) {
				const g = w.at(j - 1);
				const gain = w.d(g, c) + dpa - w.d(g, pr) - dac;
				if (gain > EPS) {
					w.reverse(j, i - 1);
					touched.push(a, pr, c, g);
					return gain;
				}
			}
		}
	}
	return 0;
}

/**
 * Tries moving the 1–3 nodes starting at node a next to a near neighbour of either end.
 * @returns the metres saved (0 when no move applied).
 */
function orOpt(w: Walk, nbs: readonly Int32Array[], a: number, touched: number[]): number {
	const i = w.pos[a]!;
	if (i < 1) return 0;
	for (let len = 1; len <= 3 && i + len - 1 <= w.n; len++) {
		const j = i + len - 1;
		const s1 = a;
		const sL = w.at(j);
		const prev = w.at(i - 1);
		const next = w.at(j + 1);
		const removeGain = w.d(prev, s1) + w.d(sL, next) - w.d(prev, next);
		if (removeGain <= EPS) continue;
		for (let e = 0; e < 2; e++) {
			const end = e === 0 ? s1 : sL;
			for (const c of nbs[end]!) {
				// A move only pays if the segment lands nearer than what its removal saves.
				if (w.d(end, c) >= removeGain) break;
				const t = w.pos[c]!;
				if (t >= i && t <= j) continue;
				for (let k = t; k >= t - 1; k--) {
					if (k < 0 || (k >= i - 1 && k <= j)) continue;
					const u = w.at(k);
					const v = w.at(k + 1);
					const base = w.d(u, v);
					const fwd = w.d(u, s1) + w.d(sL, v) - base;
					const rev = w.d(u, sL) + w.d(s1, v) - base;
					const reversed = rev < fwd;
					const gain = removeGain - Math.min(fwd, rev);
					if (gain > EPS) {
						w.moveSegment(i, j, u, reversed);
						touched.push(prev, next, u, v, s1, sL);
						return gain;
					}
				}
			}
		}
	}
	return 0;
}

/**
 * Runs 2-opt and Or-opt until no move shortens the walk, starting from the queued nodes.
 * @returns the metres saved.
 */
export function improveWalk(w: Walk, nb: readonly Int32Array[], queue?: number[]): number {
	const n = w.order.length;
	const queued = new Uint8Array(n);
	const todo = queue ?? Array.from(w.order);
	for (const x of todo) queued[x] = 1;
	const touched: number[] = [];
	let saved = 0;
	while (todo.length > 0) {
		const a = todo.pop()!;
		queued[a] = 0;
		touched.length = 0;
		const gain = twoOpt(w, nb[a]!, a, touched) || orOpt(w, nb, a, touched);
		if (gain > 0) {
			saved += gain;
			for (const x of touched) {
				if (x !== END && !queued[x]) {
					queued[x] = 1;
					todo.push(x);
				}
			}
			if (!queued[a]) {
				queued[a] = 1;
				todo.push(a);
			}
		}
	}
	return saved;
}

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

/** Longest stretch of the walk a kick reshuffles. */
const KICK_SPAN = 30;

/**
 * Iterated local search: `kicks` times, swap two short neighbouring stretches of the walk (a
 * local double bridge), repair with 2-opt + Or-opt, keep the result if the walk got shorter.
 * @returns the metres saved.
 */
export function kickAndImprove(
	w: Walk,
	nb: readonly Int32Array[],
	kicks: number,
	rng: () => number
): number {
	const n = w.n;
	if (n < 8) return 0;
	const saved = Int32Array.from(w.order);
	let total = 0;
	for (let k = 0; k < kicks; k++) {
		const span = Math.min(KICK_SPAN, n - 1);
		const a = 1 + Math.floor(rng() * (n - span + 1));
		const b = a + 1 + Math.floor(rng() * (span - 2));
		const c = b + 1 + Math.floor(rng() * (a + span - b - 1));
		const o = w.order;
		const before = w.d(o[a - 1]!, o[a]!) + w.d(o[b - 1]!, o[b]!) + w.d(o[c - 1]!, w.at(c));
		const seg = [...o.subarray(b, c), ...o.subarray(a, b)];
		o.set(seg, a);
		for (let p = a; p < c; p++) w.pos[o[p]!] = p;
		const after =
			w.d(o[a - 1]!, o[a]!) + w.d(o[a + c - b - 1]!, o[a + c - b]!) + w.d(o[c - 1]!, w.at(c));
		const touched = [o[a - 1]!, o[a]!, o[a + c - b - 1]!, o[a + c - b]!, o[c - 1]!];
		if (c <= n) touched.push(o[c]!);
		const delta = after - before - improveWalk(w, nb, touched);
		if (delta < -EPS) {
			total -= delta;
			saved.set(w.order);
		} else {
			w.order.set(saved);
			saved.forEach((node, p) => (w.pos[node] = p));
		}
	}
	return total;
}

/** Kicks spent on a walk of n nodes: enough to gain a few per cent, cheap at 2,000 nodes. */
export const kicksFor = (n: number) => Math.min(900, 2 * n);

/**
 * A short open walk through all nodes from node 0.
 * @returns the node order, starting with 0.
 */
export function solveWalk(p: PathProblem): Int32Array {
	const n = p.xs.length;
	if (n <= 2) return Int32Array.from({ length: n }, (_, i) => i);
	const nb = nearestNeighbours(p.xs, p.ys, NEIGHBOURS);
	const w = new Walk(p, nearestNeighbourWalk(p, nb));
	improveWalk(w, nb);
	kickAndImprove(w, nb, kicksFor(n), seededRandom(n));
	return w.order;
}
