/**
 * Typed API errors and the one translator that turns any thrown value into
 * `{ code, message, requestId }`. A 500 never echoes internals.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export class ApiError extends Error {
	readonly code: string;
	readonly status: ContentfulStatusCode;
	readonly details?: Record<string, unknown>;

	constructor(
		code: string,
		status: ContentfulStatusCode,
		message: string,
		details?: Record<string, unknown>
	) {
		super(message);
		this.code = code;
		this.status = status;
		this.details = details;
	}
}

export interface ApiErrorBody {
	code: string;
	message: string;
	requestId: string;
	details?: Record<string, unknown>;
}

/** Hono onError handler. */
export function handleApiError(err: Error, c: Context): Response {
	const requestId = (c.get('requestId') as string | undefined) ?? 'unknown';
	if (err instanceof ApiError) {
		const body: ApiErrorBody = { code: err.code, message: err.message, requestId };
		if (err.details) body.details = err.details;
		return c.json(body, err.status);
	}
	console.error(`[${requestId}]`, err);
	return c.json({ code: 'internal', message: 'Internal error', requestId }, 500);
}
