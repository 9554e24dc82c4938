/**
 * Local planar geometry for a commune-sized area: lon/lat projected to metres around a centre
 * (equirectangular), on the same sphere as haversineM — so a distance measured in the plane
 * and one measured on the sphere agree to within 0.1 % over tens of kilometres — and fast.
 */
import type { LonLat } from './types.ts';

/** Mean earth radius (IUGG), metres: the one sphere every distance here is measured on. */
const EARTH_RADIUS_M = 6_371_008.8;
/** Metres per degree of latitude, and of longitude at the equator, on that sphere. */
export const M_PER_DEG = (EARTH_RADIUS_M * Math.PI) / 180;

export interface Projection {
	x(lon: number): number;
	y(lat: number): number;
}

/** A projection centred on the mean of `points` (or on 0,0 for none). */
export function projectionAround(points: readonly LonLat[]): Projection {
	let lon0 = 0;
	let lat0 = 0;
	for (const [lon, lat] of points) {
		lon0 += lon;
		lat0 += lat;
	}
	if (points.length > 0) {
		lon0 /= points.length;
		lat0 /= points.length;
	}
	const kx = M_PER_DEG * Math.cos((lat0 * Math.PI) / 180);
	return { x: (lon) => (lon - lon0) * kx, y: (lat) => (lat - lat0) * M_PER_DEG };
}

/** Straight-line distance in metres between two lon/lat points (haversine). */
export function haversineM(a: LonLat, b: LonLat): number {
	const R = EARTH_RADIUS_M;
	const toRad = Math.PI / 180;
	const dLat = (b[1] - a[1]) * toRad;
	const dLon = (b[0] - a[0]) * toRad;
	const s =
		Math.sin(dLat / 2) ** 2 +
		Math.cos(a[1] * toRad) * Math.cos(b[1] * toRad) * Math.sin(dLon / 2) ** 2;
	return 2 * R * Math.asin(Math.min(1, Math.sqrt(s)));
}

/** Length of a path through `points`, metres (straight lines). */
export function pathLengthM(points: readonly LonLat[]): number {
	let m = 0;
	for (let i = 1; i < points.length; i++) m += haversineM(points[i - 1]!, points[i]!);
	return m;
}
