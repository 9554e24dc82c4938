/**
 * Cutting one ordered walk into outings. Cuts fall between alleys when they can (an alley is
 * only cut when it alone is too big); the fewest outings that respect the limit, as even as
 * possible (dynamic programming over the cut points).
 */

export interface SplitInput {
	/** Households in walking order: how many there are. */
	count: number;
	/** Positions where a cut is allowed (0 < cut < count): alley and house boundaries. */
	cuts: readonly number[];
	/** Size of the outing made of households [a, b): households or minutes. */
	measure(a: number, b: number): number;
	/** No outing may measure more (unless a single household does). */
	limit: number;
	/** Outings below this are penalised (the last leftover one too). */
	lower: number;
}

const PER_OUTING = 1e12;
const UNDER_LOWER = 1e8;

/**
 * The cut points of the best split.
 * @returns ranges [start, end) in walking order covering 0..count exactly once.
 */
export function splitWalk(s: SplitInput): [number, number][] {
	if (s.count === 0) return [];
	const points = [0, ...s.cuts.filter((c) => c > 0 && c < s.count), s.count];
	const m = points.length;
	const best = new Float64Array(m).fill(Infinity);
	const from = new Int32Array(m).fill(-1);
	best[0] = 0;
	const cost = (size: number) => {
		const dev = s.limit - size;
		return PER_OUTING + dev * dev + (size < s.lower ? UNDER_LOWER : 0);
	};
	for (let b = 1; b < m; b++) {
		for (let a = b - 1; a >= 0; a--) {
			const size = s.measure(points[a]!, points[b]!);
			if (size > s.limit && a !== b - 1) break;
			if (best[a] === Infinity) continue;
			const c = best[a]! + cost(size);
			if (c < best[b]!) {
				best[b] = c;
				from[b] = a;
			}
		}
	}
	const ranges: [number, number][] = [];
	for (let b = m - 1; b > 0; b = from[b]!) ranges.push([points[from[b]!]!, points[b]!]);
	return ranges.reverse();
}
