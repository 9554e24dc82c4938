import type { MiddlewareHandler } from 'hono';
import { API_CSP, applySecurityHeaders } from '../../auth/headers.ts';

/** Adds the security headers (and the API's strict CSP) to every API response, errors too. */
export const securityHeaders: MiddlewareHandler = async (c, next) => {
	await next();
	applySecurityHeaders(c.res.headers, API_CSP);
};
