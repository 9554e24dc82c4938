/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * Service worker: precaches the app shell of this version, and keeps runtime caches of public
 * pages, public API reads and map geometry so the public map works offline after a first visit.
 * Personal data is never cached here (see lib/offline/sw/policy.ts). Updates wait for the user:
 * the page asks, then posts SKIP_WAITING (workbox-window).
 */
import { build, files, version } from '$service-worker';
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, precacheAndRoute } from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';
import { CacheFirst, NetworkFirst } from 'workbox-strategies';
import { ExpirationPlugin } from 'workbox-expiration';
import {
	CACHE_NAMES,
	isBasemapStyle,
	isBasemapTile,
	isGeoAsset,
	isGuideFile,
	isPublicApi,
	isPublicPage,
	NAV_SOURCE,
	renderedForMessage
} from '$lib/offline/sw/policy';
import {
	mapPageFirst,
	notedNavigation,
	noteRenderedFor,
	takeNavSource
} from '$lib/offline/sw/pages';
import { stampAndFilter } from '$lib/offline/sw/plugins';
import { CACHE_VISITED, cacheVisited } from '$lib/offline/sw/visited';
import { registerFieldRoutes, savedFirst, savedMatch } from '$lib/offline/sw/field-routes';

const sw = self as unknown as ServiceWorkerGlobalScope;

// Shell: hashed build output plus small static files; tiles are cached as they are viewed, and
// the outlines of the GeoJSON exports (9 MB, server/export/outlines.ts) are never needed offline.
const shell = [
	...build,
	...files.filter((f) => !f.startsWith('/geo/tiles/') && !f.startsWith('/geo/outlines/'))
];
precacheAndRoute(shell.map((url) => ({ url, revision: build.includes(url) ? null : version })));
cleanupOutdatedCaches();
// The first install controls the open page at once (so field mode works offline right after its
// first visit). Later versions still wait for the user's "reload" (SKIP_WAITING below).
clientsClaim();

const NETWORK_TIMEOUT_S = 4;

// Field mode first: its page shells, and assets saved for offline routes.
registerFieldRoutes();

registerRoute(
	({ request, url }) => request.mode === 'navigate' && isPublicPage(url.pathname),
	mapPageFirst(
		new NetworkFirst({
			cacheName: CACHE_NAMES.pages,
			networkTimeoutSeconds: NETWORK_TIMEOUT_S,
			plugins: [stampAndFilter, new ExpirationPlugin({ maxEntries: 200 })]
		}),
		version
	)
);

registerRoute(
	({ url, sameOrigin }) => sameOrigin && isPublicApi(url.pathname),
	new NetworkFirst({
		cacheName: CACHE_NAMES.api,
		networkTimeoutSeconds: NETWORK_TIMEOUT_S,
		plugins: [stampAndFilter, new ExpirationPlugin({ maxEntries: 300 })]
	})
);

registerRoute(
	({ url, sameOrigin }) => sameOrigin && isGeoAsset(url.pathname),
	savedFirst(
		new CacheFirst({
			cacheName: CACHE_NAMES.geo,
			plugins: [stampAndFilter, new ExpirationPlugin({ maxEntries: 3000 })]
		})
	)
);

// The base map: its style from the network (a new archive shows at once), else the copy saved
// with a route or last seen; its tiles, whose URLs carry the archive's version, cache first.
const basemapStyle = new NetworkFirst({
	cacheName: CACHE_NAMES.basemap,
	networkTimeoutSeconds: NETWORK_TIMEOUT_S,
	plugins: [stampAndFilter]
});
registerRoute(
	({ url, sameOrigin }) => sameOrigin && isBasemapStyle(url.pathname),
	async (options) => {
		try {
			return await basemapStyle.handle(options);
		} catch (err) {
			const saved = await savedMatch(options.request.url);
			if (saved) return saved;
			throw err;
		}
	}
);
registerRoute(
	({ url, sameOrigin }) => sameOrigin && isBasemapTile(url.pathname),
	savedFirst(
		new CacheFirst({
			cacheName: CACHE_NAMES.basemap,
			plugins: [stampAndFilter, new ExpirationPlugin({ maxEntries: 2000 })]
		})
	)
);

// The training guides' files: saved ones first (they never change under their name).
registerRoute(
	({ url, sameOrigin }) => sameOrigin && isGuideFile(url.pathname),
	async ({ request }) =>
		(await caches.match(request.url, { cacheName: CACHE_NAMES.guides })) ?? fetch(request)
);

// Every other page: the network, as without a worker (noting who pages are rendered for).
registerRoute(({ request }) => request.mode === 'navigate', notedNavigation);

sw.addEventListener('message', (event) => {
	if (event.data?.type === 'SKIP_WAITING') void sw.skipWaiting();
	const renderedFor = renderedForMessage(event.data);
	if (renderedFor) event.waitUntil(noteRenderedFor(renderedFor));
	if (event.data?.type === NAV_SOURCE) {
		const id = event.source && 'id' in event.source ? event.source.id : '';
		event.ports[0]?.postMessage({ cachedAt: takeNavSource(id) });
	}
	if (event.data?.type === CACHE_VISITED) {
		// The map's first visit, loaded before this worker took control: keep it for offline.
		event.waitUntil(
			cacheVisited(event.data.urls, sw.location.origin).then((stored) =>
				event.ports[0]?.postMessage({ stored })
			)
		);
	}
});
