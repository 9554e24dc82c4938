/**
 * "Save for offline": downloads a route's pack (route, stops, commune extent) into IndexedDB
 * and the map tiles for its area into the saved-assets cache, shows progress and size, verifies
 * that everything is there, and asks the browser to keep the storage. Removal frees both.
 */
import { CACHE_NAMES } from '$lib/offline/sw/policy';
import { pointsBbox, tilesForBbox, tileUrl, type Bbox } from '$lib/domain/field/tiles';
import { planBasemap, staleBasemaps, type BasemapPlan } from './basemap-save';
import { geoEstimate } from './geo-estimate';
import { apiRequest, ApiCallError } from '$lib/api/client';
import { loadGeoUrls } from '$lib/map/manifest';
import { fieldDb } from './db';
import type { RoutePack, SavedRoute } from './saved-route-types';
import { guidesToSave, saveGuides } from '$lib/offline/guides/saved-guides';
import type { GuideList } from '$lib/domain/guides/limits';

/** The app's own geometry tiles saved for the commune (its boundary at these zooms). */
const COMMUNE_ZOOMS = [8, 9, 10] as const;
/** Context zooms: the single tile around the route. */
const CONTEXT_ZOOMS = [5, 6, 7] as const;
/** Glyph ranges for Vietnamese labels: Basic Latin, Latin-1, Latin Extended, Vietnamese. */
const GLYPH_RANGES = ['0-255', '256-511', '768-1023', '7680-7935'];
/** A field page's shell or data (rendered on the device: small). */
const SHELL_BYTES = 3_000;
/** Parallel downloads (polite to the server and to a weak connection). */
const CONCURRENCY = 6;

export interface SaveProgress {
	done: number;
	total: number;
	bytes: number;
}

export class SaveError extends Error {
	constructor(
		readonly code: 'unauthorized' | 'forbidden' | 'not_found' | 'network' | 'incomplete',
		message: string
	) {
		super(message);
	}
}

async function fetchPack(routeId: string): Promise<{ pack: RoutePack; bytes: number }> {
	try {
		const { data, bytes } = await apiRequest<RoutePack>(
			`/api/field/routes/${encodeURIComponent(routeId)}`,
			{ cache: 'none' }
		);
		return { pack: data, bytes };
	} catch (err) {
		const status = err instanceof ApiCallError && err.kind === 'http' ? err.status : 0;
		if (status === 401) throw new SaveError('unauthorized', 'log in');
		if (status === 403) throw new SaveError('forbidden', 'not your route');
		if (status === 404) throw new SaveError('not_found', 'no such route');
		throw new SaveError('network', status ? `HTTP ${status}` : 'network');
	}
}

/** The geometry tile and glyph URLs of the app for a route. */
async function geoAssets(pack: RoutePack): Promise<string[]> {
	const m = await loadGeoUrls().catch(() => null);
	if (!m) return [];
	const c = pack.commune;
	const points = pack.stops.flatMap((s) =>
		s.lon !== null && s.lat !== null ? [{ lon: s.lon, lat: s.lat }] : []
	);
	const routeBox = pointsBbox(points);
	const communeBox: Bbox | null =
		c && c.west !== null && c.south !== null && c.east !== null && c.north !== null
			? [c.west, c.south, c.east, c.north]
			: routeBox;
	const tiles = [
		...(communeBox ? tilesForBbox(communeBox, COMMUNE_ZOOMS) : []),
		...(routeBox ? tilesForBbox(routeBox, CONTEXT_ZOOMS) : [])
	].map((t) => tileUrl(m.tiles[0]!, t));
	const glyphs = GLYPH_RANGES.map((r) =>
		m.glyphs.replace('{fontstack}', encodeURIComponent(m.fontstack)).replace('{range}', r)
	);
	return ['/geo/manifest.json', ...tiles, ...glyphs];
}

/**
 * The field pages' shells for this route and their SvelteKit data (the root layout's public
 * data only: the pages render on the device, from IndexedDB).
 */
function shellAssets(routeId: string): string[] {
	const route = `/thuc-dia/tuyen/${encodeURIComponent(routeId)}`;
	return ['/thuc-dia', route, '/thuc-dia/__data.json', `${route}/__data.json`];
}

