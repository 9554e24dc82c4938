/**
 * The cache of the public exports (routes/exports.ts), keyed like the metrics API's answers by
 * the published version of the figures (public-read/version.ts) and the parameters an export
 * reads: a file is built once per version and key (per data centre, through the Cache API),
 * its ETag names the version (a 304 costs no build), and a new version is a new key, so nothing
 * is ever invalidated. The files are bytes (XLSX), so they are kept as whole responses.
 */
import type { MiddlewareHandler } from 'hono';
import type { AuthEnv } from './env.ts';
import { canonicalUrl, hasStrayParams } from './public-cache.ts';
import { METRICS_CACHE } from './metrics-cache.ts';
import { publishedVersion } from '../../public-read/version.ts';

/** Bump when an export's content changes for the same figures. */
export const EXPORT_CACHE_NAME = 'tung-ngo-exports-v1';

/** The query parameters an export reads: its cache key. */
export const EXPORT_PARAMS = ['metric', 'area', 'month', 'since', 'level', 'lang'] as const;

const KEPT_HEADERS = ['Content-Type', 'Content-Disposition'];

function runtimeCache(): Promise<Cache> | null {
	const storage = (globalThis as { caches?: CacheStorage }).caches;
	return storage ? storage.open(EXPORT_CACHE_NAME) : null;
}

/** The store key and ETag of an export URL at `version` (pure). */
export function exportKey(url: string, version: number): { key: string; etag: string } {
	const canonical = canonicalUrl(url, EXPORT_PARAMS);
	const u = new URL(canonical);
	const id = `${u.pathname}${u.search}`;
	return {
		key: `${canonical}${u.search ? '&' : '?'}version=${version}`,
		etag: `W/"x1-${version}-${id.replace(/[^\w/?=.&-]/g, '_')}"`
	};
}

/** Serves an export from the cache by version, or builds it and keeps it when it is a 200. */
export const exportCache: MiddlewareHandler<AuthEnv> = async (c, next) => {
	const fresh = /no-cache/i.test(c.req.header('Cache-Control') ?? '');
	const version = await publishedVersion(c.env.DB, c.get('db'), fresh);
	const { key, etag } = exportKey(c.req.url, version);
	const stray = hasStrayParams(c.req.url, EXPORT_PARAMS);
	const caching = { ETag: etag, 'Cache-Control': stray ? 'private, max-age=60' : METRICS_CACHE };
	const held = (c.req.header('If-None-Match') ?? '').split(',').map((s) => s.trim());
	if (held.includes(etag) || held.includes('*')) return c.body(null, 304, caching);
	const cache = await runtimeCache();
	const hit = await cache?.match(key);
	if (hit) {
		const headers = new Headers(caching);
		for (const h of KEPT_HEADERS) headers.set(h, hit.headers.get(h) ?? '');
		return new Response(hit.body, { status: 200, headers });
	}
	await next();
	if (c.res.status !== 200) return;
	for (const [k, v] of Object.entries(caching)) c.res.headers.set(k, v);
	if (!cache) return;
	const stored = new Headers({ 'Cache-Control': 'public, max-age=31536000, immutable' });
	for (const h of KEPT_HEADERS) stored.set(h, c.res.headers.get(h) ?? '');
	await cache.put(key, new Response(await c.res.clone().arrayBuffer(), { headers: stored }));
};
