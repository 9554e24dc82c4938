/**
 * The app's shipped glyphs (Noto Sans with the Vietnamese ranges) as the geometry manifest
 * names them, read once per isolate through the static-assets binding: the manifest is part of
 * the deployed assets, so it cannot change while an isolate lives.
 */
import { parseGeoManifest } from '../../map/manifest.ts';

export interface ShippedGlyphs {
	/** Site-relative glyph URL template: /geo/fonts/<hash>/{fontstack}/{range}.pbf */
	path: string;
	fontstack: string;
}

const known = new WeakMap<Fetcher, ShippedGlyphs | null>();

/**
 * The glyph URL template and font stack of /geo/manifest.json, or null without the assets
 * binding or a readable manifest (the base map then labels with the device's fonts).
 */
export async function shippedGlyphs(
	assets: Fetcher | undefined,
	origin: string
): Promise<ShippedGlyphs | null> {
	if (!assets) return null;
	if (known.has(assets)) return known.get(assets)!;
	try {
		const res = await assets.fetch(new URL('/geo/manifest.json', origin));
		// A missing manifest (geometry not built) stays missing in this deployment.
		const m = res.ok ? parseGeoManifest(await res.json()) : null;
		const found = m ? { path: m.glyphs, fontstack: m.fontstack } : null;
		known.set(assets, found);
		return found;
	} catch (err) {
		console.warn('geo manifest unreadable: the base map labels with device fonts', err);
		return null;
	}
}
