/**
 * One line per route for the OpenAPI document: `operation('List teams', 'Danh sách tổ', {...})`
 * between the path and the validators. Parameters and bodies come from the validators
 * (validation.ts); this adds what a schema cannot say: the summary in English and Vietnamese,
 * whether a login is needed, the success status and the errors the route answers.
 */
import type { MiddlewareHandler } from 'hono';
import { describeRoute, type DescribeRouteOptions } from 'hono-openapi';
import type { OpenAPIV3_1 } from 'openapi-types';
import { errorRef, SESSION_SCHEME, type ErrorStatus } from './components.ts';

/** The Vietnamese summary, an extension beside the English `summary`. */
export const SUMMARY_VI = 'x-summary-vi';

export interface OperationOptions {
	/** Needs a logged-in session: documents the cookie, 401 and 403. */
	auth?: boolean;
	/** Error statuses beyond validation's 400 (added by the validators) and auth's 401/403. */
	errors?: ErrorStatus[];
	/** The success status (default 200). */
	status?: 200 | 201 | 204;
	/** `request`: the body is a CSV file; `response`: the answer is a CSV download. */
	csv?: 'request' | 'response';
	/** The media type of a file the route answers with (XLSX, GeoJSON, …): its success body. */
	media?: string;
	/** The media type of a file the request's body is (a zip, …). */
	upload?: string;
	/** Overrides the tag taken from the path's first segment. */
	tags?: string[];
}

const SUCCESS: Record<NonNullable<OperationOptions['status']>, string> = {
	200: 'Success',
	201: 'Created',
	204: 'No content'
};

/** The OpenAPI operation of one route (pure; `operation` wraps it in describeRoute). */
export function operationSpec(
	en: string,
	vi: string,
	o: OperationOptions = {}
): DescribeRouteOptions & { [SUMMARY_VI]: string } {
	const status = o.status ?? 200;
	const ok: OpenAPIV3_1.ResponseObject = { description: SUCCESS[status] };
	const file = o.media ?? (o.csv === 'response' ? 'text/csv' : null);
	if (file) {
		ok.content = { [file]: { schema: { type: 'string', format: 'binary' } } };
	} else if (status !== 204) {
		ok.content = { 'application/json': { schema: { type: 'object' } } };
	}
	const responses: Record<string, OpenAPIV3_1.ResponseObject | OpenAPIV3_1.ReferenceObject> = {
		[status]: ok
	};
	const errors: ErrorStatus[] = [...(o.auth ? ([401, 403] as const) : []), ...(o.errors ?? [])];
	for (const e of errors) responses[e] = errorRef(e);
	const spec: DescribeRouteOptions & { [SUMMARY_VI]: string } = {
		summary: en,
		[SUMMARY_VI]: vi,
		responses
	};
	if (o.tags) spec.tags = o.tags;
	if (o.auth) spec.security = [{ [SESSION_SCHEME]: [] }];
	const upload = o.upload ?? (o.csv === 'request' ? 'text/csv' : null);
	if (upload) {
		spec.requestBody = {
			required: true,
			content: { [upload]: { schema: { type: 'string', format: 'binary' } } }
		};
	}
	return spec;
}

/** describeRoute for a route: summary in English and Vietnamese, security, main responses. */
export function operation(en: string, vi: string, o: OperationOptions = {}): MiddlewareHandler {
	return describeRoute(operationSpec(en, vi, o));
}
