/** Distance and time of one outing through stored households, as the planner estimates them. */
import { pathLengthM } from './geometry.ts';
import { DETOUR_FACTOR, type LonLat } from './types.ts';

export interface RouteEstimate {
	distanceM: number;
	estimatedMinutes: number;
}

/**
 * Start → each located stop in order, straight lines × DETOUR_FACTOR, plus time at every
 * household (located or not).
 */
export function estimateRoute(
	stops: readonly { lon: number | null; lat: number | null }[],
	start: LonLat | null,
	walkMetersPerMinute: number,
	minutesPerHouse: number
): RouteEstimate {
	const pts: LonLat[] = [];
	if (start) pts.push(start);
	for (const s of stops) if (s.lon !== null && s.lat !== null) pts.push([s.lon, s.lat]);
	const distanceM = pathLengthM(pts) * DETOUR_FACTOR;
	return {
		distanceM: Math.round(distanceM),
		estimatedMinutes: Math.round(distanceM / walkMetersPerMinute + stops.length * minutesPerHouse)
	};
}
