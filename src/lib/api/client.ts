/**
 * The browser's one way to call the JSON API. Every page, panel and offline module calls
 * `apiCall`; every failure becomes an ApiCallError with the server's code, status and details
 * (or `network` / `aborted` when nothing came back), which `apiErrorText` (./error-text.ts)
 * turns into a sentence in the page's language. Server-side loads use $lib/server/auth/page-api.
 */

import { PROVINCE_HEADER } from './headers';

/** How a call failed: the server answered with an error, nothing came back, or it was cancelled. */
export type FailureKind = 'http' | 'network' | 'aborted';

export class ApiCallError extends Error {
	readonly code: string;
	readonly status: number;
	readonly kind: FailureKind;
	readonly details?: Record<string, unknown>;
	/** Seconds to wait before trying again, from a 429's Retry-After header. */
	readonly retryAfter?: number;
	/** The parsed error body, for callers that classify an answer themselves (visit sync). */
	readonly body?: unknown;

	constructor(
		code: string,
		status: number,
		message: string,
		extra: {
			kind?: FailureKind;
			details?: Record<string, unknown>;
			retryAfter?: number;
			body?: unknown;
		} = {}
	) {
		super(message);
		this.name = 'ApiCallError';
		this.code = code;
		this.status = status;
		this.kind = extra.kind ?? 'http';
		this.details = extra.details;
		this.retryAfter = extra.retryAfter;
		this.body = extra.body;
	}
}

export interface CallInit {
	method?: string;
	/** A JSON body (objects) or raw bytes (a CSV file). */
	body?: unknown;
	/** `fresh`: revalidate with the server (and the edge cache in front of it); `none`: no HTTP cache at all. */
	cache?: 'default' | 'fresh' | 'none';
	/** Cancels the call; a cancelled call throws an ApiCallError of kind `aborted`. */
	signal?: AbortSignal;
	/** Gives up after this many milliseconds (a `network` failure). */
	timeoutMs?: number;
}

/** The answer's JSON and the size of its text (what a saved copy will take). */
export interface CallResult<T> {
	data: T;
	bytes: number;
	status: number;
}

/**
 * The province the page works in (a commune's pages, a route's page). Calls about a record
 * known by its id name it in PROVINCE_HEADER, so the API finds the record in that province's
 * database (docs/sharding.md); a national admin's calls need it, everyone else's scope says it.
 */
let workingProvince: string | null = null;

/** Sets (or clears with null) the province the following calls name. */
export function setWorkingProvince(provinceCode: string | null): void {
	workingProvince = provinceCode;
}

function signalOf(init: CallInit): AbortSignal | undefined {
	const timeout = init.timeoutMs ? AbortSignal.timeout(init.timeoutMs) : undefined;
	if (init.signal && timeout) return AbortSignal.any([init.signal, timeout]);
	return init.signal ?? timeout;
}

function requestOf(init: CallInit): RequestInit {
	const raw = init.body instanceof Blob || init.body instanceof ArrayBuffer;
	const headers: Record<string, string> = { accept: 'application/json' };
	if (init.body !== undefined) headers['content-type'] = raw ? 'text/csv' : 'application/json';
	if (init.cache === 'fresh') headers['cache-control'] = 'no-cache';
	if (workingProvince) headers[PROVINCE_HEADER] = workingProvince;
	return {
		method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
		credentials: 'same-origin',
		headers,
		cache: init.cache === 'fresh' ? 'no-cache' : init.cache === 'none' ? 'no-store' : 'default',
		signal: signalOf(init),
		body:
			init.body === undefined
				? undefined
				: raw
					? (init.body as BodyInit)
					: JSON.stringify(init.body)
	};
}

/** A rejected fetch as an ApiCallError: cancelled by the caller, or nothing came back. */
function failedFetch(err: unknown, init: CallInit): ApiCallError {
	const name = (err as { name?: string })?.name ?? '';
	if (name === 'AbortError' && init.signal?.aborted) {
		return new ApiCallError('aborted', 0, 'The request was cancelled', { kind: 'aborted' });
	}
	return new ApiCallError('network', 0, `Network: ${name || String(err)}`, { kind: 'network' });
}

/** Calls /api…; returns the JSON with its size, or throws ApiCallError. */
export async function apiRequest<T>(path: string, init: CallInit = {}): Promise<CallResult<T>> {
	let res: Response;
	let text: string;
	try {
		res = await fetch(path, requestOf(init));
		text = await res.text();
	} catch (err) {
		throw failedFetch(err, init);
	}
	let data: unknown;
	try {
		data = text ? JSON.parse(text) : null;
	} catch {
		// A cut or non-JSON answer: readable only as a failure.
		throw new ApiCallError('unreadable', res.status, `HTTP ${res.status}: not JSON`, {
			kind: res.ok ? 'network' : 'http'
		});
	}
	if (!res.ok) {
		const body = (data ?? {}) as Record<string, unknown>;
		const retry = Number(res.headers.get('retry-after'));
		throw new ApiCallError(
			typeof body.code === 'string' ? body.code : `http_${res.status}`,
			res.status,
			typeof body.message === 'string' ? body.message : res.statusText,
			{
				details: body.details as Record<string, unknown> | undefined,
				retryAfter: Number.isFinite(retry) && retry > 0 ? retry : undefined,
				body: data
			}
		);
	}
	return { data: data as T, bytes: text.length, status: res.status };
}

/** Calls /api…; returns the parsed JSON or throws ApiCallError. */
export async function apiCall<T>(path: string, init: CallInit = {}): Promise<T> {
	return (await apiRequest<T>(path, init)).data;
}

/** True for a call the page itself cancelled: nothing to tell anyone. */
export const isAborted = (err: unknown): boolean =>
	err instanceof ApiCallError
		? err.kind === 'aborted'
		: (err as { name?: string })?.name === 'AbortError';
