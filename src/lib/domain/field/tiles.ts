/**
 * Which map tiles to save for a route: web-mercator XYZ tiles covering an area at given zooms.
 * Pure; used for the app's commune tiles and a configured base map's tiles alike.
 */

export type Bbox = [west: number, south: number, east: number, north: number];

/** Base-map zooms a person walks at (street level). */
export const WALKING_ZOOMS = [14, 15, 16, 17] as const;

/** Most base-map tiles saved per route (a dense urban route fits well within it). */
export const MAX_BASEMAP_TILES = 1500;

/** Most bytes of base map saved for one commune's routes on a phone. */
export const BASEMAP_BUDGET_BYTES = 30 * 1024 * 1024;

function lonToX(lon: number, z: number): number {
	return Math.floor(((lon + 180) / 360) * 2 ** z);
}

function latToY(lat: number, z: number): number {
	const r = (Math.max(-85.0511, Math.min(85.0511, lat)) * Math.PI) / 180;
	return Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * 2 ** z);
}

/** Tiles {z,x,y} covering `bbox` at each zoom, west→east, north→south. */
export function tilesForBbox(
	bbox: Bbox,
	zooms: readonly number[]
): { z: number; x: number; y: number }[] {
	const out: { z: number; x: number; y: number }[] = [];
	for (const z of zooms) {
		const max = 2 ** z - 1;
		const [x0, x1] = [lonToX(bbox[0], z), lonToX(bbox[2], z)].map((v) =>
			Math.min(max, Math.max(0, v))
		);
		const [y0, y1] = [latToY(bbox[3], z), latToY(bbox[1], z)].map((v) =>
			Math.min(max, Math.max(0, v))
		);
		for (let x = x0!; x <= x1!; x++) for (let y = y0!; y <= y1!; y++) out.push({ z, x, y });
	}
	return out;
}

/** A bbox around points, grown by `marginM` metres each way; null without points. */
export function pointsBbox(
	points: readonly { lon: number; lat: number }[],
	marginM = 150
): Bbox | null {
	if (points.length === 0) return null;
	const lons = points.map((p) => p.lon);
	const lats = points.map((p) => p.lat);
	const dLat = marginM / 111_320;
	const midLat = (Math.min(...lats) + Math.max(...lats)) / 2;
	const dLon = marginM / (111_320 * Math.cos((midLat * Math.PI) / 180));
	return [
		Math.min(...lons) - dLon,
		Math.min(...lats) - dLat,
		Math.max(...lons) + dLon,
		Math.max(...lats) + dLat
	];
}

/** Fills an XYZ URL template. */
export function tileUrl(template: string, t: { z: number; x: number; y: number }): string {
	return template
		.replace('{z}', String(t.z))
		.replace('{x}', String(t.x))
		.replace('{y}', String(t.y));
}
