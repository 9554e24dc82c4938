/**
 * The planner this project had before team plans (issue 12), kept only to measure "before"
 * against "after" in the benchmarks: one selection → one walk from one start → cut by size
 * (60–80 households by default) or by time, walking only. Not used by the app.
 */
import { orderHouseholds, type OrderedWalk } from '../../src/lib/domain/routing/walk-order.ts';
import {
	DETOUR_FACTOR,
	type LonLat,
	type PlanHousehold,
	type SkipReason
} from '../../src/lib/domain/routing/types.ts';

/** How to cut the ordered walk into outings. */
export type SplitRule =
	{ mode: 'size'; min: number; max: number } | { mode: 'time'; maxMinutes: number };

export interface PlanOptions {
	/** Where every outing starts (the cultural house, …); null = the planner picks an end. */
	start: LonLat | null;
	split: SplitRule;
	/** Walking speed, metres per minute (4 km/h ≈ 67). */
	walkMetersPerMinute: number;
	/** Time spent at each house, minutes. */
	minutesPerHouse: number;
}

/** Defaults a leader can edit: outings of 60–80 households, 4 km/h, 8 minutes a house. */
export const DEFAULT_PLAN_OPTIONS: PlanOptions = {
	start: null,
	split: { mode: 'size', min: 60, max: 80 },
	walkMetersPerMinute: 67,
	minutesPerHouse: 8
};

export interface PlannedRoute {
	/** Household ids in walking order. */
	householdIds: string[];
	/** Estimated walking distance, metres (start → first house → … → last house, × detour). */
	distanceM: number;
	/** Walking plus time at each house, minutes. */
	estimatedMinutes: number;
}

export interface Plan {
	routes: PlannedRoute[];
	skipped: { id: string; reason: SkipReason }[];
	/** The start point actually used. */
	start: LonLat | null;
}

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
