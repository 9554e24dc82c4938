/**
 * Public payloads stored by version: a payload is built from D1 once per key and version (per
 * isolate, and per data centre through the Cache API) and kept as long as that version is
 * current — a new version is a new key, so nothing is ever invalidated. Concurrent misses of one
 * key share one build. The isolate keeps its hot keys in memory in front of the Cache API.
 */

/** Bump when a stored payload's shape changes. */
export const PUBLIC_STORE_NAME = 'tung-ngo-public-payloads-v1';

/** Bump when a payload's JSON shape changes, so old ETags stop matching. */
const FORMAT = 2;

/** The parameters that change a metrics answer (the month series' too), in key order. */
const KEYED_PARAMS = ['metric', 'month', 'since'] as const;

/**
 * The store key and ETag of a public metrics URL at `version`: its path and its `metric`,
 * `month` and `since` parameters (nothing else: other parameters are not part of the answer).
 * Pure.
 */
export function metricsKey(url: string, version: number): { key: string; etag: string } {
	const u = new URL(url);
	const kept = KEYED_PARAMS.flatMap((name) => {
		const value = u.searchParams.get(name);
		return value === null ? [] : [`${name}=${encodeURIComponent(value)}`];
	});
	const query = kept.length === 0 ? '' : `?${kept.join('&')}`;
	const id = `${u.pathname}${query}`;
	return {
		key: `${u.origin}${id}${query ? '&' : '?'}version=${version}`,
		etag: `W/"${FORMAT}-${version}-${id.replace(/[^\w/?=.-]/g, '_')}"`
	};
}

/** What is kept of a public answer: 200 or 404, its JSON text. */
export interface StoredPayload {
	status: 200 | 404;
	body: string;
}

/** Counters of this isolate's public reads, for the load benchmark (see routes/health.ts). */
export const publicReadStats = {
	/** D1 statements prepared while serving public metrics (version reads and builds). */
	d1Statements: 0,
	/** Payloads built from D1 and stored (answers not kept, such as a 400, are not counted). */
	builds: 0,
	/** Payloads found stored. */
	hits: 0
};

const building = new Map<string, Promise<StoredPayload | null>>();

/**
 * The isolate's most recently used payloads, before the Cache API: a hot key costs no cache
 * round trip. Keys name their version, so an entry is never stale; the oldest goes first.
 */
const HOT_ENTRIES = 64;
const hot = new Map<string, StoredPayload>();

function keepHot(key: string, p: StoredPayload): void {
	hot.delete(key);
	hot.set(key, p);
	if (hot.size > HOT_ENTRIES) hot.delete(hot.keys().next().value!);
}

function runtimeCache(): Promise<Cache> | null {
	const storage = (globalThis as { caches?: CacheStorage }).caches;
	return storage ? storage.open(PUBLIC_STORE_NAME) : null;
}

async function stored(key: string): Promise<StoredPayload | null> {
	const res = await (await runtimeCache())?.match(key);
	if (!res) return null;
	return { status: res.status === 404 ? 404 : 200, body: await res.text() };
}

async function store(key: string, p: StoredPayload): Promise<void> {
	const cache = await runtimeCache();
	if (!cache) return;
	// The key holds the version, so the entry never goes stale: keep it a year.
	const headers = {
		'Content-Type': 'application/json',
		'Cache-Control': 'public, max-age=31536000, immutable'
	};
	await cache.put(key, new Response(p.body, { status: p.status, headers }));
}

/**
 * The payload stored under `key` (a URL that names the version), or the result of `build`,
 * stored. `build` returns null for an answer that must not be kept (a 400, a 500); it then runs
 * again for the next request. Throws what `build` throws.
 */
export async function readThrough(
	key: string,
	build: () => Promise<StoredPayload | null>
): Promise<{ payload: StoredPayload | null; built: boolean }> {
	const found = hot.get(key) ?? (await stored(key));
	if (found) {
		publicReadStats.hits++;
		keepHot(key, found);
		return { payload: found, built: false };
	}
	const under = building.get(key);
	if (under) return { payload: await under, built: false };
	const run = (async () => {
		const p = await build();
		if (p) {
			publicReadStats.builds++;
			await store(key, p);
			keepHot(key, p);
		}
		return p;
	})();
	building.set(key, run);
	try {
		return { payload: await run, built: true };
	} finally {
		building.delete(key);
	}
}

/** `d1` with every statement it prepares counted in publicReadStats. */
export function countedD1(d1: D1Database): D1Database {
	return new Proxy(d1, {
		get(target, prop) {
			const value: unknown = Reflect.get(target, prop, target);
			if (typeof value !== 'function') return value;
			if (prop === 'prepare') {
				return (sql: string) => {
					publicReadStats.d1Statements++;
					return (value as D1Database['prepare']).call(target, sql);
				};
			}
			return (value as (...a: unknown[]) => unknown).bind(target);
		}
	});
}
