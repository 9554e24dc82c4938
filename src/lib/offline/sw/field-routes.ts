/// <reference lib="webworker" />
/**
 * Service-worker routes for field mode:
 * - field pages (/thuc-dia/…) render on the device from IndexedDB, so their HTML shell holds no
 *   personal data: network first, else the cached shell of that page, else any field shell;
 * - their SvelteKit data requests carry only the root layout's public data: same treatment;
 * - assets saved for offline routes (map tiles, glyphs, a base map's tiles, also cross-origin)
 *   are answered from the saved cache first.
 * The API (and so personal data) is never cached here: the pages keep it in IndexedDB.
 */
import { registerRoute } from 'workbox-routing';
import type { RouteHandlerCallback, RouteHandlerObject } from 'workbox-core/types';
import { CACHE_NAMES, isFieldData, isFieldPage } from './policy.ts';
import { note } from './pages.ts';

const NETWORK_TIMEOUT_MS = 4_000;
const SHELL_KEY = '/thuc-dia/__shell';
const DATA_KEY = '/thuc-dia/__data';

async function networkWithTimeout(request: Request): Promise<Response> {
	return fetch(request, { signal: AbortSignal.timeout(NETWORK_TIMEOUT_MS) });
}

/** Network first; stores good answers under the URL and a generic key; falls back to either. */
async function fieldFirst(
	request: Request,
	genericKey: string,
	exactKey: string,
	rootKey: string
): Promise<Response> {
	const cache = await caches.open(CACHE_NAMES.fieldShell);
	try {
		const res = await note(await networkWithTimeout(request));
		if (res.ok && !res.redirected) {
			await cache.put(exactKey, res.clone());
			await cache.put(genericKey, res.clone());
		}
		return res;
	} catch (err) {
		// ignoreVary: saved copies were stored without the navigation's request headers.
		const opts = { ignoreVary: true, ignoreSearch: true };
		const hit =
			(await cache.match(exactKey, opts)) ??
			(await cache.match(genericKey, opts)) ??
			(await cache.match(rootKey, opts));
		if (hit) return hit;
		throw err;
	}
}

/** Registers the field routes; call before the generic routes so these match first. */
export function registerFieldRoutes(): void {
	registerRoute(
		({ request, url, sameOrigin }) =>
			sameOrigin && request.mode === 'navigate' && isFieldPage(url.pathname),
		({ request, url }) => fieldFirst(request, SHELL_KEY, url.pathname, '/thuc-dia')
	);
	registerRoute(
		({ url, sameOrigin }) => sameOrigin && isFieldData(url.pathname),
		({ request, url }) => fieldFirst(request, DATA_KEY, url.pathname, '/thuc-dia/__data.json')
	);
	// A configured base map's tiles (another origin): saved ones first, else the network.
	registerRoute(
		({ sameOrigin }) => !sameOrigin,
		async ({ request }) => (await savedMatch(request.url)) ?? fetch(request)
	);
}

/** Wraps a handler: assets saved for an offline route are answered from the saved cache. */
export function savedFirst(handler: RouteHandlerObject): RouteHandlerCallback {
	return async (options) => (await savedMatch(options.request.url)) ?? handler.handle(options);
}

/** Whether a request may be answered from the saved cache (used as a workbox route match). */
export async function savedMatch(url: string): Promise<Response | undefined> {
	return caches.match(url, { cacheName: CACHE_NAMES.saved, ignoreVary: true });
}
