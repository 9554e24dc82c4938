/**
 * A walk under improvement, shared by the walk solver (./tsp.ts) and its benchmark reference:
 * the order of nodes with its inverse. Every change is a reversal of a stretch of positions
 * (a segment move is two or three of them), so a journal of reversals undoes any sequence of
 * moves in time proportional to what they changed, never O(n): that is what makes thousands of
 * trial kicks affordable.
 */

export interface PathProblem {
	/** Coordinates in metres; node 0 is the start and stays first. */
	xs: Float64Array;
	ys: Float64Array;
	/** Metres between two nodes when not the straight line (along the streets); absent: straight. */
	dist?: (a: number, b: number) => number;
}

/** The walk's open end: the edge after the last node costs nothing. */
export const END = -1;

/** A walk under improvement: order[k] is the node at position k, pos its inverse. */
export class Walk {
	readonly order: Int32Array;
	readonly pos: Int32Array;
	/** Position of the last node (the node count less one). */
	readonly n: number;
	private readonly xs: Float64Array;
	private readonly ys: Float64Array;
	private readonly dist: ((a: number, b: number) => number) | undefined;
	/** Reversals since record(), as pairs l, r; null when not recording. */
	private log: number[] | null = null;
	private readonly journal: number[] = [];

	constructor(p: PathProblem, order: ArrayLike<number>) {
		this.xs = p.xs;
		this.ys = p.ys;
		this.dist = p.dist;
		this.order = Int32Array.from(order);
		this.n = this.order.length - 1;
		this.pos = new Int32Array(this.order.length);
		this.order.forEach((node, k) => (this.pos[node] = k));
	}

	/** Distance between nodes; 0 to or from END (the walk's open end). */
	d(a: number, b: number): number {
		if (a === END || b === END) return 0;
		if (this.dist) return this.dist(a, b);
		const dx = this.xs[a]! - this.xs[b]!;
		const dy = this.ys[a]! - this.ys[b]!;
		return Math.sqrt(dx * dx + dy * dy);
	}

	/** Node at position k, END past the last one. */
	at(k: number): number {
		return k <= this.n ? this.order[k]! : END;
	}

	length(): number {
		let m = 0;
		for (let k = 1; k <= this.n; k++) m += this.d(this.order[k - 1]!, this.order[k]!);
		return m;
	}

	/** Reverses positions l..r (inclusive; 1 ≤ l keeps the start in place). */
	reverse(l: number, r: number): void {
		if (l >= r) return;
		this.log?.push(l, r);
		const { order, pos } = this;
		while (l < r) {
			const a = order[l]!;
			const b = order[r]!;
			order[l] = b;
			pos[b] = l++;
			order[r] = a;
			pos[a] = r--;
		}
	}

	/**
	 * Moves positions i..j (a segment) to between positions k and k + 1 (k < i - 1 or k > j),
	 * its orientation flipped when `reversed`. Costs the span from the segment to k.
	 */
	moveSegment(i: number, j: number, k: number, reversed: boolean): void {
		if (k > j) {
			// S B → B S: reverse both, then each part back.
			this.reverse(i, k);
			this.reverse(i, i + k - j - 1);
			if (!reversed) this.reverse(i + k - j, k);
		} else {
			// B S → S B.
			this.reverse(k + 1, j);
			this.reverse(k + 2 + j - i, j);
			if (!reversed) this.reverse(k + 1, k + 1 + j - i);
		}
	}

	/** Replaces the whole order (node 0 first); not while recording. */
	setOrder(order: ArrayLike<number>): void {
		this.order.set(order);
		this.order.forEach((node, k) => (this.pos[node] = k));
	}

	/** Starts a journal of changes that rollback() can undo (commit() drops it). */
	record(): void {
		this.journal.length = 0;
		this.log = this.journal;
	}

	/** Keeps the changes since record(). */
	commit(): void {
		this.log = null;
	}

	/** Undoes every change since record(). */
	rollback(): void {
		const log = this.log;
		if (!log) return;
		this.log = null;
		for (let k = log.length - 2; k >= 0; k -= 2) this.reverse(log[k]!, log[k + 1]!);
	}
}
