/**
 * The geometry manifest (/geo/manifest.json, written by scripts/build-geo.ts) as the pages need
 * it: tile and glyph URL templates and the national bounds. Read through the static-assets
 * binding, so the page HTML already holds the URLs and the map starts without a round trip.
 */
import { parseGeoManifest } from '$lib/map/manifest';
import type { Bounds } from '$lib/map/view';

export interface GeoAssets {
	tiles: string;
	glyphs: string;
	bounds: Bounds;
}

/** The manifest's URLs, or null when the geometry was not built (the page then says so). */
export async function readGeoAssets(
	assets: Fetcher | undefined,
	origin: string
): Promise<GeoAssets | null> {
	if (!assets) return null;
	try {
		const res = await assets.fetch(new URL('/geo/manifest.json', origin));
		if (!res.ok) return null;
		const m = parseGeoManifest(await res.json());
		return { tiles: m.tiles[0]!, glyphs: m.glyphs, bounds: m.bounds };
	} catch (err) {
		console.warn('geo manifest unreadable', err);
		return null;
	}
}
