/**
 * The public metrics API's read path (issue 15, part 5). Every answer is keyed by the published
 * version of the figures (public-read/version.ts) and the parameters the route reads:
 *  - the payload is built from D1 once per key and version and then served from the Cache API
 *    (public-read/store.ts), so random query strings, random If-None-Match values and a burst of
 *    misses never reach D1 beyond that one build and the version's point read;
 *  - the ETag names the version, so a 304 needs no payload at all;
 *  - `?v=<version>` (the catalogue's `computedAt`) is a versioned URL: immutable, kept a year;
 *    without it the answer is short-lived with stale-while-revalidate, and `Cache-Control:
 *    no-cache` on the request re-reads the version (never a payload already stored).
 */
import type { Context, Next } from 'hono';
import type { AuthEnv } from './env.ts';
import { getDb } from '../../db/client.ts';
import { publishedVersion } from '../../public-read/version.ts';
import { countedD1, metricsKey, readThrough, type StoredPayload } from '../../public-read/store.ts';

/** The unversioned URL: a minute fresh, then a stale copy for a day while it revalidates. */
export const METRICS_CACHE = 'public, max-age=60, stale-while-revalidate=86400';
/** A versioned URL: its figures never change. */
export const VERSIONED_CACHE = 'public, max-age=31536000, immutable';
/** A URL naming a version that is not current: the current figures, for this client only. */
const OTHER_VERSION_CACHE = 'private, max-age=60';
/** The query parameters of the metrics API that change its answer (`v` only its caching). */
export const METRICS_PARAMS = ['metric', 'month', 'since', 'v'] as const;

/** The Cache-Control of an answer at `version` to this URL. */
function cachingOf(url: URL, version: number, stray: boolean): string {
	const v = url.searchParams.get('v');
	if (v === null) return stray ? METRICS_CACHE.replace('public', 'private') : METRICS_CACHE;
	return v === String(version) && !stray ? VERSIONED_CACHE : OTHER_VERSION_CACHE;
}

function holds(c: Context<AuthEnv>, etag: string): boolean {
	const held = (c.req.header('If-None-Match') ?? '').split(',').map((s) => s.trim());
	return held.includes(etag) || held.includes('*');
}

/** Runs the route and keeps its answer when it is one to keep (200 or 404). */
async function buildFrom(c: Context<AuthEnv>, next: Next): Promise<StoredPayload | null> {
	await next();
	const status = c.res.status;
	if (status !== 200 && status !== 404) return null;
	return { status, body: await c.res.clone().text() };
}

/**
 * Serves GET /api/metrics… by version (see the file comment). `stray`: the URL carries
 * parameters the API does not read, so no shared cache may keep the answer.
 */
export async function metricsCache(c: Context<AuthEnv>, next: Next, stray: boolean) {
	const db = getDb(countedD1(c.env.DB));
	c.set('db', db);
	const fresh = /no-cache/i.test(c.req.header('Cache-Control') ?? '');
	const version = await publishedVersion(c.env.DB, db, fresh);
	c.set('metricsVersion', version);
	const { key, etag } = metricsKey(c.req.url, version);
	const headers = {
		ETag: etag,
		'Cache-Control': cachingOf(new URL(c.req.url), version, stray),
		'Content-Type': 'application/json'
	};
	if (holds(c, etag)) return c.body(null, 304, headers);
	const { payload, built } = await readThrough(key, () => buildFrom(c, next));
	if (built || !payload) {
		// The route's own answer: made by this request's build, or (when the build it waited for
		// kept nothing, as for a 400) made now.
		if (!built) await next();
		if (c.res.status === 200) for (const [k, v] of Object.entries(headers)) c.res.headers.set(k, v);
		return;
	}
	if (payload.status === 200) return c.body(payload.body, 200, headers);
	return c.json({ ...(JSON.parse(payload.body) as object), requestId: c.get('requestId') }, 404);
}
