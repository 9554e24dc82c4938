/// <reference lib="webworker" />
/**
 * Pages in the service worker. Public pages: network first (figures and sign-in state current),
 * except the map page, which opens at once from its stored copy when `servableFirst` allows
 * (./policy.ts) while the network refreshes the copy for next time. The worker remembers which
 * window it answered that way, so the page can ask (NAV_SOURCE) and refresh its figures.
 *
 * The worker keeps whether someone is signed in and in which language pages come (in the pages
 * cache: it may be stopped between visits), from every page the server sends through it (other
 * navigations too, untouched) and from the app's own word after in-app navigations, which
 * load data rather than pages (RENDERED_FOR, sent by the root layout).
 */
import type { RouteHandlerCallback, RouteHandlerObject } from 'workbox-core/types';
import {
	CACHE_NAMES,
	CACHED_AT_HEADER,
	renderedFor,
	servableFirst,
	type RenderedFor
} from './policy.ts';

const SEEN_KEY = '/__tungngo/rendered-for';

/** Window client id → when the stored page it was answered with had been fetched. */
const answeredFromCache = new Map<string, string>();
let seen: Promise<RenderedFor | null> | null = null;

function lastSeen(): Promise<RenderedFor | null> {
	seen ??= caches
		.match(SEEN_KEY, { cacheName: CACHE_NAMES.pages })
		.then((r) => (r ? (r.json() as Promise<RenderedFor>) : null))
		.catch(() => null);
	return seen;
}

/** Keeps who pages are rendered for now, when it changed. */
export async function noteRenderedFor(now: RenderedFor): Promise<void> {
	const before = await lastSeen();
	if (before?.signedIn === now.signedIn && before.lang === now.lang) return;
	seen = Promise.resolve(now);
	const cache = await caches.open(CACHE_NAMES.pages);
	await cache.put(SEEN_KEY, new Response(JSON.stringify(now)));
}

/** Notes who a page from the server was rendered for (its stamps). */
export async function note(response: Response): Promise<Response> {
	const now = renderedFor(response.headers);
	if (now) await noteRenderedFor(now);
	return response;
}

/** Any other navigation: straight to the network, noting who its page was rendered for. */
export const notedNavigation: RouteHandlerCallback = async ({ request }) =>
	note(await fetch(request));

/** Map page first from the cache when allowed, else `networkFirst` (noted). */
export function mapPageFirst(
	networkFirst: RouteHandlerObject,
	version: string
): RouteHandlerCallback {
	return async (options) => {
		const { request, url } = options;
		const event = options.event as FetchEvent | undefined;
		const fromNetwork = () => networkFirst.handle(options).then(note);
		const stored = await caches.match(request, { cacheName: CACHE_NAMES.pages });
		const ok =
			event &&
			stored &&
			servableFirst(url.pathname, stored.headers, await lastSeen(), version, Date.now());
		if (!ok) return fromNetwork();
		// Refresh the stored copy (the strategy stores it, stamped), without holding the page.
		event.waitUntil(fromNetwork().catch(() => undefined));
		if (event.resultingClientId) {
			answeredFromCache.set(event.resultingClientId, stored.headers.get(CACHED_AT_HEADER) ?? '');
		}
		return stored;
	};
}

/**
 * Whether the window `clientId` was opened from a stored page: when that copy was fetched, or
 * null. Asked once; forgotten then.
 */
export function takeNavSource(clientId: string): string | null {
	const at = answeredFromCache.get(clientId) ?? null;
	answeredFromCache.delete(clientId);
	return at;
}