/** Fetches URLs into a cache. @returns URLs that failed, and those the server has not (404). */
async function download(urls: string[], cache: Cache, onEach: (bytes: number) => void) {
	const failed: string[] = [];
	const absent = new Set<string>();
	let next = 0;
	const worker = async () => {
		while (next < urls.length) {
			const url = urls[next++]!;
			try {
				const res = await fetch(url, { cache: 'no-cache' });
				if (res.status === 404) {
					absent.add(url); // e.g. a tile of open sea: nothing to draw there
					onEach(0);
					continue;
				}
				if (!res.ok && res.status !== 204) throw new Error(String(res.status));
				const size = Number(res.headers.get('content-length')) || (await res.clone().blob()).size;
				await cache.put(url, res);
				onEach(size);
			} catch {
				failed.push(url);
				onEach(0);
			}
		}
	};
	await Promise.all(Array.from({ length: CONCURRENCY }, worker));
	return { failed, absent };
}

/** What saving a route takes, shown before downloading. */
export interface SavePlan {
	pack: RoutePack;
	packBytes: number;
	/** The app's own tiles and glyphs. */
	geo: string[];
	/** About how many bytes the route, its pages and the app's tiles and glyphs take. */
	ownEstimate: number;
	/** The base map part; null without a base map (or when its style could not be read). */
	basemap: BasemapPlan | null;
	/** The base map is configured but could not be reached: the route is saved without it. */
	basemapUnavailable: boolean;
	/** The training guides saved with the route (counted in ownEstimate); null: saved already. */
	guides: GuideList | null;
}

/**
 * Reads the route's pack and sizes its download (the base map estimated, the commune's budget
 * checked) without saving anything.
 * @throws SaveError (unauthorized, forbidden, not_found, network)
 */
export async function planRouteSave(routeId: string): Promise<SavePlan> {
	const { pack, bytes: packBytes } = await fetchPack(routeId);
	const geo = await geoAssets(pack);
	let basemap: BasemapPlan | null = null;
	let basemapUnavailable = false;
	try {
		basemap = await planBasemap(pack, await savedRoutes());
	} catch {
		basemapUnavailable = true;
	}
	const shells = shellAssets(routeId).length * SHELL_BYTES;
	const guides = await guidesToSave();
	const ownEstimate =
		packBytes + shells + (await geoEstimate(geo, GLYPH_RANGES.length)) + (guides?.totalBytes ?? 0);
	return { pack, packBytes, geo, ownEstimate, basemap, basemapUnavailable, guides };
}

/**
 * Saves a route for offline use (from its plan, or planned now). Progress is reported per
 * asset. The base map is left out when it would pass the commune's budget or is unreachable
 * (the record says which); assets only the previous save of this route used are freed.
 * @throws SaveError (unauthorized, forbidden, not_found, network, incomplete)
 */
export async function saveRouteOffline(
	routeId: string,
	onProgress: (p: SaveProgress) => void = () => {},
	planned?: SavePlan
): Promise<SavedRoute> {
	const plan = planned ?? (await planRouteSave(routeId));
	const { pack, basemap } = plan;
	const shells = shellAssets(routeId);
	const mapUrls = basemap && !basemap.overBudget ? basemap.urls : [];
	const total = plan.geo.length + mapUrls.length + shells.length + 1;
	let done = 1;
	let bytes = plan.packBytes;
	onProgress({ done, total, bytes });
	const tick = (b: number) => onProgress({ done: ++done, total, bytes: (bytes += b) });
	const saved = await caches.open(CACHE_NAMES.saved);
	const geo = await download(plan.geo, saved, tick);
	let mapBytes = 0;
	const map = await download(mapUrls, saved, (b) => {
		mapBytes += b;
		tick(b);
	});
	const failed = [...geo.failed, ...map.failed];
	const absent = new Set([...geo.absent, ...map.absent]);
	const assets = [...plan.geo, ...mapUrls].filter((u) => !absent.has(u));
	// Page shells go where the service worker looks for field pages.
	const shell = await download(shells, await caches.open(CACHE_NAMES.fieldShell), tick);
	const shellFailed = [...shell.failed, ...shell.absent];
	const before = await savedRoute(pack.route.id);
	const record: SavedRoute = {
		...pack,
		id: pack.route.id,
		savedAt: Date.now(),
		bytes,
		assets,
		complete: false,
		...(basemap || plan.basemapUnavailable
			? {
					basemap: {
						templates: basemap?.templates ?? [],
						tiles: mapUrls.length > 0 ? basemap!.tiles : 0,
						bytes: mapBytes,
						skipped: plan.basemapUnavailable ? 'unavailable' : basemap!.overBudget ? 'budget' : null
					}
				}
			: {})
	};
	await (await fieldDb()).put('routes', record);
	if (before) await freeUnused(before.assets);
	const shellReady = await appShellReady();
	const missing = [
		...failed,
		...shellFailed,
		...(shellReady ? [] : ['app shell']),
		...(await verify(record))
	];
	if (missing.length > 0) throw new SaveError('incomplete', `${missing.length} missing`);
	record.complete = true;
	await (await fieldDb()).put('routes', record);
	// The guides go with the route pack, in the background: the route is usable at once, and the
	// guides count as saved only once all their files are in (a failure: the panel retries).
	if (plan.guides) void saveGuides(() => {}, plan.guides).catch(() => undefined);
	await requestPersistence();
	return record;
}

