/**
 * Route planning for a selection of households: skip those not to be visited, group the rest
 * into alley walks, order the walks from the start point (solveWalk), then cut the walk into
 * outings by size or by time. Pure: runs in a Web Worker in the browser, in Node for tests.
 */
import { projectionAround } from './geometry.ts';
import { buildWalkUnits, type WalkUnit } from './walk-units.ts';
import { solveWalk, type PathProblem } from './tsp.ts';
import { splitWalk } from './split.ts';
import {
	DETOUR_FACTOR,
	type LonLat,
	type Plan,
	type PlanHousehold,
	type PlanOptions,
	type PlannedRoute,
	type SkipReason
} from './types.ts';

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

function partition(households: readonly PlanHousehold[]) {
	const skipped: { id: string; reason: SkipReason }[] = [];
	const kept: PlanHousehold[] = [];
	for (const h of households) {
		if (h.doNotContact) skipped.push({ id: h.id, reason: 'do_not_contact' });
		else if (h.lon === null || h.lat === null) skipped.push({ id: h.id, reason: 'no_location' });
		else kept.push(h);
	}
	return { kept, skipped };
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

/**
 * Cut points allowed in a walk: between units, and inside a unit that alone measures more than
 * the limit (a long street walked in more than one outing).
 */
function cutPoints(w: OrderedWalk, measure: (a: number, b: number) => number, limit: number) {
	const cuts: number[] = [];
	let at = 0;
	for (const size of w.unitSizes) {
		if (size > 1 && measure(at, at + size) > limit)
			for (let k = 1; k < size; k++) cuts.push(at + k);
		at += size;
		cuts.push(at);
	}
	return cuts;
}

/**
 * Plans outings for the selected households.
 * @returns routes in walking order (every kept household on exactly one), and the skipped ones
 *   (do-not-contact, no location) with the reason.
 */
export function planRoutes(households: readonly PlanHousehold[], opts: PlanOptions): Plan {
	const { kept, skipped } = partition(households);
	if (kept.length === 0) return { routes: [], skipped, start: opts.start };
	const w = orderHouseholds(kept, opts.start);
	const n = w.houses.length;
	// legs[k] = distance from house k-1 (or the start) to house k.
	const prefix = new Float64Array(n + 1);
	const fromStart = (k: number) => {
		const h = w.houses[k]!;
		return w.start ? Math.hypot(h.x - w.start.x, h.y - w.start.y) : 0;
	};
	for (let k = 1; k < n; k++) {
		const a = w.houses[k - 1]!;
		const b = w.houses[k]!;
		prefix[k + 1] = prefix[k]! + Math.hypot(a.x - b.x, a.y - b.y);
	}
	const metres = (a: number, b: number) =>
		(fromStart(a) + prefix[b]! - prefix[a + 1]!) * DETOUR_FACTOR;
	const minutes = (a: number, b: number) =>
		metres(a, b) / opts.walkMetersPerMinute + (b - a) * opts.minutesPerHouse;
	const rule = opts.split;
	const bySize = rule.mode === 'size';
	const limit = bySize ? rule.max : rule.maxMinutes;
	const measure = bySize ? (a: number, b: number) => b - a : minutes;
	const ranges = splitWalk({
		count: n,
		cuts: cutPoints(w, measure, limit),
		measure,
		limit,
		lower: bySize ? rule.min : rule.maxMinutes / 2
	});
	const routes: PlannedRoute[] = ranges.map(([a, b]) => ({
		householdIds: w.houses.slice(a, b).map((l) => l.h.id),
		distanceM: Math.round(metres(a, b)),
		estimatedMinutes: Math.round(minutes(a, b))
	}));
	return { routes, skipped, start: w.start?.lonLat ?? null };
}
