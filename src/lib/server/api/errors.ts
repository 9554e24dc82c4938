/**
 * Typed API errors and the one translator that turns any thrown value into
 * `{ code, message, requestId }`: the errors of the lower layers (a write's validation, a plan's
 * rules, a refused CSV file) are mapped here and nowhere else. A 500 never echoes internals
 * (docs/style.md, "Typed errors, one translator on each side").
 */
import { UnknownProvinceError } from '../db/shards.ts';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { VisitBatchError, WriteValidationError, type WriteIssue } from '../db/writes/errors.ts';
import { isCoverageConflict, RoutePlanError } from '../db/writes/routes.ts';
import { ImportRefusedError } from '../../domain/csv-import.ts';

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
 * The ApiError for a device's refused batch of visits: 400 `invalid_visit` naming the first
 * visit and field, with every refused visit, its id and its reasons in `details.rejected` (the
 * device flags those for review and sends the others again).
 */
export function fromVisitBatch(err: VisitBatchError): ApiError {
	const fieldOf = (i: WriteIssue) => `visits.${i.index}${i.path ? `.${i.path}` : ''}`;
	const byIndex = new Map<number, { field: string; message: string }[]>();
	for (const i of err.issues) {
		byIndex.set(i.index, [
			...(byIndex.get(i.index) ?? []),
			{ field: fieldOf(i), message: i.message }
		]);
	}
	const rejected = [...byIndex]
		.slice(0, 100)
		.map(([index, reasons]) => ({ index, id: err.sentIds[index] ?? null, reasons }));
	const first = err.issues[0];
	const index = first?.index ?? 0;
	const field = first ? fieldOf(first) : `visits.${index}`;
	return new ApiError('invalid_visit', 400, `${field}: ${first?.message ?? 'invalid'}`, {
		field,
		index,
		id: err.sentIds[index] ?? null,
		issues: err.issues.slice(0, 20),
		rejected
	});
}

/**
 * The ApiError for an error of a lower layer (or the error itself when it is none of theirs):
 * Hono's 4xx HTTPException by its status; a write function's refusal 422 `invalid_record`; a
 * plan or assignment that breaks a rule 422 (409 when the households are planned already, also
 * when a concurrent plan took them first); a refused CSV file 422 `import_invalid` with every
 * line-numbered error.
 */
export function translate(err: Error): Error {
	if (err instanceof ApiError) return err;
	if (err instanceof HTTPException) return fromHttpException(err) ?? err;
	if (err instanceof VisitBatchError) return fromVisitBatch(err);
	if (err instanceof WriteValidationError) return fromWriteValidation(err);
	if (err instanceof RoutePlanError) {
		const status = err.problem === 'already_planned' ? 409 : 422;
		return new ApiError(err.problem, status, err.message, { ids: err.ids });
	}
	if (isCoverageConflict(err)) {
		return new ApiError('already_planned', 409, 'Another plan took some of these households first');
	}
	if (err instanceof UnknownProvinceError) {
		return new ApiError('province_not_found', 404, `No province with code ${err.provinceCode}`);
	}
	if (err instanceof ImportRefusedError) {
		return new ApiError('import_invalid', 422, err.message, { errors: err.errors });
	}
	return err;
}

/**
 * Hono onError handler, the one translator on the server: ApiError as is, a lower layer's error
 * by translate(), anything else a 500.
 */
export function handleApiError(err: Error, c: Context): Response {
	const requestId = (c.get('requestId') as string | undefined) ?? 'unknown';
	const known = translate(err);
	if (known instanceof ApiError) {
		const body: ApiErrorBody = { code: known.code, message: known.message, requestId };
		if (known.details) body.details = known.details;
		return c.json(body, known.status);
	}
	console.error(`[${requestId}]`, err);
	return c.json({ code: 'internal', message: 'Internal error', requestId }, 500);
}
