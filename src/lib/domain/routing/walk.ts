/**
 * A walk under improvement, shared by the walk solver (./tsp.ts) and its benchmark reference:
 * the order of nodes with its inverse, and the moves 2-opt and Or-opt make on it.
 */

export interface PathProblem {
	/** Coordinates in metres; node 0 is the start and stays first. */
	xs: Float64Array;
	ys: Float64Array;
}

/** The walk's open end: the edge after the last node costs nothing. */
export const END = -1;

/** A walk under improvement: order[k] is the node at position k, pos its inverse. */
export class Walk {
	readonly order: Int32Array;
	readonly pos: Int32Array;
	readonly n: number;
	private readonly xs: Float64Array;
	private readonly ys: Float64Array;

	constructor(p: PathProblem, order: ArrayLike<number>) {
		this.xs = p.xs;
		this.ys = p.ys;
		this.order = Int32Array.from(order);
		this.n = this.order.length - 1;
		this.pos = new Int32Array(this.order.length);
		this.order.forEach((node, k) => (this.pos[node] = k));
	}

	/** Distance between nodes; 0 to or from END (the walk's open end). */
	d(a: number, b: number): number {
		if (a === END || b === END) return 0;
		return Math.hypot(this.xs[a]! - this.xs[b]!, this.ys[a]! - this.ys[b]!);
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

	/** Reverses positions l..r (inclusive). */
	reverse(l: number, r: number): void {
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

	/** Moves positions i..j (a segment) to just after node `after`, reversed if asked. */
	moveSegment(i: number, j: number, after: number, reversed: boolean): void {
		const seg = Array.from(this.order.subarray(i, j + 1));
		if (reversed) seg.reverse();
		const rest: number[] = [];
		for (let k = 0; k <= this.n; k++) {
			if (k >= i && k <= j) continue;
			rest.push(this.order[k]!);
			if (this.order[k] === after) rest.push(...seg);
		}
		this.order.set(rest);
		rest.forEach((node, k) => (this.pos[node] = k));
	}
}
