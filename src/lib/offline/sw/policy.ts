/**
 * What the service worker may cache. Pure, so the rules are unit-tested: only public GETs,
 * never personal data, never `no-store` / `private` responses.
 */
import { isCommuneCode, isProvinceCode } from '../../domain/codes.ts';

/** Public page paths that work offline once visited (map, province and commune pages). */
export function isPublicPage(pathname: string): boolean {
	if (pathname === '/') return true;
	const [, unit, code] = /^\/(xa|tinh)\/([^/]+)\/?$/.exec(pathname) ?? [];
	if (unit === 'xa') return isCommuneCode(code!);
	return unit === 'tinh' && isProvinceCode(code!);
}

/** Public API reads: reference data and precomputed aggregates. */
export function isPublicApi(pathname: string): boolean {
	return /^\/api\/(provinces|communes|metrics|search)(\/|$)/.test(pathname);
}

/** Map geometry and fonts: content-versioned URLs, safe to keep. */
export function isGeoAsset(pathname: string): boolean {
	return pathname.startsWith('/geo/');
}

/**
 * The self-hosted base map's style and a commune's street graph (both change with a new build,
 * at the same URL: network first, else the copy saved with a route).
 */
export function isBasemapStyle(pathname: string): boolean {
	return pathname === '/api/basemap/style.json' || pathname.startsWith('/api/basemap/graphs/');
}

/** The self-hosted base map's tiles (versioned by the style's URL template: cache first). */
export function isBasemapTile(pathname: string): boolean {
	return pathname.startsWith('/api/basemap/tiles/');
}

/** The training library's content-addressed files (step cards and pictures): never change. */
export function isGuideFile(pathname: string): boolean {
	return pathname.startsWith('/api/guides/files/');
}

/** A response may be stored only if it is a complete 200 that does not forbid storing. */
export function isStorable(status: number, cacheControl: string | null): boolean {
	if (status !== 200) return false;
	const cc = (cacheControl ?? '').toLowerCase();
	return !/(^|[\s,])(no-store|private)([\s,=]|$)/.test(cc);
}

/** Header the worker adds to what it stores, so pages can say "offline — data from <time>". */
export const CACHED_AT_HEADER = 'x-tungngo-cached-at';

/**
 * Headers the server puts on every page: the app version that rendered it, whether for someone
 * signed in ('1') or not ('0'), and in which language.
 */
export const APP_VERSION_HEADER = 'x-tungngo-version';
export const SIGNED_IN_HEADER = 'x-tungngo-signed-in';
export const LANG_HEADER = 'x-tungngo-lang';

/** Who the browser's pages are being rendered for, as last seen by the worker. */
export interface RenderedFor {
	signedIn: string;
	lang: string;
}

/** What a page's stamps say it was rendered for; null when it carries none. */
export function renderedFor(headers: { get(name: string): string | null }): RenderedFor | null {
	const signedIn = headers.get(SIGNED_IN_HEADER);
	const lang = headers.get(LANG_HEADER);
	return signedIn === null || lang === null ? null : { signedIn, lang };
}

/** The oldest stored map page still opened at once (then refreshed); older ones wait for the
 * network first, as other pages do. */
export const PAGE_FIRST_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Whether a stored page may answer a navigation at once, before the network (the page then
 * refreshes its figures: see lib/offline/nav-source.ts). Only the map page; as rendered by this
 * very app version (an older one would load chunks this version no longer has); for nobody
 * signed in and in the language of the latest page the worker saw (`seen`: a sign-in or a
 * language switch shows on the next page from the server), so its header and words are right;
 * and at most PAGE_FIRST_MAX_AGE_MS old.
 */
export function servableFirst(
	pathname: string,
	stored: { get(name: string): string | null },
	seen: RenderedFor | null,
	version: string,
	now: number
): boolean {
	if (pathname !== '/' || !seen || seen.signedIn !== '0') return false;
	if (stored.get(APP_VERSION_HEADER) !== version) return false;
	const was = renderedFor(stored);
	if (!was || was.signedIn !== '0' || was.lang !== seen.lang) return false;
	const at = Date.parse(stored.get(CACHED_AT_HEADER) ?? '');
	return Number.isFinite(at) && now - at >= 0 && now - at <= PAGE_FIRST_MAX_AGE_MS;
}

/** Message a page sends its service worker: "did my navigation come from your cache?" */
export const NAV_SOURCE = 'NAV_SOURCE';

/** Message the app sends its service worker: who its data is now for ({ signedIn, lang }). */
export const RENDERED_FOR = 'RENDERED_FOR';

/** A RENDERED_FOR message's content, or null when it is not one. */
export function renderedForMessage(data: unknown): RenderedFor | null {
	if (typeof data !== 'object' || data === null) return null;
	const { type, signedIn, lang } = data as Record<string, unknown>;
	if (type !== RENDERED_FOR || (signedIn !== '0' && signedIn !== '1')) return null;
	return typeof lang === 'string' && /^[a-z]{2}$/.test(lang) ? { signedIn, lang } : null;
}

export const CACHE_NAMES = {
	pages: 'tungngo-pages-v1',
	api: 'tungngo-public-api-v1',
	geo: 'tungngo-geo-v1',
	/** The base map's style and the tiles viewed online (public, the same for everyone). */
	basemap: 'tungngo-basemap-v1',
	/** Assets saved for offline routes (tiles, base map); removed with the route, never expired. */
	saved: 'tungngo-saved-v1',
	/** Field-mode page shells and their layout data (no personal data: pages render on device). */
	fieldShell: 'tungngo-field-shell-v1',
	/** The training guides saved for offline use (public, content-addressed; docs/guides.md). */
	guides: 'tungngo-guides-v1'
} as const;

/** Field mode pages: rendered on the device from IndexedDB, so their shell works offline. */
export function isFieldPage(pathname: string): boolean {
	return pathname === '/thuc-dia' || pathname.startsWith('/thuc-dia/');
}

/** SvelteKit's data request for a field page (holds only the root layout's public data). */
export function isFieldData(pathname: string): boolean {
	return isFieldPage(pathname) && pathname.endsWith('/__data.json');
}
