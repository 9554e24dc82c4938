/**
 * The self-hosted base map's settings: a PMTiles archive in R2 (`BASEMAP` binding, object key
 * `BASEMAP_PMTILES`) served as z/x/y vector tiles with a Protomaps style, or an outside style
 * (`BASEMAP_STYLE_URL`), or none. Pure.
 */

export interface BasemapSettings {
	/** An outside MapLibre style URL; wins over the self-hosted archive. */
	BASEMAP_STYLE_URL?: string;
	/** The R2 object key of the PMTiles archive; empty: no self-hosted base map. */
	BASEMAP_PMTILES?: string;
	/** A raster tile URL template (…/{z}/{x}/{y}…) for the satellite layer; empty: none. */
	BASEMAP_SATELLITE_URL?: string;
}

/** Where the API serves the self-hosted base map (under the /api base path). */
export const BASEMAP_PATHS = {
	style: '/api/basemap/style.json',
	tiles: '/api/basemap/tiles/{z}/{x}/{y}.mvt',
	/** A commune's street graph (src/lib/domain/streets codec), beside the archive in R2. */
	graphs: '/api/basemap/graphs/'
} as const;

/** The R2 key of a commune's street graph. */
export const streetGraphKey = (communeCode: string) => `graphs/${communeCode}.bin`;

/**
 * The style and the graphs change with a new build at the same URL: kept briefly, then
 * revalidated (a 304 costs a header read).
 */
export const BASEMAP_REVALIDATE = 'public, max-age=300, stale-while-revalidate=86400';

/**
 * Tiles and style change only with a new archive, whose etag is in the cache key and the ETag:
 * browsers keep them a day, then revalidate in the background for a week (a 304 costs a header
 * read, no tile read).
 */
export const BASEMAP_CACHE_CONTROL = 'public, max-age=86400, stale-while-revalidate=604800';

/** Bump when the style or a tile response changes shape: old cache entries are then unused. */
export const BASEMAP_CACHE_VERSION = '1';

/**
 * The base map style URL the pages get: `BASEMAP_STYLE_URL` when set, else the self-hosted
 * style when an archive is configured, else null (the app's own style).
 */
export function basemapStyleUrl(env: BasemapSettings | undefined): string | null {
	if (env?.BASEMAP_STYLE_URL) return env.BASEMAP_STYLE_URL;
	if (env?.BASEMAP_PMTILES) return BASEMAP_PATHS.style;
	return null;
}
