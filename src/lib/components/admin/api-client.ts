/**
 * The browser's one way to call the JSON API from management pages, and its one error
 * translator: every failure becomes an ApiCallError with the server's code and message.
 */

export class ApiCallError extends Error {
	readonly code: string;
	readonly status: number;
	readonly details?: Record<string, unknown>;

	constructor(code: string, status: number, message: string, details?: Record<string, unknown>) {
		super(message);
		this.code = code;
		this.status = status;
		this.details = details;
	}
}

export interface CallInit {
	method?: string;
	/** A JSON body (objects) or raw bytes (a CSV file). */
	body?: unknown;
}

/** Calls /api…; returns the parsed JSON or throws ApiCallError. */
export async function apiCall<T>(path: string, init: CallInit = {}): Promise<T> {
	const raw = init.body instanceof Blob || init.body instanceof ArrayBuffer;
	const res = await fetch(path, {
		method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
		credentials: 'same-origin',
		headers:
			init.body === undefined ? {} : { 'content-type': raw ? 'text/csv' : 'application/json' },
		body:
			init.body === undefined
				? undefined
				: raw
					? (init.body as BodyInit)
					: JSON.stringify(init.body)
	});
	const data = (await res.json().catch(() => null)) as Record<string, unknown> | null;
	if (!res.ok) {
		const message = typeof data?.message === 'string' ? data.message : res.statusText;
		throw new ApiCallError(
			String(data?.code ?? 'http_' + res.status),
			res.status,
			message,
			data?.details as Record<string, unknown>
		);
	}
	return data as T;
}

/** A message for any error caught in a page. */
export function handleError(err: unknown): string {
	if (err instanceof ApiCallError) return err.message;
	if (err instanceof Error) return err.message;
	return String(err);
}
