/**
 * The Hono environment for routes that know who is calling, and the helpers every such route
 * uses: require a login, and write audit entries.
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { ApiBindings, ApiVariables } from '../types.ts';
import { ApiError } from '../errors.ts';
import type { Actor } from '../../../domain/scope.ts';
import type { UserRow } from '../../auth/users.ts';
import { addVary } from '../../auth/headers.ts';

export interface AuthVariables extends ApiVariables {
	/** The logged-in user, or null for the public. Set by the session middleware. */
	actor: Actor | null;
	user: UserRow | null;
	sessionId: string | null;
}

export interface AuthEnv {
	Bindings: ApiBindings;
	Variables: AuthVariables;
}

/** The caller's actor; throws 401 `unauthenticated` for the public. */
export function requireActor(c: Context<AuthEnv>): Actor {
	const actor = c.get('actor');
	if (!actor) throw new ApiError('unauthenticated', 401, 'Log in first');
	return actor;
}

/** Throws 403 `forbidden` unless `allowed`. */
export function ensure(allowed: boolean, what = 'this'): void {
	if (!allowed) throw new ApiError('forbidden', 403, `You may not do ${what}`);
}

/**
 * Marks a sub-app's responses private and uncacheable: they depend on who asks and may hold
 * personal data, which neither shared caches nor the service worker may keep.
 */
export const noStore: MiddlewareHandler<AuthEnv> = async (c, next) => {
	await next();
	c.res.headers.set('Cache-Control', 'private, no-store');
	addVary(c.res.headers, 'Cookie');
};
