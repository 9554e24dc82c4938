/**
 * CSRF protection for the JSON API. SvelteKit checks only form posts, so every unsafe method
 * here must come from this origin: a browser says so with Sec-Fetch-Site (same-origin) or, in
 * older browsers, with an Origin equal to ours. Requests with neither header are not from a
 * browser page and carry no ambient cookie risk, so they pass (scripts, the CLI, tests).
 */
import type { MiddlewareHandler } from 'hono';
import { ApiError } from '../errors.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Refuses cross-site unsafe requests with 403 `csrf`. */
export const csrf: MiddlewareHandler = async (c, next) => {
	if (!SAFE_METHODS.has(c.req.method)) {
		const site = c.req.header('sec-fetch-site');
		const origin = c.req.header('origin');
		const own = new URL(c.req.url).origin;
		if (site !== undefined && site !== 'same-origin' && site !== 'none') {
			throw new ApiError('csrf', 403, `Cross-site request refused (Sec-Fetch-Site: ${site})`);
		}
		if (origin !== undefined && origin !== own) {
			throw new ApiError('csrf', 403, `Cross-origin request refused (Origin: ${origin})`);
		}
	}
	await next();
};
