/**
 * The Hono JSON API, mounted under /api. One sub-app per resource; a database per request;
 * one error translator.
 */
import { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import type { AuthEnv } from './middleware/env.ts';
import { ApiError, handleApiError } from './errors.ts';
import { getDb } from '../db/client.ts';
import { ShardRouter } from '../db/shards.ts';
import { clientIp } from '../auth/login.ts';
import { health } from './routes/health.ts';
import { provincesApi } from './routes/provinces.ts';
import { communesApi } from './routes/communes.ts';
import { searchApi } from './routes/search.ts';
import { securityHeaders } from './middleware/security-headers.ts';
import { csrf } from './middleware/csrf.ts';
import { limitBody } from './middleware/body-limit.ts';
import { publicCache } from './middleware/public-cache.ts';
import { session } from './middleware/session.ts';
import { authApi } from './routes/auth.ts';
import { usersApi } from './routes/users.ts';
import { invitesApi } from './routes/invites.ts';
import { teamsApi } from './routes/teams.ts';
import { membersApi } from './routes/members.ts';
import { hamletsApi } from './routes/hamlets.ts';
import { auditApi } from './routes/audit.ts';
import { teamsCsvApi } from './routes/teams-csv.ts';
import { hamletsCsvApi } from './routes/hamlets-csv.ts';
import { metricsApi } from './routes/metrics.ts';
import { householdsApi } from './routes/households.ts';
import { householdsCsvApi } from './routes/households-csv.ts';
import { visitRoutesApi } from './routes/visit-routes.ts';
import { visitsApi } from './routes/visits.ts';
import { fieldApi } from './routes/field.ts';
import { overviewApi } from './routes/overview.ts';
import { progressApi } from './routes/progress.ts';
import { forecastApi } from './routes/forecast.ts';
import { personalDataApi } from './routes/personal-data.ts';
import { basemapApi } from './routes/basemap.ts';
import { officialStatsApi } from './routes/official-stats.ts';
import { reportsApi } from './routes/reports.ts';
import { exportsApi } from './routes/exports.ts';
import { openApiApi } from './routes/openapi.ts';
import { guidesApi } from './routes/guides.ts';
import { helpRequestsApi } from './routes/help-requests.ts';
import { open311Api } from './routes/open311.ts';

/** Builds the API app. Bindings (D1) come from the request's env. */
export function createApiApp() {
	const app = new Hono<AuthEnv>().basePath('/api');
	app.use(requestId());
	app.use(securityHeaders);
	// Before anything reads the body or looks up the session: a 20 MB body is refused unread.
	// Read before the body limit, which re-wraps the request without Cloudflare's `cf`.
	app.use(async (c, next) => {
		c.set('clientIp', clientIp(c.req.raw));
		await next();
	});
	app.use(limitBody);
	app.use(async (c, next) => {
		const db = getDb(c.env.DB);
		c.set('db', db);
		c.set('shards', new ShardRouter(c.env, db));
		await next();
	});
	// Public reference data, search and metrics, keyed without parameters the route does not read.
	app.use(publicCache);
	app.route('/basemap', basemapApi); // before the session: a tile never reads D1
	app.route('/openapi.json', openApiApi(app)); // the API's own document, public
	// Accounts: refuse cross-site writes, then resolve the caller (issue 4).
	app.use(csrf);
	app.use(session);
	app.route('/health', health);
	app.route('/provinces', provincesApi);
	app.route('/communes', communesApi);
	app.route('/search', searchApi);
	app.route('/auth', authApi);
	app.route('/users', usersApi);
	app.route('/invites', invitesApi);
	app.route('/teams', teamsCsvApi);
	app.route('/teams', teamsApi);
	app.route('/members', membersApi);
	app.route('/hamlets', hamletsCsvApi);
	app.route('/hamlets', hamletsApi);
	app.route('/audit', auditApi);
	app.route('/metrics', metricsApi);
	app.route('/exports', exportsApi);
	app.route('/households', householdsCsvApi);
	app.route('/households', householdsApi);
	app.route('/routes', visitRoutesApi);
	app.route('/visits', visitsApi);
	app.route('/field', fieldApi);
	app.route('/overview', overviewApi);
	app.route('/', progressApi); // /progress and /progress.csv
	app.route('/', forecastApi); // /forecast
	app.route('/personal-data', personalDataApi);
	app.route('/official-stats', officialStatsApi);
	app.route('/reports', reportsApi);
	app.route('/guides', guidesApi);
	app.route('/help-requests', helpRequestsApi);
	app.route('/open311/v2', open311Api);
	app.notFound((c) =>
		handleApiError(new ApiError('not_found', 404, `No API route ${c.req.method} ${c.req.path}`), c)
	);
	app.onError(handleApiError);
	return app;
}

export type ApiApp = ReturnType<typeof createApiApp>;
