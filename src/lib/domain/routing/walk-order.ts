/**
 * The walk through a selection of households: group them into alley walks, order the walks from
 * the start point (solveWalk), expand them back into households. The team planner builds its
 * walks with it (sequence.ts). Pure.
 */
import { projectionAround } from './geometry.ts';
import { buildWalkUnits, type WalkUnit } from './walk-units.ts';
import { solveWalk, type PathProblem } from './tsp.ts';
import type { LonLat, PlanHousehold } from './types.ts';

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

/** Builds the walk-ordering problem (households must have a location). */
export function walkProblem(
	households: readonly PlanHousehold[],
	startAt: LonLat | null
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
	return { xs, ys, located, units, start };
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
