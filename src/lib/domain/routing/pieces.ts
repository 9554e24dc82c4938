/**
 * Cluster order for the walk solver. Where houses stand in hamlets (or alleys), the walk is a
 * chain of pieces joined by long links, and the links' total decides most of its length; the
 * node-level moves only reconnect pieces whose ends are candidate neighbours. Here the walk is
 * cut at its longest links, and the pieces themselves are reordered and turned round (2-opt and
 * Or-opt over the sequence of pieces, every pair tried, cheap for a hundred pieces); local
 * search then smooths the new joins.
 */
import type { Walk } from './walk.ts';

const EPS = 1e-7;

/** A sequence of pieces: piece s[k] is positions from[s]..to[s] of the walk, flipped if rev[k]. */
interface Pieces {
	from: Int32Array;
	to: Int32Array;
	seq: number[];
	rev: boolean[];
}

/** Cuts the walk after its longest links: at most `most` of them, each over `factor` × median. */
function cut(w: Walk, most: number, factor: number): Pieces {
	const len = Float64Array.from({ length: w.n }, (_, k) => w.d(w.order[k]!, w.order[k + 1]!));
	const sorted = Float64Array.from(len).sort();
	const floor = Math.max(factor * sorted[Math.floor(w.n / 2)]!, sorted[Math.max(0, w.n - most)]!);
	const ends: number[] = [];
	len.forEach((l, k) => l > floor && ends.push(k));
	ends.push(w.n);
	const from = Int32Array.from(ends, (_, t) => (t === 0 ? 0 : ends[t - 1]! + 1));
	return {
		from,
		to: Int32Array.from(ends),
		seq: ends.map((_, t) => t),
		rev: ends.map(() => false)
	};
}

/** Node a walker meets first (head) or last in the k-th piece of the sequence, as it lies. */
const head = (w: Walk, p: Pieces, k: number) =>
	w.order[p.rev[k] ? p.to[p.seq[k]!]! : p.from[p.seq[k]!]!]!;
const tail = (w: Walk, p: Pieces, k: number) =>
	w.order[p.rev[k] ? p.from[p.seq[k]!]! : p.to[p.seq[k]!]!]!;

/** Reverses the sequence between positions a and b, turning each piece round. */
function flip(p: Pieces, a: number, b: number): void {
	const seq = p.seq.slice(a, b + 1).reverse();
	const rev = p.rev
		.slice(a, b + 1)
		.reverse()
		.map((r) => !r);
	p.seq.splice(a, seq.length, ...seq);
	p.rev.splice(a, rev.length, ...rev);
}

/** The best 2-opt over the sequence (piece 0 stays first): reverses a..b. @returns the gain. */
function twoOptPieces(w: Walk, p: Pieces): number {
	const m = p.seq.length;
	for (let a = 1; a < m; a++) {
		const before = w.d(tail(w, p, a - 1), head(w, p, a));
		for (let b = a; b < m; b++) {
			const out = b + 1 < m ? w.d(tail(w, p, b), head(w, p, b + 1)) : 0;
			const inA = w.d(tail(w, p, a - 1), tail(w, p, b));
			const inB = b + 1 < m ? w.d(head(w, p, a), head(w, p, b + 1)) : 0;
			const gain = before + out - inA - inB;
			if (gain > EPS) {
				flip(p, a, b);
				return gain;
			}
		}
	}
	return 0;
}

/** Or-opt over the sequence: moves runs of 1–3 pieces elsewhere, either way round. */
function orOptPieces(w: Walk, p: Pieces): number {
	const m = p.seq.length;
	for (let a = 1; a < m; a++) {
		for (let b = a; b < Math.min(m, a + 3); b++) {
			const next = b + 1 < m ? head(w, p, b + 1) : -1;
			const prev = tail(w, p, a - 1);
			const join = (x: number, y: number) => (y < 0 ? 0 : w.d(x, y));
			const removed = w.d(prev, head(w, p, a)) + join(tail(w, p, b), next) - join(prev, next);
			for (let c = 0; c < m; c++) {
				if (c >= a - 1 && c <= b) continue;
				const u = tail(w, p, c);
				const v = c + 1 < m ? head(w, p, c + 1) : -1;
				const fwd = w.d(u, head(w, p, a)) + join(tail(w, p, b), v) - join(u, v);
				const bwd = w.d(u, tail(w, p, b)) + join(head(w, p, a), v) - join(u, v);
				const gain = removed - Math.min(fwd, bwd);
				if (gain > EPS) {
					if (bwd < fwd) flip(p, a, b);
					const seq = p.seq.splice(a, b - a + 1);
					const rev = p.rev.splice(a, b - a + 1);
					const at = c < a ? c + 1 : c - seq.length + 1;
					p.seq.splice(at, 0, ...seq);
					p.rev.splice(at, 0, ...rev);
					return gain;
				}
			}
		}
	}
	return 0;
}

/**
 * Reorders the walk's pieces (cut at up to `most` of its longest links) while that shortens it.
 * @returns the metres saved and the nodes at the new joins (for local search to look at).
 */
export function reorderPieces(w: Walk, most: number, factor = 3) {
	const p = cut(w, most, factor);
	let saved = 0;
	for (let gain = 1; gain > 0; saved += gain) gain = twoOptPieces(w, p) || orOptPieces(w, p);
	const joins: number[] = [];
	if (saved <= 0) return { saved, joins };
	const order: number[] = [];
	p.seq.forEach((s, k) => {
		joins.push(head(w, p, k), tail(w, p, k));
		const piece = Array.from(w.order.subarray(p.from[s]!, p.to[s]! + 1));
		order.push(...(p.rev[k] ? piece.reverse() : piece));
	});
	w.setOrder(order);
	return { saved, joins };
}
