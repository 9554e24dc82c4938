/**
 * Cutting one ordered walk into outings that each fit a session: the split with the fewest
 * outings, and among those the least total time, over every choice of cut points (a shortest
 * path over the cut points, as in route-first cluster-second). Optimal for the walk's order.
 *
 * Cuts fall between walk units (alleys whole); a unit longer than a session alone may be cut
 * between its houses; "walls" (between hamlets that are not neighbours) must be cut. A piece
 * that cannot fit even alone becomes an outing of its own with the reason.
 */
import type { OutingFlag } from './outing-kinds.ts';

export interface SplitProblem {
	/** Houses in walking order. */
	count: number;
	/** Where each walk unit starts (0 first), ascending. */
	unitStarts: readonly number[];
	/** Positions that must be cut (0 < w < count). */
	walls: ReadonlySet<number>;
	/** Minutes of the outing made of houses [a, b), the trip from its start included. */
	minutes(a: number, b: number): number;
	/**
	 * A lower bound of minutes(a', b) for every a' ≤ a that grows as a falls (time at the
	 * houses plus the legs between them): the search stops once it passes the session.
	 */
	bound(a: number, b: number): number;
	/** The session, minutes. */
	limit: number;
	/** Minutes at one house: a session shorter than that fits nothing. */
	minutesPerHouse: number;
}

export interface SplitPiece {
	a: number;
	b: number;
	minutes: number;
	flag: OutingFlag | null;
}

/**
 * Units that do not fit one session on their own (the trip to them included) open their inner
 * cuts: such an alley is walked in parts.
 */
function cutPoints(s: SplitProblem): number[] {
	const starts = [...s.unitStarts, s.count];
	const cuts = new Set<number>([0, s.count]);
	for (let u = 0; u + 1 < starts.length; u++) {
		const a = starts[u]!;
		const b = starts[u + 1]!;
		cuts.add(a);
		if (b - a > 1 && s.minutes(a, b) > s.limit) for (let k = a + 1; k < b; k++) cuts.add(k);
	}
	for (const w of s.walls) if (w > 0 && w < s.count) cuts.add(w);
	return [...cuts].sort((x, y) => x - y);
}

/** Flag of an outing [a, b): too long for its session, or a part of an alley cut up. */
function flagOf(s: SplitProblem, a: number, b: number, minutes: number, inner: Set<number>) {
	if (minutes > s.limit + 1e-9)
		return s.minutesPerHouse > s.limit ? ('session_too_short' as const) : ('too_far' as const);
	return inner.has(a) || inner.has(b) ? ('alley_split' as const) : null;
}

/**
 * The best split of the walk.
 * @returns pieces [a, b) covering 0..count in order; each fits the session or has a flag.
 */
export function optimalSplit(s: SplitProblem): SplitPiece[] {
	if (s.count === 0) return [];
	const points = cutPoints(s);
	const unitEdge = new Set([...s.unitStarts, s.count, ...s.walls]);
	const inner = new Set(points.filter((p) => !unitEdge.has(p)));
	const m = points.length;
	const outings = new Float64Array(m).fill(Infinity);
	const total = new Float64Array(m).fill(Infinity);
	const from = new Int32Array(m).fill(-1);
	outings[0] = 0;
	total[0] = 0;
	for (let j = 1; j < m; j++) {
		const b = points[j]!;
		for (let i = j - 1; i >= 0; i--) {
			const a = points[i]!;
			const alone = i === j - 1;
			if (!alone && s.bound(a, b) > s.limit) break;
			const t = s.minutes(a, b);
			if (t > s.limit && !alone) continue;
			const o = outings[i]! + 1;
			const tt = total[i]! + t;
			if (o < outings[j]! || (o === outings[j]! && tt < total[j]! - 1e-9)) {
				outings[j] = o;
				total[j] = tt;
				from[j] = i;
			}
			if (s.walls.has(a)) break;
		}
	}
	const pieces: SplitPiece[] = [];
	for (let j = m - 1; j > 0; j = from[j]!) {
		const a = points[from[j]!]!;
		const b = points[j]!;
		const minutes = s.minutes(a, b);
		pieces.push({ a, b, minutes, flag: flagOf(s, a, b, minutes, inner) });
	}
	return pieces.reverse();
}
