/**
 * The style the map starts with: the app's own (./style.ts), or merged over a configured base
 * map whose style JSON is fetched here (./basemap.ts merges). A broken base map falls back to
 * the app's own style: it must not take the figures down.
 */
import type { StyleSpecification } from 'maplibre-gl';
import { mergeWithBasemap } from './basemap.ts';
import { buildMapStyle } from './style.ts';

export interface MapStyleSource {
	tilesUrl: string;
	glyphsUrl: string;
	basemapStyleUrl: string | null;
	/** The page's origin, for the app's own root-relative tile and glyph URLs. */
	origin: string;
}

export async function mapStyle(source: MapStyleSource): Promise<StyleSpecification> {
	const abs = (t: string) => (t.startsWith('/') ? source.origin + t : t);
	const urls = { tilesUrl: abs(source.tilesUrl), glyphsUrl: abs(source.glyphsUrl) };
	const { basemapStyleUrl } = source;
	if (!basemapStyleUrl) return buildMapStyle(urls);
	const own = buildMapStyle({ ...urls, basemapStyleUrl });
	try {
		const res = await fetch(basemapStyleUrl);
		if (!res.ok) throw new Error(`base map style: HTTP ${res.status}`);
		return mergeWithBasemap((await res.json()) as StyleSpecification, own);
	} catch (err) {
		console.warn('Base map unavailable, using the built-in style', err);
		return buildMapStyle(urls);
	}
}
