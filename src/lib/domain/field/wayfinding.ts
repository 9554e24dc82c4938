/**
 * Finding the next house on the ground: how far it is and which way, from the member's own
 * position (or, without one, from the previous house). The phone's heading is not known, so
 * directions are compass points (north-up, like the map), never "left"/"right". Pure.
 */
import { bearing } from '@turf/bearing';
import { haversineM } from '../routing/geometry.ts';
import type { LonLat } from '../routing/types.ts';

/** The 8 compass points, clockwise from north. */
export const COMPASS_POINTS = ['N', 'NE', 'E', 'SE', 'S', 'SW', 'W', 'NW'] as const;
export type CompassPoint = (typeof COMPASS_POINTS)[number];

/** Closer than this (metres), the member is at the house: GPS error is about this size. */
export const ARRIVED_M = 15;

/** Initial bearing from `from` to `to`, degrees clockwise from north, 0 ≤ b < 360. */
export function bearingDeg(from: LonLat, to: LonLat): number {
	const b = bearing([from[0], from[1]], [to[0], to[1]]);
	return (b + 360) % 360;
}

/** The compass point of a bearing: each covers 45°, centred on it (N is 337.5°–22.5°). */
export function compassPoint(deg: number): CompassPoint {
	const normal = ((deg % 360) + 360) % 360;
	return COMPASS_POINTS[Math.round(normal / 45) % 8]!;
}

/**
 * A distance rounded the way it is said: to 5 m under 100 m, to 10 m under a kilometre, in
 * km with one decimal above (GPS is not finer than that, and "1,2 km" reads at a glance).
 */
export function roundDistance(m: number): { value: number; unit: 'm' | 'km' } {
	if (m < 97.5) return { value: Math.max(5, Math.round(m / 5) * 5), unit: 'm' };
	if (m < 995) return { value: Math.round(m / 10) * 10, unit: 'm' };
	return { value: Math.round(m / 100) / 10, unit: 'km' };
}

/** One leg to walk: straight-line distance (m), bearing, compass point, and "already there". */
export interface Leg {
	distanceM: number;
	bearing: number;
	compass: CompassPoint;
	arrived: boolean;
}

/** The leg from `from` to `to`. */
export function legBetween(from: LonLat, to: LonLat): Leg {
	const distanceM = haversineM(from, to);
	const b = bearingDeg(from, to);
	return { distanceM, bearing: b, compass: compassPoint(b), arrived: distanceM < ARRIVED_M };
}
