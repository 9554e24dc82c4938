/**
 * The distances the planner walks by: along the streets where the commune has a street graph
 * and both houses are on it, else the straight line × the detour factor (as before street
 * graphs), so one missing street or a house in the fields never leaves a plan without a number.
 */
import { haversineM } from '../routing/geometry.ts';
import { DETOUR_FACTOR } from '../routing/types.ts';
import { distancesBetweenSnaps } from './paths.ts';
import { DEFAULT_SNAP_MAX_M, snapToStreets } from './snap.ts';
import type { LonLat, StreetGraph, TravelMode } from './types.ts';

export interface TravelDistances {
	/** Metres between every pair of points, [i][j]; symmetric, 0 on the diagonal. */
	distanceM: number[][];
	/**
	 * Per point: farther than the snap distance from any street its mode may use (a house to
	 * flag "not on the network"). All false when there is no graph: no network to be off.
	 */
	offNetwork: boolean[];
	/** Pairs (i < j) measured as a straight line × detour: off the network or not connected. */
	fallbackPairs: number;
}

/**
 * Distances between `points` for `mode`: along the streets of `graph` where it connects both,
 * else the straight line × `detour`.
 */
export function travelDistances(
	graph: StreetGraph | null,
	points: readonly LonLat[],
	mode: TravelMode,
	detour = DETOUR_FACTOR,
	maxSnapM = DEFAULT_SNAP_MAX_M
): TravelDistances {
	const n = points.length;
	const snaps = graph ? points.map((p) => snapToStreets(graph, p, mode, maxSnapM)) : [];
	const streets = graph ? distancesBetweenSnaps(graph, snaps, mode) : null;
	const distanceM = points.map(() => new Array<number>(n).fill(0));
	let fallbackPairs = 0;
	for (let i = 0; i < n; i++)
		for (let j = i + 1; j < n; j++) {
			let d = streets?.[i]?.[j] ?? null;
			if (d === null) {
				d = haversineM(points[i]!, points[j]!) * detour;
				fallbackPairs++;
			}
			distanceM[i]![j] = distanceM[j]![i] = d;
		}
	return {
		distanceM,
		offNetwork: points.map((_, i) => graph !== null && !snaps[i]),
		fallbackPairs
	};
}
