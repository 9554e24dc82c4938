/**
 * The Hono JSON API, mounted under /api. One sub-app per resource; a database per request;
 * one error translator.
 */
import { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import type { ApiEnv } from './types.ts';
import { ApiError, handleApiError } from './errors.ts';
import { getDb } from '../db/client.ts';
import { health } from './routes/health.ts';
import { provincesApi } from './routes/provinces.ts';
import { communesApi } from './routes/communes.ts';
import { searchApi } from './routes/search.ts';

/** Builds the API app. Bindings (D1) come from the request's env. */
export function createApiApp() {
	const app = new Hono<ApiEnv>().basePath('/api');
	app.use(requestId());
	app.use(async (c, next) => {
		c.set('db', getDb(c.env.DB));
		await next();
	});
	app.route('/health', health);
	app.route('/provinces', provincesApi);
	app.route('/communes', communesApi);
	app.route('/search', searchApi);
	app.notFound((c) =>
		handleApiError(new ApiError('not_found', 404, `No API route ${c.req.method} ${c.req.path}`), c)
	);
	app.onError(handleApiError);
	return app;
}

export type ApiApp = ReturnType<typeof createApiApp>;
