/**
 * The edge cache of the public API (reference data, search, metrics). Its key is the path and
 * only the query parameters the route reads, sorted: `?metric=teams&x=1` and `?x=2&metric=teams`
 * share one entry, so a random parameter cannot send every request to D1.
 *
 * The SvelteKit adapter's worker also stores publicly cacheable responses in `caches.default`,
 * keyed by the whole URL, before this app runs. A response to a URL that is not its own canonical
 * form is therefore marked `private` (browsers still keep it), so junk URLs fill no shared cache.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { cache } from 'hono/cache';
import type { AuthEnv } from './env.ts';
import { METRICS_PARAMS, metricsCache } from './metrics-cache.ts';

/** Bump when a cached response's shape changes. */
export const PUBLIC_CACHE_NAME = 'tung-ngo-public-api-v1';

/** The public GET routes (path prefixes) and the query parameters each one reads. */
export const PUBLIC_CACHE_PARAMS: Readonly<Record<string, readonly string[]>> = {
	'/api/provinces': [],
	'/api/communes': ['province'],
	'/api/search': ['q', 'limit'],
	'/api/metrics': METRICS_PARAMS,
	'/api/openapi.json': []
};

/** The parameters a public path reads, or null when the path is not publicly cached. */
export function publicParams(path: string): readonly string[] | null {
	for (const [prefix, params] of Object.entries(PUBLIC_CACHE_PARAMS)) {
		if (path === prefix || path.startsWith(`${prefix}/`)) return params;
	}
	return null;
}

/**
 * The canonical URL of a request: origin and path, then only `params` (first value of each),
 * sorted by name. Pure; the cache key of the public API.
 */
export function canonicalUrl(url: string, params: readonly string[]): string {
	const u = new URL(url);
	const kept = new URLSearchParams();
	for (const name of [...params].sort()) {
		const value = u.searchParams.get(name);
		if (value !== null) kept.set(name, value);
	}
	const query = kept.toString();
	return `${u.origin}${u.pathname}${query ? `?${query}` : ''}`;
}

/** Whether a URL carries a parameter other than `params`, or one of them twice. */
export function hasStrayParams(url: string, params: readonly string[]): boolean {
	const names = [...new URL(url).searchParams.keys()];
	return names.some((n, i) => !params.includes(n) || names.indexOf(n) !== i);
}

let stored: MiddlewareHandler | undefined;

/** Hono's cache middleware, made on first use (when the runtime's `caches` exists). */
function storedResponses(): MiddlewareHandler {
	stored ??= cache({
		cacheName: PUBLIC_CACHE_NAME,
		// A cache put takes a few ms and misses are rare (max-age 300 s): waiting keeps it simple.
		wait: true,
		keyGenerator: (c) => canonicalUrl(c.req.url, publicParams(c.req.path) ?? []),
		onCacheNotAvailable: false
	});
	return stored;
}

function heldEtag(c: Context): boolean {
	const etag = c.res.headers.get('ETag');
	if (!etag || c.res.status !== 200) return false;
	const held = (c.req.header('If-None-Match') ?? '').split(',').map((s) => s.trim());
	return held.includes(etag) || held.includes('*');
}

/**
 * Serves public GETs from the edge cache under their canonical key. `Cache-Control: no-cache` on
 * the request asks the worker itself (the map's refresh). A cached answer still gives a 304
 * when the client holds its ETag. The metrics API is keyed by the figures' version instead
 * (metrics-cache.ts).
 */
export const publicCache: MiddlewareHandler<AuthEnv> = async (c, next) => {
	const params = c.req.method === 'GET' ? publicParams(c.req.path) : null;
	if (!params) return next();
	if (params === METRICS_PARAMS) {
		return metricsCache(c, next, hasStrayParams(c.req.url, params));
	}
	if (/no-cache/i.test(c.req.header('Cache-Control') ?? '')) await next();
	else {
		// A Response on a hit; without a runtime cache, the middleware passes `next()`'s result on.
		const hit: unknown = await storedResponses()(c, next);
		if (hit instanceof Response) {
			c.res = hit;
			// The stored copy carries the id of the request that filled the cache.
			const id = c.get('requestId') as string | undefined;
			if (id) c.res.headers.set('X-Request-Id', id);
		}
	}
	if (heldEtag(c)) {
		c.res = new Response(null, { status: 304, headers: c.res.headers });
	}
	if (hasStrayParams(c.req.url, params)) {
		const cc = c.res.headers.get('Cache-Control');
		if (cc && /\bpublic\b/i.test(cc)) {
			c.res.headers.set('Cache-Control', cc.replace(/\bpublic\b/i, 'private'));
		}
	}
};
