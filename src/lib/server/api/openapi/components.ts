/**
 * The shared parts of the OpenAPI document: the error body every failure has (errors.ts,
 * `{ code, message, requestId, details? }`), one response per error status, and the session
 * cookie as a security scheme.
 */
import type { OpenAPIV3_1 } from 'openapi-types';
import { SESSION_COOKIE } from '../../auth/cookie.ts';

/** The error statuses a route may name; each is a response in `components.responses`. */
export const ERROR_RESPONSES = {
	400: ['BadRequest', 'The request is malformed or a field is invalid (`invalid_<target>`)'],
	401: ['Unauthenticated', 'Log in first (`unauthenticated`)'],
	403: [
		'Forbidden',
		'Outside the caller’s role or scope (`forbidden`), or a cross-site write (`csrf`)'
	],
	404: ['NotFound', 'No such record or area'],
	409: ['Conflict', 'The record conflicts with another (a duplicate, a plan taken first)'],
	410: ['Gone', 'Erased or used up (`already_erased`, `invite_used`, …)'],
	413: ['TooLarge', 'The body or file is too large (`too_large`)'],
	422: [
		'Unprocessable',
		'Well-formed but refused by a rule (`invalid_record`, `import_invalid`, …)'
	],
	429: ['TooManyRequests', 'Too many attempts (`too_many_attempts`)']
} as const satisfies Record<number, readonly [string, string]>;

export type ErrorStatus = keyof typeof ERROR_RESPONSES;

/** `{ $ref }` to the shared response of an error status. */
export function errorRef(status: ErrorStatus): OpenAPIV3_1.ReferenceObject {
	return { $ref: `#/components/responses/${ERROR_RESPONSES[status][0]}` };
}

/** The security scheme name of the session cookie. */
export const SESSION_SCHEME = 'session';

const errorContent = {
	'application/json': { schema: { $ref: '#/components/schemas/ApiError' } }
};

/** The error body of every failure (errors.ts ApiErrorBody). */
const apiErrorSchema: OpenAPIV3_1.SchemaObject = {
	type: 'object',
	required: ['code', 'message', 'requestId'],
	properties: {
		code: { type: 'string', description: 'Machine-readable code, e.g. invalid_query, not_found' },
		message: { type: 'string', description: 'What went wrong; for a field, "field: reason"' },
		requestId: { type: 'string', description: 'The X-Request-Id of the request' },
		details: {
			type: 'object',
			description: 'More about the error; `field` names the invalid field',
			properties: { field: { type: 'string' } },
			additionalProperties: true
		}
	}
};

/** The 400 of a failed validation, which the library adds to every validated route. */
export const validationErrorResponse: OpenAPIV3_1.ResponseObject = {
	description: ERROR_RESPONSES[400][1],
	content: errorContent
};

/** `components` of the document: schemas, responses and security schemes. */
export function sharedComponents(): OpenAPIV3_1.ComponentsObject {
	const responses: Record<string, OpenAPIV3_1.ResponseObject> = {
		Error: { description: 'Any error, including 500 `internal`', content: errorContent }
	};
	for (const [name, description] of Object.values(ERROR_RESPONSES)) {
		responses[name] = { description, content: errorContent };
	}
	return {
		schemas: { ApiError: apiErrorSchema },
		responses,
		securitySchemes: {
			[SESSION_SCHEME]: {
				type: 'apiKey',
				in: 'cookie',
				name: SESSION_COOKIE,
				description: 'The session cookie set by POST /auth/login'
			}
		}
	};
}
