/**
 * CACHE_VISITED: the page sends what it loaded before this worker controlled it (the page, public
 * API reads, map tiles and glyphs); the worker stores the public ones in the runtime caches the
 * routes read, stamped like any cached response. Everything else is ignored.
 */
import {
	CACHE_NAMES,
	CACHED_AT_HEADER,
	isGeoAsset,
	isPublicApi,
	isPublicPage,
	isStorable
} from './policy.ts';
import { note } from './pages.ts';

export const CACHE_VISITED = 'CACHE_VISITED';

/** Which runtime cache a same-origin URL belongs in, or null when it must not be cached. */
export function cacheFor(url: URL, origin: string): string | null {
	if (url.origin !== origin) return null;
	if (isGeoAsset(url.pathname)) return CACHE_NAMES.geo;
	if (isPublicApi(url.pathname)) return CACHE_NAMES.api;
	if (isPublicPage(url.pathname)) return CACHE_NAMES.pages;
	return null;
}

async function store(cacheName: string, url: string): Promise<boolean> {
	const cache = await caches.open(cacheName);
	if (cacheName === CACHE_NAMES.geo && (await cache.match(url))) return true;
	// Mostly served from the HTTP cache: the page has just loaded these.
	const res = await fetch(url, { credentials: 'same-origin' });
	// A page fetched with the browser's cookies: who pages are rendered for now.
	if (cacheName === CACHE_NAMES.pages) await note(res);
	if (!isStorable(res.status, res.headers.get('cache-control'))) return false;
	const headers = new Headers(res.headers);
	headers.set(CACHED_AT_HEADER, new Date().toISOString());
	await cache.put(url, new Response(await res.blob(), { status: res.status, headers }));
	return true;
}

/** Stores the public URLs of a CACHE_VISITED message; resolves to how many were stored. */
export async function cacheVisited(urls: unknown, origin: string): Promise<number> {
	if (!Array.isArray(urls)) return 0;
	const jobs = [...new Set(urls.filter((u): u is string => typeof u === 'string'))].flatMap((u) => {
		let url: URL;
		try {
			url = new URL(u);
		} catch {
			return [];
		}
		const name = cacheFor(url, origin);
		return name ? [store(name, url.href).catch(() => false)] : [];
	});
	return (await Promise.all(jobs)).filter(Boolean).length;
}
