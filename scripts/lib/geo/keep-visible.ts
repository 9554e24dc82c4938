/**
 * Geometry adjustments per zoom so that nothing the map must show is simplified away.
 *
 * geojson-vt drops every polygon ring whose √area is below its simplification tolerance. At
 * the national zooms that removes the small urban wards (a hole where Hà Nội's centre should be
 * coloured) and the reefs of Hoàng Sa and Trường Sa. Before tiling a zoom we therefore:
 *  - give each part of an island zone (đặc khu) at least `islandMinPx` on screen: a part below
 *    that is drawn as a square of that size at its centre, like an atlas draws an islet;
 *  - give every other unit whose parts would all vanish a square of about a pixel at its label
 *    point (inside the unit), so it still exists, is coloured and can be picked.
 */
import type { AreaUnit } from './sources.ts';
import {
	pxPerWorld,
	ringAreaWorld,
	ringCenter,
	squareRing,
	toWorld,
	type PolygonCoords,
	type Position
} from './mercator.ts';

export interface KeepVisibleOptions {
	/** geojson-vt's simplification tolerance, in screen pixels. */
	tolerancePx: number;
	/** Smallest on-screen size of any part of an island zone, in pixels. */
	islandMinPx: number;
	/**
	 * Codes that get the fallback square whatever their size: units a first tiling pass lost
	 * because simplification flattened every ring they had (see zoom-plan.ts).
	 */
	force?: ReadonlySet<string>;
}

/**
 * Side of the fallback square in simplification tolerances. geojson-vt keeps all four corners
 * of a square from about 1.7 tolerances up (measured); 2.5 leaves a margin and makes the square
 * about one pixel at the default tolerance, enough to fill a small ward's hole in a city.
 */
export const FALLBACK_TOLERANCES = 2.5;

/** Default: a reef or islet is drawn at least 2 px wide. */
export const DEFAULT_ISLAND_MIN_PX = 2;

/** √area of a polygon's outer ring in screen pixels at `zoom`. */
export function partSizePx(polygon: PolygonCoords, zoom: number): number {
	const outer = polygon[0];
	if (!outer) return 0;
	return Math.sqrt(ringAreaWorld(outer.map(toWorld))) * pxPerWorld(zoom);
}

/** The unit's parts with every part smaller than `minPx` replaced by a `minPx` square. */
function enlargeSmallParts(unit: AreaUnit, zoom: number, minPx: number): PolygonCoords[] {
	return unit.polygons.map((polygon) => {
		if (partSizePx(polygon, zoom) >= minPx) return polygon;
		return [squareRing(ringCenter(polygon[0] ?? []), minPx, zoom)];
	});
}

/**
 * The units as they should be tiled at `zoom`. Units that need no change are returned as is;
 * `anchors` maps a code to a point inside the unit (the label point) for the fallback square.
 */
export function keepVisible(
	units: AreaUnit[],
	zoom: number,
	anchors: Map<string, Position>,
	opts: KeepVisibleOptions
): AreaUnit[] {
	const fallbackPx = opts.tolerancePx * FALLBACK_TOLERANCES;
	const islandPx = Math.max(opts.islandMinPx, fallbackPx);
	return units.map((unit) => {
		if (unit.island) return { ...unit, polygons: enlargeSmallParts(unit, zoom, islandPx) };
		const forced = opts.force?.has(unit.code) ?? false;
		if (!forced && unit.polygons.some((p) => partSizePx(p, zoom) >= fallbackPx)) return unit;
		const anchor = anchors.get(unit.code) ?? ringCenter(unit.polygons[0]?.[0] ?? []);
		return { ...unit, polygons: [[squareRing(anchor, fallbackPx, zoom)], ...unit.polygons] };
	});
}
