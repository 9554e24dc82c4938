import type { RequestHandler } from './$types';
import { error } from '@sveltejs/kit';
import { createApiApp } from '$lib/server/api/app';

const app = createApiApp();

/** Hands every /api request to the Hono app with this request's bindings. */
const handler: RequestHandler = ({ request, platform }) => {
	if (!platform) error(503, 'Platform bindings are not available');
	return app.fetch(request, platform.env, platform.ctx);
};

export const GET = handler;
export const POST = handler;
export const PUT = handler;
export const PATCH = handler;
export const DELETE = handler;
export const OPTIONS = handler;
