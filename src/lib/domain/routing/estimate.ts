/** Distance and time of one outing through stored households, as the planner estimates them. */
import { projectionAround } from './geometry.ts';
import type { LegMeasure } from './street-legs.ts';
import type { TravelModel } from './travel.ts';
import { DETOUR_FACTOR, type LonLat } from './types.ts';
import { WalkCosts } from './walk-costs.ts';

export interface RouteEstimate {
	distanceM: number;
	travelMinutes: number;
	estimatedMinutes: number;
}

/**
 * Start → each located stop in order, priced like the planner prices an outing (walk-costs.ts),
 * plus time at every household (located or not).
 * @param legs the commune's streets (street-legs.ts: streetLegs(graph, model)), to price the
 *   legs along them as the planner did; absent: straight lines × detour.
 */
export function estimateRoute(
	stops: readonly { lon: number | null; lat: number | null }[],
	start: LonLat | null,
	model: TravelModel,
	minutesPerHouse: number,
	legs?: LegMeasure | null
): RouteEstimate {
	const pts: LonLat[] = [];
	for (const s of stops) if (s.lon !== null && s.lat !== null) pts.push([s.lon, s.lat]);
	const unlocated = stops.length - pts.length;
	if (pts.length === 0)
		return {
			distanceM: 0,
			travelMinutes: 0,
			estimatedMinutes: Math.round(unlocated * minutesPerHouse)
		};
	const proj = projectionAround(start ? [...pts, start] : pts);
	const costs = new WalkCosts(
		pts.map((p) => proj.x(p[0])),
		pts.map((p) => proj.y(p[1])),
		model,
		minutesPerHouse,
		legs ? (i, j) => legs.metres(pts[i]!, pts[j]!) : undefined
	);
	const reachM = !start
		? 0
		: legs
			? legs.metres(start, pts[0]!) / DETOUR_FACTOR
			: Math.hypot(proj.x(start[0]) - proj.x(pts[0]![0]), proj.y(start[1]) - proj.y(pts[0]![1]));
	const c = costs.cost(0, pts.length, reachM);
	return {
		distanceM: Math.round(c.distanceM),
		travelMinutes: Math.round(c.travelMinutes),
		estimatedMinutes: Math.round(c.minutes + unlocated * minutesPerHouse)
	};
}
