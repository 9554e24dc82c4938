/**
 * What the service worker may cache. Pure, so the rules are unit-tested: only public GETs,
 * never personal data, never `no-store` / `private` responses.
 */

/** Public page paths that work offline once visited (map, province and commune pages). */
export function isPublicPage(pathname: string): boolean {
	return pathname === '/' || /^\/(xa\/\d{5}|tinh\/\d{2})\/?$/.test(pathname);
}

/** Public API reads: reference data and precomputed aggregates. */
export function isPublicApi(pathname: string): boolean {
	return /^\/api\/(provinces|communes|metrics|search)(\/|$)/.test(pathname);
}

/** Map geometry and fonts: content-versioned URLs, safe to keep. */
export function isGeoAsset(pathname: string): boolean {
	return pathname.startsWith('/geo/');
}

/** A response may be stored only if it is a complete 200 that does not forbid storing. */
export function isStorable(status: number, cacheControl: string | null): boolean {
	if (status !== 200) return false;
	const cc = (cacheControl ?? '').toLowerCase();
	return !/(^|[\s,])(no-store|private)([\s,=]|$)/.test(cc);
}

/** Header the worker adds to what it stores, so pages can say "offline — data from <time>". */
export const CACHED_AT_HEADER = 'x-tungngo-cached-at';

export const CACHE_NAMES = {
	pages: 'tungngo-pages-v1',
	api: 'tungngo-public-api-v1',
	geo: 'tungngo-geo-v1',
	/** Assets saved for offline routes (tiles, base map); removed with the route, never expired. */
	saved: 'tungngo-saved-v1',
	/** Field-mode page shells and their layout data (no personal data: pages render on device). */
	fieldShell: 'tungngo-field-shell-v1'
} as const;

/** Field mode pages: rendered on the device from IndexedDB, so their shell works offline. */
export function isFieldPage(pathname: string): boolean {
	return pathname === '/thuc-dia' || pathname.startsWith('/thuc-dia/');
}

/** SvelteKit's data request for a field page (holds only the root layout's public data). */
export function isFieldData(pathname: string): boolean {
	return isFieldPage(pathname) && pathname.endsWith('/__data.json');
}
