/** View helpers for the map page: bounding boxes of provinces and communes. */

/** [west, south, east, north] in degrees. */
export type Bounds = [number, number, number, number];

/** A bbox from nullable columns (reference rows), or null when any side is missing. */
export function boundsOf(r: {
	west: number | null;
	south: number | null;
	east: number | null;
	north: number | null;
}): Bounds | null {
	return r.west === null || r.south === null || r.east === null || r.north === null
		? null
		: [r.west, r.south, r.east, r.north];
}
