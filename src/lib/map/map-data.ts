/**
 * The map page's reads from the public API, each cached for the page's lifetime. The browser's
 * HTTP cache and the service worker add ETag revalidation and offline copies underneath.
 */
import { apiCall } from '../api/client.ts';
import type { MetricPayload } from '../domain/metric-payload.ts';
import type { ChangePayload } from '../domain/metric-month-payload.ts';
import { metricDefinition } from '../domain/metric-definitions.ts';
import type { Bounds } from './view.ts';
import { asFigures, figuresPath } from './period.ts';

export interface CommuneLite {
	code: string;
	name: string;
	fullName: string;
	fullNameEn: string;
	bbox: Bounds | null;
}

/**
 * `fresh`: ask the server itself (`no-cache`, also as a request header for the edge cache in
 * front of the worker: both keep answers up to their max-age; the ETag keeps it cheap when
 * nothing changed).
 */
const getJson = <T>(url: string, fresh = false): Promise<T> =>
	apiCall<T>(url, fresh ? { cache: 'fresh' } : {});

/** A memo over an async loader: one request per key, failures forgotten so they can retry. */
export function memo<T>(load: (key: string) => Promise<T>, seed?: [string, T][]) {
	const cache = new Map<string, Promise<T>>(seed?.map(([k, v]) => [k, Promise.resolve(v)]));
	const get = (key: string): Promise<T> => {
		let p = cache.get(key);
		if (!p) {
			p = load(key);
			cache.set(key, p);
			p.catch(() => cache.delete(key));
		}
		return p;
	};
	/** Replaces what is held for `key` (fresher data from elsewhere). */
	const put = (key: string, value: T): void => void cache.set(key, Promise.resolve(value));
	return Object.assign(get, { put });
}

/** One metric for all communes (GET /api/metrics/communes). */
export const fetchMetric = (metric: string, fresh = false) =>
	getJson<MetricPayload>(`/api/metrics/communes?metric=${encodeURIComponent(metric)}`, fresh);

/**
 * The figures of a key of period.ts (a metric over 12 months, one month, or a change since an
 * earlier month), as the payload the map colours.
 */
export const fetchFigures = async (key: string, fresh = false): Promise<MetricPayload> => {
	const body = await getJson<MetricPayload | ChangePayload>(figuresPath(key), fresh);
	return asFigures(body, metricDefinition(key.split('|')[0]!)?.estimate ?? false);
};

/** A province's communes, for names and boxes (GET /api/communes?province=). */
export async function fetchCommunes(province: string): Promise<CommuneLite[]> {
	type Row = CommuneLite & { west: number; south: number; east: number; north: number };
	const body = await getJson<{ communes: Row[] }>(`/api/communes?province=${province}`);
	return body.communes.map((c) => ({
		code: c.code,
		name: c.name,
		fullName: c.fullName,
		fullNameEn: c.fullNameEn,
		bbox: c.west === null ? null : [c.west, c.south, c.east, c.north]
	}));
}

/** Every figure of one area plus its teams (GET /api/metrics/areas/:code). */
export const fetchArea = <T>(code: string, fresh = false, month: string | null = null) =>
	getJson<T>(`/api/metrics/areas/${code}${month ? `?month=${month}` : ''}`, fresh);

/** Place search (GET /api/search). */
export const fetchPlaces = <T>(q: string) =>
	getJson<{ results: T[] }>(`/api/search?q=${encodeURIComponent(q)}&limit=8`).then(
		(b) => b.results
	);
