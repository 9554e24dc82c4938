/**
 * The Worker wrangler runs and deploys (wrangler.toml `main`): SvelteKit's fetch handler, as
 * @sveltejs/adapter-cloudflare builds it into .svelte-kit/cloudflare/_worker.js (the adapter has
 * no way to add other handlers; wrangler.kit.toml tells it where to write), plus the `scheduled`
 * handler of the Cron Triggers in wrangler.toml. One worker, so the scheduled work has the same
 * bindings, code and deploy as the app. Plain JS outside src/: what it wraps exists only after
 * `vite build`.
 *
 * Public API reads (reference data, search, metrics: the routes of PUBLIC_CACHE_PARAMS) go
 * straight to the Hono app: they need no page, session or SvelteKit hook, and the app keys
 * their cache by canonical URL and figures' version (middleware/public-cache.ts), which the
 * adapter's whole-URL cache in front of SvelteKit would only duplicate.
 */
import kit from '../.svelte-kit/cloudflare/_worker.js';
import { getDb } from '../src/lib/server/db/client.ts';
import { runScheduled } from '../src/lib/server/scheduled/run.ts';
import { ShardRouter } from '../src/lib/server/db/shards.ts';
import { createApiApp } from '../src/lib/server/api/app.ts';
import { publicParams } from '../src/lib/server/api/middleware/public-cache.ts';

const api = createApiApp();

/**
 * A public API read (or the health check, whose counters these reads keep), or the base map's
 * tiles and style (public, cached by archive etag: api/routes/basemap.ts).
 * @param {Request} request
 */
function isPublicRead(request) {
	if (request.method !== 'GET') return false;
	const path = new URL(request.url).pathname;
	return (
		publicParams(path) !== null ||
		path === '/api/health' ||
		path.startsWith('/api/health/') ||
		path.startsWith('/api/basemap/')
	);
}

export default {
	/** @param {Request} request @param {any} env @param {ExecutionContext} ctx */
	fetch: (request, env, ctx) =>
		isPublicRead(request) ? api.fetch(request, env, ctx) : kit.fetch(request, env, ctx),

	/** @param {ScheduledController} controller @param {any} env */
	async scheduled(controller, env) {
		const db = getDb(env.DB);
		const report = await runScheduled(db, {
			cron: controller.cron,
			now: new Date(controller.scheduledTime),
			settings: env,
			archive: env.ARCHIVE,
			shards: new ShardRouter(env, db, { many: true })
		});
		console.log(JSON.stringify({ scheduled: report }));
	}
};
