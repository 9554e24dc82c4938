/**
 * Web Mercator helpers in "world" units (0..1 across the world, y down), the space geojson-vt
 * and MapLibre tile in. Pixel sizes assume MapLibre's 512 px tiles.
 */
import { TILE_SIZE } from '../../../src/lib/map/geo-contract.ts';

export type Position = [number, number];
export type Ring = Position[];
export type PolygonCoords = Ring[];

/** Longitude/latitude (degrees) to world units. */
export function toWorld([lon, lat]: Position): Position {
	const sin = Math.sin((lat * Math.PI) / 180);
	const y = 0.5 - (0.25 * Math.log((1 + sin) / (1 - sin))) / Math.PI;
	return [lon / 360 + 0.5, Math.min(Math.max(y, 0), 1)];
}

/** World units back to longitude/latitude (degrees). */
export function fromWorld([x, y]: Position): Position {
	const lat = (360 / Math.PI) * Math.atan(Math.exp((1 - 2 * y) * Math.PI)) - 90;
	return [(x - 0.5) * 360, lat];
}

/** Screen pixels per world unit at a (fractional) zoom. */
export function pxPerWorld(zoom: number): number {
	return TILE_SIZE * 2 ** zoom;
}

/** Absolute shoelace area of a ring given in world units. */
export function ringAreaWorld(ring: Ring): number {
	let sum = 0;
	for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
		const a = ring[j] as Position;
		const b = ring[i] as Position;
		sum += (a[0] - b[0]) * (a[1] + b[1]);
	}
	return Math.abs(sum) / 2;
}

/** Vertex average of a ring: good enough to place a marker for a part a few pixels wide. */
export function ringCenter(ring: Ring): Position {
	let x = 0;
	let y = 0;
	for (const [px, py] of ring) {
		x += px;
		y += py;
	}
	return [x / ring.length, y / ring.length];
}

/**
 * A closed, counter-clockwise (in lon/lat) square ring of `sidePx` screen pixels at `zoom`,
 * centred on a lon/lat point. Used to stand in for parts too small to survive tiling.
 */
export function squareRing(center: Position, sidePx: number, zoom: number): Ring {
	const [cx, cy] = toWorld(center);
	const h = sidePx / pxPerWorld(zoom) / 2;
	// World y grows southwards, so this order is counter-clockwise once unprojected.
	const corners: Position[] = [
		[cx - h, cy + h],
		[cx + h, cy + h],
		[cx + h, cy - h],
		[cx - h, cy - h]
	];
	const ring = corners.map(fromWorld);
	ring.push(ring[0] as Position);
	return ring;
}

/** Tile column/row range at integer zoom `z` covering a lon/lat bounding box. */
export function tileRange(
	bounds: [number, number, number, number],
	z: number
): { x0: number; x1: number; y0: number; y1: number } {
	const n = 2 ** z;
	const [wx0, wy1] = toWorld([bounds[0], bounds[1]]);
	const [wx1, wy0] = toWorld([bounds[2], bounds[3]]);
	const clamp = (v: number): number => Math.min(n - 1, Math.max(0, Math.floor(v * n)));
	return { x0: clamp(wx0), x1: clamp(wx1), y0: clamp(wy0), y1: clamp(wy1) };
}
