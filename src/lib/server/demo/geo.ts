/**
 * Points inside a commune polygon for demo hamlets and houses: hamlet centres anywhere in the
 * commune, houses clustered near their hamlet and laid along their alley. Every point is checked
 * with @turf/boolean-point-in-polygon against the commune's own polygon.
 */
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import turfBbox from '@turf/bbox';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { Rng } from './rng.ts';

export type LonLat = [number, number];

interface Part {
	polygon: Polygon;
	bbox: [number, number, number, number];
	weight: number;
}

export interface CommuneShape {
	geometry: Polygon | MultiPolygon;
	bbox: [number, number, number, number];
	parts: Part[];
	/** A point known to be inside (the commune's label point), or null. */
	label: LonLat | null;
}

/** Prepares a commune's geometry for sampling (parts weighted by their bbox area). */
export function communeShape(geometry: Polygon | MultiPolygon, label: LonLat | null): CommuneShape {
	const rings: Position[][][] =
		geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
	const parts = rings.map((coordinates): Part => {
		const polygon: Polygon = { type: 'Polygon', coordinates };
		const bbox = turfBbox(polygon) as Part['bbox'];
		return { polygon, bbox, weight: (bbox[2] - bbox[0]) * (bbox[3] - bbox[1]) };
	});
	return { geometry, bbox: turfBbox(geometry) as CommuneShape['bbox'], parts, label };
}

/** True when the point lies inside the commune (holes excluded). */
export function isInside(shape: CommuneShape, [lon, lat]: LonLat): boolean {
	const [w, s, e, n] = shape.bbox;
	if (lon < w || lon > e || lat < s || lat > n) return false;
	return booleanPointInPolygon([lon, lat], shape.geometry);
}

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;

/** Moves a point by metres east and north (small distances: flat-earth approximation). */
export function offset([lon, lat]: LonLat, eastM: number, northM: number): LonLat {
	const dLat = northM / 111_320;
	const dLon = eastM / (111_320 * Math.cos((lat * Math.PI) / 180));
	return [round6(lon + dLon), round6(lat + dLat)];
}

/**
 * A random point inside the commune: a part chosen by area, then rejection sampling in its box.
 * Falls back to the label point (always inside) after many misses.
 * @throws Error when the commune has neither a hit nor a label point.
 */
export function randomInside(rng: Rng, shape: CommuneShape): LonLat {
	const total = shape.parts.reduce((s, p) => s + p.weight, 0);
	for (let i = 0; i < 400; i++) {
		let r = rng.float() * total;
		const part = shape.parts.find((p) => (r -= p.weight) < 0) ?? shape.parts[0]!;
		const [w, s, e, n] = part.bbox;
		const point: LonLat = [round6(w + rng.float() * (e - w)), round6(s + rng.float() * (n - s))];
		if (isInside(shape, point)) return point;
	}
	if (shape.label) return shape.label;
	throw new Error('no point found inside the commune');
}

/** A point near `centre` (normal spread of `sigmaM` metres) that lies inside the commune. */
export function nearInside(rng: Rng, shape: CommuneShape, centre: LonLat, sigmaM: number): LonLat {
	for (let sigma = sigmaM, i = 0; i < 12; i++, sigma *= 0.7) {
		const point = offset(centre, rng.normal() * sigma, rng.normal() * sigma);
		if (isInside(shape, point)) return point;
	}
	return centre;
}

/**
 * The spot of house `position` along an alley that starts at `start` heading `angle` (radians):
 * 7 m apart, odd numbers on one side and even on the other, 6 m off the centre line.
 */
export function alongAlley(
	shape: CommuneShape,
	start: LonLat,
	angle: number,
	position: number
): LonLat | null {
	const along = 7 * Math.ceil(position / 2);
	const side = position % 2 === 0 ? 6 : -6;
	const east = along * Math.cos(angle) - side * Math.sin(angle);
	const north = along * Math.sin(angle) + side * Math.cos(angle);
	const point = offset(start, east, north);
	return isInside(shape, point) ? point : null;
}
