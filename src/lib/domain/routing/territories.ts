/**
 * Sharing one walk among members: each member takes a stretch of it (neighbouring houses and
 * hamlets), sized to their share of the work — in proportion to their session length, so a
 * member with shorter sessions gets less. Stretches end between walk units, preferably between
 * areas (a hamlet is not split between two members unless the shares need it). A stretch's work
 * leaves out the leg that leads into it: the member starts at their own start, not at the
 * previous member's last house (a far hamlet does not count as work for whoever walks it).
 */

/** Minutes of imbalance worth accepting to keep a hamlet with one member. */
export const AREA_CUT_PREFERENCE_MIN = 20;

export interface TerritoryProblem {
	/** Houses in walking order. */
	count: number;
	/** Positions where a stretch may end (walk unit starts), ascending, 0 first. */
	unitStarts: readonly number[];
	/** True when the houses before and after the position lie in different areas. */
	areaEdge(pos: number): boolean;
	/** Work of the houses [a, b), minutes: time at them plus the legs between them. */
	work(a: number, b: number): number;
	/** Relative shares (e.g. session lengths), one per member, in order. */
	shares: readonly number[];
}

/**
 * Where each member's stretch starts and ends.
 * @returns [start, end) per member, in member order, covering 0..count; no stretch is empty
 *   unless there are more members than walk units.
 */
export function territories(p: TerritoryProblem): [number, number][] {
	if (p.shares.length === 0) return [];
	// Sized first on the whole walk's work; but the legs into the stretches are nobody's work,
	// so a far hamlet inflates every target. Sized again on the work the members actually got,
	// and the more even of the two kept.
	const first = cutWalk(p, null);
	const got = first.reduce((t, [a, b]) => t + p.work(a, b), 0);
	const second = cutWalk(p, got);
	return spread(p, second) < spread(p, first) ? second : first;
}

/** Most minus least work per unit of share, over the members given a stretch. */
function spread(p: TerritoryProblem, parts: [number, number][]): number {
	const rel = parts.flatMap(([a, b], i) => (b > a ? [p.work(a, b) / p.shares[i]!] : []));
	return rel.length === 0 ? 0 : Math.max(...rel) - Math.min(...rel);
}

/** Greedy cuts, each member's target its share of what is left (of `total` when given). */
function cutWalk(p: TerritoryProblem, total: number | null): [number, number][] {
	const m = p.shares.length;
	const cuts = p.unitStarts.filter((c) => c > 0 && c < p.count);
	const ends: number[] = [];
	let start = 0;
	let from = 0;
	let left = total;
	for (let i = 0; i < m - 1; i++) {
		// This member's part of what is left, in proportion to the shares still to give.
		const sum = p.shares.slice(i).reduce((a, b) => a + b, 0);
		const rest = left ?? p.work(start, p.count);
		const target = (rest * p.shares[i]!) / sum;
		const after = m - 1 - i;
		let best = -1;
		let bestScore = Infinity;
		for (let k = from; k < cuts.length - after + 1; k++) {
			const w = p.work(start, cuts[k]!);
			const score = Math.abs(w - target) + (p.areaEdge(cuts[k]!) ? 0 : AREA_CUT_PREFERENCE_MIN);
			if (score < bestScore) [best, bestScore] = [k, score];
			if (w > target + AREA_CUT_PREFERENCE_MIN) break;
		}
		if (best < 0) break;
		if (left !== null) left -= p.work(start, cuts[best]!);
		start = cuts[best]!;
		ends.push(start);
		from = best + 1;
	}
	const bounds = [0, ...ends, p.count];
	const out: [number, number][] = [];
	for (let i = 0; i < m; i++) {
		const a = bounds[Math.min(i, bounds.length - 1)]!;
		const b = bounds[Math.min(i + 1, bounds.length - 1)]!;
		out.push([a, Math.max(a, b)]);
	}
	return out;
}
