import type { MiddlewareHandler } from 'hono';
import type { AuthEnv } from './env.ts';
import { readSessionCookie } from '../../auth/cookie.ts';
import { readSession } from '../../auth/session.ts';
import { toActor } from '../../auth/users.ts';

/**
 * Resolves the session cookie to the caller (or the public) on every API request; revoked,
 * expired or disabled sessions resolve to the public at once.
 */
export const session: MiddlewareHandler<AuthEnv> = async (c, next) => {
	const token = readSessionCookie(c.req.header('cookie'));
	const found = token ? await readSession(c.get('db'), token) : null;
	c.set('actor', found ? toActor(found.user) : null);
	c.set('user', found?.user ?? null);
	c.set('sessionId', found?.sessionId ?? null);
	await next();
};
