/**
 * Typed API errors and the one translator that turns any thrown value into
 * `{ code, message, requestId }`. A 500 never echoes internals.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export class ApiError extends Error {
	constructor(
		readonly code: string,
		readonly status: ContentfulStatusCode,
		message: string,
		readonly details?: Record<string, unknown>
	) {
		super(message);
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
