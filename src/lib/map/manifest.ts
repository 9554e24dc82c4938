/**
 * The geometry manifest, written by scripts/build-geo.ts to /geo/manifest.json and read by the
 * app. It is a TileJSON 3.0.0 document (so tools and MapLibre understand it as is) plus the
 * glyph URL template, the build key and size statistics.
 */
import { z } from 'zod';

/** Per zoom: tiles with data, empty tiles (open sea inside the bounds), bytes of the former. */
const zoomStats = z.object({
	tiles: z.number(),
	empty: z.number(),
	bytes: z.number(),
	gzipBytes: z.number()
});

const vectorLayer = z.object({
	id: z.string(),
	fields: z.record(z.string(), z.string()),
	minzoom: z.number(),
	maxzoom: z.number()
});

/** Validator for the manifest; the build writes exactly this shape. */
export const geoManifestSchema = z.object({
	tilejson: z.literal('3.0.0'),
	name: z.string(),
	/** Tile URL templates, site-relative, with a content-hash folder: /geo/tiles/<hash>/{z}/{x}/{y}.pbf */
	tiles: z.array(z.string()).min(1),
	/** Glyph URL template, site-relative, content-hashed: /geo/fonts/<hash>/{fontstack}/{range}.pbf */
	glyphs: z.string(),
	/** The font stack to put in `text-font`. */
	fontstack: z.string(),
	/** [west, south, east, north] in degrees, every commune included. */
	bounds: z.tuple([z.number(), z.number(), z.number(), z.number()]),
	/** [lon, lat, zoom] */
	center: z.tuple([z.number(), z.number(), z.number()]),
	minzoom: z.number(),
	maxzoom: z.number(),
	attribution: z.string(),
	vector_layers: z.array(vectorLayer),
	/** Hash of the inputs and build code: unchanged key, nothing to rebuild. */
	buildKey: z.string(),
	counts: z.object({ communes: z.number(), provinces: z.number() }),
	stats: z.object({
		/** Tile files written, empty ones included (Workers static assets allow ~20,000 files). */
		tileCount: z.number(),
		bytes: z.number(),
		gzipBytes: z.number(),
		byZoom: z.record(z.string(), zoomStats),
		glyphBytes: z.number(),
		glyphGzipBytes: z.number()
	})
});

export type GeoManifest = z.infer<typeof geoManifestSchema>;

/** Parses and validates a manifest; throws a ZodError naming the first bad field. */
export function parseGeoManifest(json: unknown): GeoManifest {
	return geoManifestSchema.parse(json);
}

/**
 * Makes a site-relative URL template absolute. MapLibre fetches tiles and glyphs from a web
 * worker, where relative URLs do not resolve against the page; `new URL()` is not used because
 * it would percent-encode the `{z}`-style placeholders.
 */
export function absoluteTemplate(template: string, origin: string): string {
	if (/^[a-z][a-z0-9+.-]*:/i.test(template)) return template;
	return origin.replace(/\/+$/, '') + (template.startsWith('/') ? '' : '/') + template;
}

/** What a page draws the app's geometry with: tile and glyph templates and the font stack. */
export type GeoUrls = Pick<GeoManifest, 'tiles' | 'glyphs' | 'fontstack'>;

let pending: Promise<GeoUrls> | null = null;

/**
 * The manifest as the browser reads it, once per page: a static asset (not the API) that the
 * service worker keeps with every saved route, so field pages have it offline. A failure is
 * forgotten so the next call tries again.
 */
export function loadGeoUrls(): Promise<GeoUrls> {
	pending ??= fetch('/geo/manifest.json')
		.then(async (res) => {
			if (!res.ok) throw new Error(`/geo/manifest.json: HTTP ${res.status}`);
			return (await res.json()) as GeoUrls;
		})
		.catch((err: unknown) => {
			pending = null;
			throw err;
		});
	return pending;
}
