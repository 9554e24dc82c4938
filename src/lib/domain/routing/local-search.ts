/**
 * Local search on a walk: 2-opt, Or-opt and long Or-opt moves restricted to each node's
 * candidate neighbours, driven by a queue of "dirty" nodes (don't-look bits), until no move
 * shortens the walk. The queue's flags live as long as the search object, so a repair after a
 * small kick costs only what the kick disturbed, never O(n).
 */
import { END, type Walk } from './walk.ts';

const EPS = 1e-7;

/** 2-opt, Or-opt and long Or-opt on one walk with fixed candidate lists. */
export class LocalSearch {
	readonly w: Walk;
	readonly nb: readonly Int32Array[];
	/** Longest stretch Or-opt moves elsewhere (3 is the classic choice). */
	readonly maxSegment: number;
	/** Longest stretch the long Or-opt (a 3-opt segment insertion) moves; 0: none. */
	readonly maxLong: number;
	/** nd[a][t]: distance from a to its candidate nb[a][t]. */
	private readonly nd: Float64Array[];
	private readonly queued: Uint8Array;
	private readonly todo: number[] = [];
	private readonly touched: number[] = [];

	constructor(w: Walk, nb: readonly Int32Array[], maxSegment = 3, maxLong = 0) {
		this.w = w;
		this.nb = nb;
		this.maxSegment = maxSegment;
		this.maxLong = maxLong;
		this.nd = nb.map((list, a) => Float64Array.from(list, (c) => w.d(a, c)));
		this.queued = new Uint8Array(w.order.length);
	}

	/** Marks nodes as worth another look. */
	push(nodes: ArrayLike<number>): void {
		for (let t = 0; t < nodes.length; t++) {
			const x = nodes[t]!;
			if (x !== END && !this.queued[x]) {
				this.queued[x] = 1;
				this.todo.push(x);
			}
		}
	}

	/**
	 * Applies improving moves around the queued nodes (push the whole order for a full pass)
	 * until none is left. @returns the metres saved.
	 */
	run(): number {
		let saved = 0;
		const touched = this.touched;
		while (this.todo.length > 0) {
			const a = this.todo.pop()!;
			this.queued[a] = 0;
			touched.length = 0;
			const gain = this.twoOpt(a) || this.orOpt(a) || this.orLong(a);
			if (gain > 0) {
				saved += gain;
				touched.push(a);
				this.push(touched);
			}
		}
		return saved;
	}

	/** 2-opt moves that give node a a near neighbour; applies the first that shortens. */
	private twoOpt(a: number): number {
		const { w, touched } = this;
		const list = this.nb[a]!;
		const near = this.nd[a]!;
		const i = w.pos[a]!;
		const b = w.at(i + 1);
		const dab = w.d(a, b);
		for (let t = 0; t < list.length; t++) {
			const dac = near[t]!;
			if (dac >= dab) break;
			const c = list[t]!;
			const j = w.pos[c]!;
			if (j === i + 1 || j === i - 1) continue;
			// Edges (a, b) and (c, e) become (a, c) and (b, e), on either side of a.
			const e = w.at(j + 1);
			const gain = dab + w.d(c, e) - dac - w.d(b, e);
			if (gain > EPS) {
				if (j > i) w.reverse(i + 1, j);
				else w.reverse(j + 1, i);
				touched.push(b, c, e);
				return gain;
			}
		}
		if (i === 0) return 0;
		const pr = w.order[i - 1]!;
		const dpa = w.d(pr, a);
		for (let t = 0; t < list.length; t++) {
			const dac = near[t]!;
			if (dac >= dpa) break;
			const c = list[t]!;
			const j = w.pos[c]!;
			// Edges (pr, a) and (g, c) become (g, pr) and (c, a).
			if (j === 0 || j === i - 1 || j === i + 1) continue;
			const g = w.order[j - 1]!;
			const gain = dpa + w.d(g, c) - dac - w.d(g, pr);
			if (gain > EPS) {
				if (j > i) w.reverse(i, j - 1);
				else w.reverse(j, i - 1);
				touched.push(pr, c, g);
				return gain;
			}
		}
		return 0;
	}

	/** Or-opt: moves a stretch of 1..maxSegment nodes that starts or ends at a elsewhere. */
	private orOpt(a: number): number {
		const w = this.w;
		const p = w.pos[a]!;
		if (p < 1) return 0;
		for (let len = 1; len <= this.maxSegment; len++) {
			for (let side = len === 1 ? 1 : 0; side < 2; side++) {
				const i = side === 0 ? p - len + 1 : p;
				const j = i + len - 1;
				if (i < 1 || j > w.n) continue;
				const gain = this.moveStretch(i, j);
				if (gain > 0) return gain;
			}
		}
		return 0;
	}

	/**
	 * Long Or-opt (3-opt segment insertion): for a candidate c of a that is nearer than a's
	 * neighbour on that side, moves the whole stretch between a and c elsewhere, so that a and
	 * c become neighbours. This moves a whole hamlet or alley at once, which no short move does.
	 */
	private orLong(a: number): number {
		const { w, nb, nd } = this;
		if (this.maxLong === 0) return 0;
		const i = w.pos[a]!;
		const list = nb[a]!;
		const near = nd[a]!;
		const after = w.d(a, w.at(i + 1));
		const before = i > 0 ? w.d(a, w.order[i - 1]!) : 0;
		for (let t = 0; t < list.length; t++) {
			if (near[t]! >= Math.max(after, before)) break;
			const j = w.pos[list[t]!]!;
			const gain =
				j > i + 2 && j - i - 1 <= this.maxLong && near[t]! < after
					? this.moveStretch(i + 1, j - 1)
					: j < i - 2 && j > -1 && i - j - 1 <= this.maxLong && near[t]! < before
						? this.moveStretch(j + 1, i - 1)
						: 0;
			if (gain > 0) return gain;
		}
		return 0;
	}

	/** Moves positions i..j next to a candidate of either end, either way round, if it pays. */
	private moveStretch(i: number, j: number): number {
		const { w, touched } = this;
		const s1 = w.order[i]!;
		const sL = w.order[j]!;
		const prev = w.order[i - 1]!;
		const next = w.at(j + 1);
		const removeGain = w.d(prev, s1) + w.d(sL, next) - w.d(prev, next);
		if (removeGain <= EPS) return 0;
		for (let e = i === j ? 1 : 0; e < 2; e++) {
			const end = e === 0 ? sL : s1;
			const list = this.nb[end]!;
			const near = this.nd[end]!;
			for (let q = 0; q < list.length; q++) {
				// A move only pays if the stretch lands nearer than what its removal saves.
				if (near[q]! >= removeGain) break;
				const t = w.pos[list[q]!]!;
				if (t >= i && t <= j) continue;
				for (let k = t; k >= t - 1; k--) {
					if (k < 0 || (k >= i - 1 && k <= j)) continue;
					const u = w.order[k]!;
					const v = w.at(k + 1);
					const base = w.d(u, v);
					const fwd = w.d(u, s1) + w.d(sL, v) - base;
					const rev = w.d(u, sL) + w.d(s1, v) - base;
					const gain = removeGain - Math.min(fwd, rev);
					if (gain > EPS) {
						w.moveSegment(i, j, k, rev < fwd);
						touched.push(prev, next, u, v, s1, sL);
						return gain;
					}
				}
			}
		}
		return 0;
	}
}