/**
 * Saves again, while online, the routes whose base map a newer one replaced: their new tiles
 * are fetched, the old ones freed. @returns how many routes got the new base map.
 */
export async function refreshStaleBasemaps(): Promise<number> {
	let n = 0;
	for (const r of await staleBasemaps(await savedRoutes())) {
		try {
			await saveRouteOffline(r.id);
			n++;
		} catch {
			// Kept as it was: the old base map still draws; the next visit online tries again.
		}
	}
	return n;
}

/** Deletes from the saved cache the URLs no saved route lists any more. */
async function freeUnused(urls: readonly string[]): Promise<void> {
	const keep = new Set((await (await fieldDb()).getAll('routes')).flatMap((r) => r.assets));
	const cache = await caches.open(CACHE_NAMES.saved);
	await Promise.all(urls.filter((u) => !keep.has(u)).map((u) => cache.delete(u)));
}

/** Waits (bounded) until a service worker is active: the app shell is precached then. */
async function appShellReady(timeoutMs = 60_000): Promise<boolean> {
	if (!('serviceWorker' in navigator)) return false;
	const timeout = new Promise<null>((r) => setTimeout(() => r(null), timeoutMs));
	const reg = await Promise.race([navigator.serviceWorker.ready, timeout]);
	return !!reg?.active;
}

/** URLs of a saved route that are not in the cache (an empty list: complete). */
export async function verify(r: SavedRoute): Promise<string[]> {
	const cache = await caches.open(CACHE_NAMES.saved);
	const missing: string[] = [];
	for (const url of r.assets) if (!(await cache.match(url))) missing.push(url);
	const stopsOk = r.stops.every(
		(s) => typeof s.householdId === 'string' && typeof s.address === 'string'
	);
	if (!stopsOk) missing.push('stops');
	return missing;
}

/** Saved routes, most recently saved first. */
export async function savedRoutes(): Promise<SavedRoute[]> {
	const rows = await (await fieldDb()).getAll('routes');
	return rows.sort((a, b) => b.savedAt - a.savedAt);
}

export async function savedRoute(id: string): Promise<SavedRoute | null> {
	return (await (await fieldDb()).get('routes', id)) ?? null;
}

/** Removes a saved route and the cached assets no other saved route uses. */
export async function removeSavedRoute(id: string): Promise<void> {
	const db = await fieldDb();
	const route = await db.get('routes', id);
	await db.delete('routes', id);
	if (route) await freeUnused(route.assets);
}

/** Asks the browser not to evict this site's storage. @returns whether it is persistent. */
export async function requestPersistence(): Promise<boolean> {
	if (!navigator.storage?.persist) return false;
	if (await navigator.storage.persisted()) return true;
	return navigator.storage.persist();
}

/** Usage and quota of this site's storage, and whether it is persistent. */
export async function storageMeter(): Promise<{
	usage: number;
	quota: number;
	persisted: boolean;
} | null> {
	if (!navigator.storage?.estimate) return null;
	const e = await navigator.storage.estimate();
	return {
		usage: e.usage ?? 0,
		quota: e.quota ?? 0,
		persisted: (await navigator.storage.persisted?.()) ?? false
	};
}
