/**
 * The style a map starts with: the app's own (./style.ts), or merged over a configured base
 * map whose style JSON is fetched here (./basemap.ts merges). A broken or unreachable base map
 * falls back to the app's own style — it must not take the map down — and says so, for the
 * page's notice.
 */
import type { StyleSpecification } from 'maplibre-gl';
import { mergeWithBasemap } from './basemap.ts';
import { buildMapStyle } from './style.ts';

/** none: no base map configured; shown: merged under the app's layers; unavailable: fell back. */
export type BasemapState = 'none' | 'shown' | 'unavailable';

export interface StyledMap {
	style: StyleSpecification;
	basemap: BasemapState;
}

/**
 * The app's layers over the base map at `basemapStyleUrl`.
 * @param own the app's layers as drawn over a base map
 * @param alone the app's style without one (the fallback; default `own`)
 */
export async function overBasemap(
	basemapStyleUrl: string | null,
	own: StyleSpecification,
	alone: StyleSpecification = own
): Promise<StyledMap> {
	if (!basemapStyleUrl) return { style: alone, basemap: 'none' };
	try {
		const res = await fetch(basemapStyleUrl);
		if (!res.ok) throw new Error(`base map style: HTTP ${res.status}`);
		const base = (await res.json()) as StyleSpecification;
		return { style: mergeWithBasemap(base, own), basemap: 'shown' };
	} catch (err) {
		console.warn('Base map unavailable, using the built-in style', err);
		return { style: alone, basemap: 'unavailable' };
	}
}

export interface MapStyleSource {
	tilesUrl: string;
	glyphsUrl: string;
	basemapStyleUrl: string | null;
	/** The page's origin, for the app's own root-relative tile and glyph URLs. */
	origin: string;
}

/** The public map's style: the communes alone, or drawn translucent over the base map. */
export async function mapStyle(source: MapStyleSource): Promise<StyledMap> {
	const abs = (t: string) => (t.startsWith('/') ? source.origin + t : t);
	const urls = { tilesUrl: abs(source.tilesUrl), glyphsUrl: abs(source.glyphsUrl) };
	const { basemapStyleUrl } = source;
	const alone = buildMapStyle(urls);
	if (!basemapStyleUrl) return { style: alone, basemap: 'none' };
	return overBasemap(basemapStyleUrl, buildMapStyle({ ...urls, basemapStyleUrl }), alone);
}
