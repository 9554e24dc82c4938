/**
 * The outline files of the GeoJSON exports, shared by the geometry build that writes them
 * (scripts/lib/geo/outlines.ts) and the worker that reads them (outlines.ts): the web-simplified
 * boundaries the map's tiles are cut from, one file of the 34 provinces and one per province
 * with its communes, served as static assets.
 */

/** Where the outlines are served: `${OUTLINES_PATH}/provinces.json`, `/{province}.json`. */
export const OUTLINES_PATH = '/geo/outlines';
/** The file of the provinces' outlines (the others are named by province code). */
export const PROVINCE_OUTLINES = 'provinces';

/** A GeoJSON geometry (Polygon or MultiPolygon), as the outlines hold it. */
export interface OutlineGeometry {
	type: 'Polygon' | 'MultiPolygon';
	coordinates: unknown;
}

/** One outline file: a FeatureCollection whose features carry only their area's `code`. */
export interface OutlineFile {
	type: 'FeatureCollection';
	features: { type: 'Feature'; properties: { code: string }; geometry: OutlineGeometry }[];
}
