/**
 * Selecting households for planning: inside a drawn polygon (which must be a simple ring), in
 * a hamlet, or in an alley. Errors are typed so the UI and API can say what is wrong.
 */
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import kinks from '@turf/kinks';
import type { Feature, Polygon } from 'geojson';
import type { LonLat } from './types.ts';

export type PolygonProblem = 'too_few_points' | 'self_intersecting';

/** A closed GeoJSON polygon from the points a leader tapped (ring closed here). */
export function polygonFrom(points: readonly LonLat[]): Feature<Polygon> {
	const ring = points.map((p) => [p[0], p[1]]);
	if (ring.length > 0) ring.push([...ring[0]!]);
	return { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring] } };
}

/** What is wrong with a drawn area, or null when it can select households. */
export function polygonProblem(points: readonly LonLat[]): PolygonProblem | null {
	const distinct = new Set(points.map((p) => `${p[0]},${p[1]}`));
	if (distinct.size < 3) return 'too_few_points';
	if (kinks(polygonFrom(points)).features.length > 0) return 'self_intersecting';
	return null;
}

/** Ids of the households inside the polygon (households without a location never are). */
export function householdsInPolygon<
	H extends { id: string; lon: number | null; lat: number | null }
>(households: readonly H[], points: readonly LonLat[]): H[] {
	const poly = polygonFrom(points);
	let minX = Infinity,
		minY = Infinity,
		maxX = -Infinity,
		maxY = -Infinity;
	for (const [x, y] of points) {
		minX = Math.min(minX, x);
		maxX = Math.max(maxX, x);
		minY = Math.min(minY, y);
		maxY = Math.max(maxY, y);
	}
	return households.filter(
		(h) =>
			h.lon !== null &&
			h.lat !== null &&
			h.lon >= minX &&
			h.lon <= maxX &&
			h.lat >= minY &&
			h.lat <= maxY &&
			booleanPointInPolygon([h.lon, h.lat], poly)
	);
}
