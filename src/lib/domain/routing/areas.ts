/**
 * Areas of a plan: the hamlets its households belong to (households with no hamlet are grouped
 * by distance), and which areas are neighbours — an outing keeps to one area or to neighbouring
 * ones. Two areas are neighbours when some house of one stands within a gap of some house of the
 * other (the gap depends on how members get about).
 */
import type { TravelMode } from './outing-kinds.ts';

/** Largest gap between two hamlets' houses for an outing to take in both. */
export const NEIGHBOUR_GAP_M: Record<TravelMode, number> = {
	foot: 600,
	bicycle: 1000,
	motorbike: 1500
};

/** Households with no hamlet are grouped when they stand this close to one another (chained). */
export const UNNAMED_GAP_M = 300;

export interface AreaHouse {
	hamletId: string | null;
	x: number;
	y: number;
}

/** Buckets of point indices by square cells of a side, for near-point searches. */
class Grid {
	private readonly cells = new Map<string, number[]>();
	private readonly side: number;
	constructor(side: number, xs: ArrayLike<number>, ys: ArrayLike<number>, only: readonly number[]) {
		this.side = side;
		for (const i of only) {
			const k = this.key(xs[i]!, ys[i]!, 0, 0);
			const list = this.cells.get(k);
			if (list) list.push(i);
			else this.cells.set(k, [i]);
		}
	}
	private key(x: number, y: number, dx: number, dy: number) {
		return `${Math.floor(x / this.side) + dx},${Math.floor(y / this.side) + dy}`;
	}
	/** Indices in the 3×3 cells around (x, y): every point within `side` is among them. */
	*around(x: number, y: number): Generator<number> {
		for (let dx = -1; dx <= 1; dx++)
			for (let dy = -1; dy <= 1; dy++) yield* this.cells.get(this.key(x, y, dx, dy)) ?? [];
	}
}

/** Groups the unnamed houses (indices) into chains of houses within UNNAMED_GAP_M. */
function chainUnnamed(houses: readonly AreaHouse[], unnamed: number[]): number[][] {
	const xs = houses.map((h) => h.x);
	const ys = houses.map((h) => h.y);
	const grid = new Grid(UNNAMED_GAP_M, xs, ys, unnamed);
	const parent = new Map(unnamed.map((i) => [i, i]));
	const find = (i: number): number => {
		let r = i;
		while (parent.get(r) !== r) r = parent.get(r)!;
		parent.set(i, r);
		return r;
	};
	for (const i of unnamed)
		for (const j of grid.around(xs[i]!, ys[i]!))
			if (j !== i && Math.hypot(xs[i]! - xs[j]!, ys[i]! - ys[j]!) <= UNNAMED_GAP_M)
				parent.set(find(i), find(j));
	const groups = new Map<number, number[]>();
	for (const i of unnamed) {
		const r = find(i);
		const g = groups.get(r);
		if (g) g.push(i);
		else groups.set(r, [i]);
	}
	return [...groups.values()];
}

/**
 * The area of every house: its hamlet's id when the hamlet is known, else `~n` for the n-th
 * group of unnamed houses.
 */
export function areasOf(houses: readonly AreaHouse[], known: ReadonlySet<string>): string[] {
	const out: string[] = houses.map((h) => (h.hamletId && known.has(h.hamletId) ? h.hamletId : ''));
	const unnamed = out.flatMap((a, i) => (a === '' ? [i] : []));
	chainUnnamed(houses, unnamed).forEach((g, n) => {
		for (const i of g) out[i] = `~${n + 1}`;
	});
	return out;
}

/** Key of an unordered pair of areas. */
export const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

/** Houses per area per square cell of side `side`. */
function cellsByArea(houses: readonly AreaHouse[], areaOf: readonly string[], side: number) {
	const cells = new Map<string, Map<string, number[]>>();
	houses.forEach((h, i) => {
		const k = `${Math.floor(h.x / side)},${Math.floor(h.y / side)}`;
		const byArea = cells.get(k) ?? new Map<string, number[]>();
		cells.set(k, byArea);
		const list = byArea.get(areaOf[i]!);
		if (list) list.push(i);
		else byArea.set(areaOf[i]!, [i]);
	});
	return cells;
}

/** True when some house of `as` stands within `gapM` of some house of `bs`. */
function within(houses: readonly AreaHouse[], as: number[], bs: number[], gapM: number): boolean {
	let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
	for (const j of bs) {
		const h = houses[j]!;
		[w, s, e, n] = [Math.min(w, h.x), Math.min(s, h.y), Math.max(e, h.x), Math.max(n, h.y)];
	}
	for (const i of as) {
		const h = houses[i]!;
		// Farther than the gap from the other's box: from every house of it too.
		if (Math.hypot(Math.max(w - h.x, 0, h.x - e), Math.max(s - h.y, 0, h.y - n)) > gapM) continue;
		for (const j of bs) if (Math.hypot(h.x - houses[j]!.x, h.y - houses[j]!.y) <= gapM) return true;
	}
	return false;
}

/**
 * Pairs of neighbouring areas (pairKey), from the houses' points and areas. Houses are bucketed
 * by area in cells of the gap's size, so a pair is only measured where both areas have houses in
 * touching cells, and only until it is found.
 * @param gapM the largest gap between two houses of neighbouring areas.
 */
export function neighbourPairs(
	houses: readonly AreaHouse[],
	areaOf: readonly string[],
	gapM: number
): Set<string> {
	const cells = cellsByArea(houses, areaOf, gapM);
	const pairs = new Set<string>();
	for (const [key, here] of cells) {
		const [cx, cy] = key.split(',').map(Number) as [number, number];
		for (let dx = -1; dx <= 1; dx++)
			for (let dy = -1; dy <= 1; dy++) {
				const there = cells.get(`${cx + dx},${cy + dy}`);
				if (!there) continue;
				for (const [a, as] of here)
					for (const [b, bs] of there) {
						if (a >= b) continue;
						const k = pairKey(a, b);
						if (!pairs.has(k) && within(houses, as, bs, gapM)) pairs.add(k);
					}
			}
	}
	return pairs;
}
