/**
 * Request body limits, checked before anything reads the body (and before the session lookup):
 * a declared Content-Length over the limit is refused at once, a streamed body as soon as it
 * passes the limit. Hono's own body-limit middleware does the counting; this file holds the one
 * table of limits.
 */
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ApiError } from '../errors.ts';
import { MAX_CSV_BYTES, MAX_HOUSEHOLD_CSV_BYTES } from './csv-body.ts';
import { MAX_UPLOAD_BYTES } from '../../../domain/guides/limits.ts';

const KB = 1024;

/** Every JSON body not listed below: the largest form (a household, a team) is a few KB. */
export const DEFAULT_BODY_LIMIT = 128 * KB;

export interface BodyLimitRule {
	method: string;
	/** The full path, `/api/…`, exactly as routed. */
	path: string;
	maxBytes: number;
}

/**
 * The routes allowed more than the default, and why (figures measured in
 * tests/api/boundary.test.ts, which fails when a realistic body no longer fits).
 */
export const BODY_LIMITS: readonly BodyLimitRule[] = [
	// A team plan of 2,000 households over many outings, every house also a revisit, with a
	// drawn area of 500 points: about 200 KB (201,620 bytes).
	{ method: 'POST', path: '/api/routes', maxBytes: 512 * KB },
	// A sync of MAX_VISITS_PER_SYNC (500) visits, each with a full 1,000-letter Vietnamese note
	// and every service: about 1 MB.
	{ method: 'POST', path: '/api/visits', maxBytes: 2 * KB * KB },
	{ method: 'POST', path: '/api/teams/import', maxBytes: MAX_CSV_BYTES },
	{ method: 'POST', path: '/api/hamlets/import', maxBytes: MAX_CSV_BYTES },
	{ method: 'POST', path: '/api/households/import', maxBytes: MAX_HOUSEHOLD_CSV_BYTES },
	{ method: 'POST', path: '/api/official-stats/import', maxBytes: MAX_CSV_BYTES },
	// A guide's zip (guide.md and its pictures; domain/guides/limits.ts).
	{ method: 'POST', path: '/api/guides', maxBytes: MAX_UPLOAD_BYTES }
];

/** The most bytes a request to this method and path may send. */
export function bodyLimitFor(method: string, path: string): number {
	const rule = BODY_LIMITS.find((r) => r.method === method && r.path === path);
	return rule?.maxBytes ?? DEFAULT_BODY_LIMIT;
}

function sizeInWords(bytes: number): string {
	return bytes >= KB * KB ? `${bytes / KB / KB} MB` : `${bytes / KB} KB`;
}

const limiters = new Map<number, MiddlewareHandler>();

function limiter(maxBytes: number): MiddlewareHandler {
	let mw = limiters.get(maxBytes);
	if (!mw) {
		mw = bodyLimit({
			maxSize: maxBytes,
			onError: () => {
				throw new ApiError(
					'too_large',
					413,
					`The request body is larger than ${sizeInWords(maxBytes)}`,
					{ maxBytes }
				);
			}
		});
		limiters.set(maxBytes, mw);
	}
	return mw;
}

/** 413 `too_large` when the body is over its route's limit (BODY_LIMITS, else the default). */
export const limitBody: MiddlewareHandler = (c, next) =>
	limiter(bodyLimitFor(c.req.method, c.req.path))(c, next);
