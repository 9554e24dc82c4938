/**
 * Sharing one walk among members: each member takes a stretch of it (neighbouring houses and
 * hamlets), sized to their share of the work — in proportion to their session length, so a
 * member with shorter sessions gets less. Stretches end between walk units, preferably between
 * areas (a hamlet is not split between two members unless the shares need it).
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
	/** Work of the houses [0, pos), minutes (time at the houses plus the legs between). */
	workBefore(pos: number): number;
	/** Relative shares (e.g. session lengths), one per member, in order. */
	shares: readonly number[];
}

/**
 * Where each member's stretch starts and ends.
 * @returns [start, end) per member, in member order, covering 0..count; no stretch is empty
 *   unless there are more members than walk units.
 */
export function territories(p: TerritoryProblem): [number, number][] {
	const m = p.shares.length;
	if (m === 0) return [];
	const total = p.workBefore(p.count);
	const sum = p.shares.reduce((a, b) => a + b, 0);
	const cuts = p.unitStarts.filter((c) => c > 0 && c < p.count);
	const ends: number[] = [];
	let target = 0;
	let from = 0;
	for (let i = 0; i < m - 1; i++) {
		target += (total * p.shares[i]!) / sum;
		const left = m - 1 - i;
		let best = -1;
		let bestScore = Infinity;
		for (let k = from; k < cuts.length - left + 1; k++) {
			const c = cuts[k]!;
			const score =
				Math.abs(p.workBefore(c) - target) + (p.areaEdge(c) ? 0 : AREA_CUT_PREFERENCE_MIN);
			if (score < bestScore) [best, bestScore] = [k, score];
			if (p.workBefore(c) > target + AREA_CUT_PREFERENCE_MIN) break;
		}
		if (best < 0) break;
		ends.push(cuts[best]!);
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
