/**
 * The base map saved with a route: the vector tiles of its area at walking zooms (within what
 * the base map has), sized before downloading, held to a per-commune budget, and replaced when
 * a newer base map is published (its tile URLs carry the archive's version).
 */
import {
	BASEMAP_BUDGET_BYTES,
	MAX_BASEMAP_TILES,
	pointsBbox,
	tilesForBbox,
	tileUrl,
	WALKING_ZOOMS
} from '$lib/domain/field/tiles';
import type { RoutePack, SavedRoute } from './saved-route-types';

/** Where a commune's street graph is served (src/lib/server/api/routes/basemap.ts). */
export const streetGraphUrl = (communeCode: string) =>
	`/api/basemap/graphs/${encodeURIComponent(communeCode)}`;

/** Served tiles are decompressed; the archive's mean is of its (gzip) tiles. */
const TILE_INFLATION = 1.5;
/** A commune's street graph file: a few KB (125 KB for the demo's 160 communes). */
const GRAPH_BYTES = 4_000;

/** When the base style does not say (its `metadata`), the typical walking-zoom vector tile. */
const DEFAULT_TILE_BYTES = 12_000;

interface VectorSource {
	type?: string;
	tiles?: string[];
	url?: string;
	minzoom?: number;
	maxzoom?: number;
}

interface BaseStyle {
	sources?: Record<string, VectorSource>;
	metadata?: Record<string, unknown>;
}

/** The base map part of a route's save: what to download and about how much it weighs. */
export interface BasemapPlan {
	/** The style and its tiles, in download order. */
	urls: string[];
	/** The tile URL templates (with the archive's version): a new base map changes them. */
	templates: string[];
	/** How many of `urls` are tiles. */
	tiles: number;
	/** Estimated bytes: the style, the graph, tiles × the archive's mean tile size. */
	estimate: number;
	/** Bytes already saved for other routes of this commune's base map. */
	communeBytes: number;
	/** Saving it would pass the commune's budget: the route is saved without it. */
	overBudget: boolean;
}

/** The vector sources' tile templates and the zooms each has, from the base style. */
async function vectorTemplates(style: BaseStyle) {
	const out: { template: string; minzoom: number; maxzoom: number }[] = [];
	for (const src of Object.values(style.sources ?? {})) {
		if (src.type !== 'vector') continue; // satellite imagery is not saved: too heavy
		let s = src;
		if (!s.tiles?.[0] && s.url) s = { ...s, ...((await (await fetch(s.url)).json()) as object) };
		if (s.tiles?.[0])
			out.push({ template: s.tiles[0], minzoom: s.minzoom ?? 0, maxzoom: s.maxzoom ?? 14 });
	}
	return out;
}

/** The stops' box with room to walk round it. */
function routeBox(pack: RoutePack) {
	const points = pack.stops.flatMap((s) =>
		s.lon !== null && s.lat !== null ? [{ lon: s.lon, lat: s.lat }] : []
	);
	return pointsBbox(points, 250);
}

/**
 * What saving the route's base map takes.
 * @param others the saved routes (their base map bytes count against the commune's budget)
 * @returns null when no base map is configured; throws when its style cannot be read
 */
export async function planBasemap(
	pack: RoutePack,
	others: readonly SavedRoute[]
): Promise<BasemapPlan | null> {
	if (!pack.basemapStyleUrl) return null;
	const res = await fetch(pack.basemapStyleUrl, { cache: 'no-cache' });
	if (!res.ok) throw new Error(`base map style: HTTP ${res.status}`);
	const text = await res.text();
	const style = JSON.parse(text) as BaseStyle;
	const box = routeBox(pack);
	const sources = await vectorTemplates(style);
	// The commune's street graph (paths along the streets offline); a 404 where it has none.
	const urls = [pack.basemapStyleUrl, streetGraphUrl(pack.route.communeCode)];
	for (const s of box ? sources : []) {
		// Past its max zoom the map draws the last zoom larger: nothing more to fetch.
		const zooms = WALKING_ZOOMS.filter((z) => z >= s.minzoom && z <= s.maxzoom);
		const tiles = tilesForBbox(box!, zooms).slice(0, MAX_BASEMAP_TILES);
		urls.push(...tiles.map((xyz) => tileUrl(s.template, xyz)));
	}
	const mean = Number(style.metadata?.['tungngo:meanTileBytes']) || DEFAULT_TILE_BYTES;
	const tiles = urls.length - 2;
	// Tiles are stored as served (decompressed; MVT compresses 1,2–2×); the style as read.
	const estimate = Math.round(tiles * mean * TILE_INFLATION + text.length + GRAPH_BYTES);
	const communeBytes = others
		.filter((r) => r.route.communeCode === pack.route.communeCode && r.id !== pack.route.id)
		.reduce((sum, r) => sum + (r.basemap?.bytes ?? 0), 0);
	return {
		urls,
		templates: sources.map((s) => s.template),
		tiles,
		estimate,
		communeBytes,
		overBudget: communeBytes + estimate > BASEMAP_BUDGET_BYTES
	};
}

/**
 * Saved routes whose base map is older than the one published now (their tile templates
 * differ from the current style's): to save again while online.
 */
export async function staleBasemaps(routes: readonly SavedRoute[]): Promise<SavedRoute[]> {
	const withMap = routes.filter((r) => r.basemap && r.basemapStyleUrl);
	if (withMap.length === 0) return [];
	const current = new Map<string, string[] | null>();
	for (const r of withMap) {
		const url = r.basemapStyleUrl!;
		if (!current.has(url)) {
			const res = await fetch(url, { cache: 'no-cache' }).catch(() => null);
			const style = res?.ok ? ((await res.json()) as BaseStyle) : null;
			current.set(url, style ? (await vectorTemplates(style)).map((s) => s.template) : null);
		}
	}
	return withMap.filter((r) => {
		const now = current.get(r.basemapStyleUrl!);
		return now !== null && now !== undefined && now.join('\n') !== r.basemap!.templates.join('\n');
	});
}
