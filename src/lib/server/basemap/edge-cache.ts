/**
 * The base map's responses in the Workers Cache API (`caches.default`), keyed by the request
 * path, the archive's etag and the settings the response depends on: a new archive or setting
 * is a new key, and old entries simply age out.
 */
import { BASEMAP_CACHE_VERSION } from './config.ts';

type EdgeCache = Pick<Cache, 'match' | 'put'>;

/** The runtime's default cache, or null where there is none (Node, tests without a stand-in). */
export function edgeCache(): EdgeCache | null {
	const storage = (globalThis as { caches?: { default?: EdgeCache } }).caches;
	return storage?.default ?? null;
}

/**
 * The cache key of a base map response: origin and path of `url` (its query ignored, so junk
 * parameters share the entry), then the archive etag, the cache version and `vary`, sorted.
 * Pure.
 */
export function basemapCacheKey(
	url: string,
	archiveEtag: string,
	vary: Record<string, string> = {}
): string {
	const u = new URL(url);
	const key = new URL(`${u.origin}${u.pathname}`);
	const params: Record<string, string> = {
		...vary,
		archive: archiveEtag,
		v: BASEMAP_CACHE_VERSION
	};
	for (const name of Object.keys(params).sort()) key.searchParams.set(name, params[name]!);
	return key.toString();
}

/**
 * The response stored under `key`, else `build()`'s, stored when it is a 200 not marked
 * `no-store` (through
 * `waitUntil` when the runtime gives one, else awaited). Always a fresh, mutable Response.
 */
export async function cachedResponse(
	key: string,
	build: () => Promise<Response>,
	waitUntil?: (p: Promise<unknown>) => void
): Promise<Response> {
	const cache = edgeCache();
	const hit = await cache?.match(key);
	if (hit) return new Response(hit.body, hit);
	const res = await build();
	if (cache && res.status === 200 && !/no-store/.test(res.headers.get('Cache-Control') ?? '')) {
		const put = cache.put(key, res.clone());
		if (waitUntil) waitUntil(put);
		else await put;
	}
	return res;
}
