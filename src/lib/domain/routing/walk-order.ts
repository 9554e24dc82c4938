/**
 * The walk through a selection of households: group them into alley walks, order the walks from
 * the start point (solveWalk), expand them back into households. The team planner builds its
 * walks with it (sequence.ts). Pure.
 */
import { projectionAround } from './geometry.ts';
import { buildWalkUnits, type WalkUnit } from './walk-units.ts';
import { solveWalk, type PathProblem } from './tsp.ts';
import { PairMemo } from './pair-memo.ts';
import type { LegMeasure } from './street-legs.ts';
import { DETOUR_FACTOR, type LonLat, type PlanHousehold } from './types.ts';

export interface Located {
	h: PlanHousehold;
	x: number;
	y: number;
}

/** Households in walking order, with the walk units' boundaries. */
export interface OrderedWalk {
	houses: Located[];
	/** Index (into houses) where each unit starts, after the first. */
	unitStarts: number[];
	/** Sizes of the units in walking order (oversized units may be cut inside). */
	unitSizes: number[];
	start: { x: number; y: number; lonLat: LonLat } | null;
}

/** The end of the selection farthest from its centre: a walk from an end is a good default. */
function farthestFromCentre(hs: readonly Located[]): Located | undefined {
	let best: Located | undefined;
	let bestD = -1;
	for (const h of hs) {
		const d = h.x * h.x + h.y * h.y;
		if (d > bestD) [best, bestD] = [h, d];
	}
	return best;
}

/** The walk-ordering problem of a selection: its walk units as points, node 0 the start. */
export interface WalkProblem extends PathProblem {
	located: Located[];
	units: WalkUnit[];
	start: OrderedWalk['start'];
}

/**
 * Straight metres up to which the order measures a leg along the streets: its moves weigh
 * nearby units (where a wall, a river or a dead end makes the way round long); farther legs
 * stay straight × detour, so the order asks for no A* across the commune (bench/street-plan.ts:
 * 250 m keeps the gain of 400 m at two thirds of its time).
 */
export const STREET_ORDER_NEAR_M = 250;

/** Metres between nodes: along the streets when near (memoised per pair), else straight × detour. */
function streetDistances(xs: Float64Array, ys: Float64Array, pts: LonLat[], legs: LegMeasure) {
	const n = xs.length;
	const memo = new PairMemo();
	const near2 = STREET_ORDER_NEAR_M * STREET_ORDER_NEAR_M;
	return (a: number, b: number): number => {
		const dx = xs[a]! - xs[b]!;
		const dy = ys[a]! - ys[b]!;
		const d2 = dx * dx + dy * dy;
		if (d2 > near2) return Math.sqrt(d2) * DETOUR_FACTOR;
		const k = a < b ? a * n + b : b * n + a;
		let m = memo.get(k);
		if (m !== m) memo.set(k, (m = legs.metres(pts[a]!, pts[b]!))); // NaN: not yet measured
		return m;
	};
}

/**
 * Builds the walk-ordering problem (households must have a location).
 * @param legs the commune's streets (street-legs.ts): near legs measured along them; absent,
 *   straight lines.
 */
export function walkProblem(
	households: readonly PlanHousehold[],
	startAt: LonLat | null,
	legs?: LegMeasure | null
): WalkProblem {
	const pts: LonLat[] = households.map((h) => [h.lon!, h.lat!]);
	if (startAt) pts.push(startAt);
	const proj = projectionAround(pts);
	const located: Located[] = households.map((h) => ({ h, x: proj.x(h.lon!), y: proj.y(h.lat!) }));
	const units = buildWalkUnits(
		located.map((l) => ({ alleyKey: l.h.alleyKey, addressKey: l.h.addressKey, x: l.x, y: l.y }))
	);
	const far = startAt ? null : farthestFromCentre(located);
	const lonLat: LonLat | null = startAt ?? (far ? [far.h.lon!, far.h.lat!] : null);
	const start = lonLat ? { x: proj.x(lonLat[0]), y: proj.y(lonLat[1]), lonLat } : null;
	const xs = Float64Array.from([start?.x ?? 0, ...units.map((u) => u.x)]);
	const ys = Float64Array.from([start?.y ?? 0, ...units.map((u) => u.y)]);
	// Pair keys a·n + b stay below 2³¹ (PairMemo); past that, straight lines.
	if (!legs || !start || xs.length > 46_340) return { xs, ys, located, units, start };
	// A unit is entered and left about its middle: halfway between its first and last house.
	const mid = (u: WalkUnit): LonLat => {
		const [a, b] = [located[u.members[0]!]!.h, located[u.members[u.members.length - 1]!]!.h];
		return [(a.lon! + b.lon!) / 2, (a.lat! + b.lat!) / 2];
	};
	const nodes: LonLat[] = [start.lonLat, ...units.map(mid)];
	return { xs, ys, located, units, start, dist: streetDistances(xs, ys, nodes, legs) };
}

/** Expands an order of walk units (node 0 first) into households. */
export function walkFromOrder(p: WalkProblem, order: ArrayLike<number>): OrderedWalk {
	const houses: Located[] = [];
	const unitStarts: number[] = [];
	const unitSizes: number[] = [];
	for (let k = 1; k < order.length; k++) {
		const u = p.units[order[k]! - 1]!;
		if (houses.length > 0) unitStarts.push(houses.length);
		unitSizes.push(u.members.length);
		for (const m of u.members) houses.push(p.located[m]!);
	}
	return { houses, unitStarts, unitSizes, start: p.start };
}

/**
 * Orders households for walking: alley by alley from the start, each alley in number order.
 * Households must have a location (see planRoutes, which skips the others).
 */
export function orderHouseholds(
	households: readonly PlanHousehold[],
	startAt: LonLat | null
): OrderedWalk {
	const p = walkProblem(households, startAt);
	return walkFromOrder(p, solveWalk(p));
}
