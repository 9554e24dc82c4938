/**
 * The way an outing goes, for drawing: through its points (start, then the houses in walking
 * order) along the streets where the graph joins two consecutive points, and straight where a
 * leg falls back (a house off the network, an island) — the same legs the planner prices
 * (routing/street-legs.ts): a leg short enough to walk goes on foot, a longer one where the
 * vehicle may go (or on foot where it cannot reach both ends).
 */
import { travelModel } from '../routing/travel.ts';
import { DETOUR_FACTOR } from '../routing/types.ts';
import { streetPath } from './paths.ts';
import type { LonLat, StreetGraph, StreetPath, TravelMode } from './types.ts';

/** One leg's way, walked or ridden as the planner reckons it. */
function legPath(graph: StreetGraph, a: LonLat, b: LonLat, mode: TravelMode): StreetPath | null {
	const onFoot = streetPath(graph, a, b, 'foot');
	if (mode === 'foot') return onFoot;
	if (onFoot && onFoot.distanceM <= travelModel(mode).rideAboveM * DETOUR_FACTOR) return onFoot;
	return streetPath(graph, a, b, mode) ?? onFoot;
}

/**
 * The line through `points` in order: each leg along the streets (walked, or ridden where `mode`
 * rides it), or straight when the streets do not join its ends; straight throughout without a
 * graph.
 * @returns the line's vertices, the first and last being the first and last point (a point
 *   repeated at once is drawn once).
 */
export function walkPath(
	graph: StreetGraph | null,
	points: readonly LonLat[],
	mode: TravelMode
): LonLat[] {
	if (!graph || points.length < 2) return [...points];
	const line: LonLat[] = [points[0]!];
	for (let i = 1; i < points.length; i++) {
		const [a, b] = [points[i - 1]!, points[i]!];
		if (a[0] === b[0] && a[1] === b[1]) continue; // a start at the first house
		const leg = legPath(graph, a, b, mode);
		line.push(...(leg ? leg.coords.slice(1) : [b]));
	}
	return line;
}

/** A walkPath bound to a graph and mode: what map builders take to draw legs along the streets. */
export type PathAlong = (points: readonly LonLat[]) => LonLat[];

/**
 * The drawing function of a graph and mode, or undefined without a graph (straight lines). It
 * remembers every leg it drew: a map redrawn (another outing picked) searches nothing again.
 */
export function pathAlong(graph: StreetGraph | null, mode: TravelMode): PathAlong | undefined {
	if (!graph) return undefined;
	const legs = new Map<string, LonLat[]>();
	return (points) => {
		if (points.length < 2) return [...points];
		const line: LonLat[] = [points[0]!];
		for (let i = 1; i < points.length; i++) {
			const [a, b] = [points[i - 1]!, points[i]!];
			const key = `${a[0]},${a[1]}|${b[0]},${b[1]}`;
			let leg = legs.get(key);
			if (!leg) legs.set(key, (leg = walkPath(graph, [a, b], mode).slice(1)));
			line.push(...leg);
		}
		return line;
	};
}
