/**
 * Typed API errors and the one translator that turns any thrown value into
 * `{ code, message, requestId }`. A 500 never echoes internals.
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { WriteValidationError } from '../db/writes/errors.ts';

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

/**
 * The ApiError for an HTTPException that Hono itself throws with a 4xx status, or null for a 5xx.
 * Its validator throws a 400 for a body it cannot parse (`{`, an empty body, `{"a":NaN}`): the
 * caller's mistake, so it keeps its status and gets a code and a clear message.
 */
export function fromHttpException(err: HTTPException): ApiError | null {
	const status = err.status as ContentfulStatusCode;
	if (status >= 500) return null;
	if (status === 400 && /json/i.test(err.message)) {
		return new ApiError('malformed_json', 400, 'The request body is not valid JSON');
	}
	if (status === 413) return new ApiError('too_large', 413, 'The request body is too large');
	return new ApiError(`http_${status}`, status, err.message || 'The request was refused');
}

/**
 * The ApiError for a write function's refusal that no route checked first: the rows and fields
 * it names are the caller's, so it is a 422 with them, never a 500.
 */
export function fromWriteValidation(err: WriteValidationError): ApiError {
	const first = err.issues[0];
	return new ApiError('invalid_record', 422, err.message, {
		entity: err.entity,
		field: first?.path || null,
		issues: err.issues.slice(0, 20)
	});
}

/**
 * Hono onError handler, the one translator on the server: ApiError as is, Hono's 4xx
 * HTTPException by its status, a write function's refusal as 422, anything else a 500.
 */
export function handleApiError(err: Error, c: Context): Response {
	const requestId = (c.get('requestId') as string | undefined) ?? 'unknown';
	const known =
		err instanceof HTTPException
			? (fromHttpException(err) ?? err)
			: err instanceof WriteValidationError
				? fromWriteValidation(err)
				: err;
	if (known instanceof ApiError) {
		const body: ApiErrorBody = { code: known.code, message: known.message, requestId };
		if (known.details) body.details = known.details;
		return c.json(body, known.status);
	}
	console.error(`[${requestId}]`, err);
	return c.json({ code: 'internal', message: 'Internal error', requestId }, 500);
}
