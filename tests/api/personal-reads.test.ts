/**
 * Every read of personal data leaves an audit entry (Law 91/2025). The GET routes are taken
 * from the API app itself, so a new route fails this test until it is classified here: either
 * it returns personal data (and must be audited), or it says why it does not.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, gt, inArray } from 'drizzle-orm';
import { openFieldDb, type FieldWorld } from './support/field-factory.ts';
import { call, makeUser, type TestUser } from './support/accounts-factory.ts';
import type { TestDb } from './support/db.ts';
import { auditLog } from '../../src/lib/server/db/schema/index.ts';
import { createApiApp } from '../../src/lib/server/api/app.ts';

let t: TestDb;
let w: FieldWorld;
let admin: TestUser;

beforeAll(async () => {
	({ t, w } = await openFieldDb(3));
	admin = await makeUser(t.db, 'commune_admin');
});
afterAll(() => t.close());

type Who = 'admin' | 'member';
interface Personal {
	/** The URL to call, ids filled in. */
	url: (w: FieldWorld) => string;
	who: Who;
}

/** Routes that return names, phones, households' places or visits: each read is audited. */
const PERSONAL: Record<string, Personal> = {
	'/api/users': { url: () => '/api/users?commune=05569', who: 'admin' },
	'/api/invites': { url: () => '/api/invites?commune=05569', who: 'admin' },
	'/api/teams/export': { url: () => '/api/teams/export?commune=05569', who: 'admin' },
	'/api/teams/:id/members': { url: (w) => `/api/teams/${w.teamId}/members`, who: 'admin' },
	'/api/hamlets/export': { url: () => '/api/hamlets/export?commune=05569', who: 'admin' },
	'/api/audit': { url: () => '/api/audit?commune=05569', who: 'admin' },
	'/api/households': { url: () => '/api/households?commune=05569', who: 'admin' },
	'/api/households/:id': { url: (w) => `/api/households/${w.householdIds[0]}`, who: 'admin' },
	'/api/routes': { url: () => '/api/routes?commune=05569', who: 'admin' },
	'/api/routes/:id': { url: (w) => `/api/routes/${w.routeId}`, who: 'admin' },
	'/api/overview': { url: () => '/api/overview?commune=05569', who: 'admin' },
	'/api/progress': { url: () => '/api/progress?commune=05569', who: 'admin' },
	'/api/progress.csv': { url: () => '/api/progress.csv?commune=05569', who: 'admin' },
	'/api/routes/mine': { url: () => '/api/routes/mine', who: 'member' },
	'/api/visits/mine': { url: () => '/api/visits/mine', who: 'member' },
	'/api/field/routes': { url: () => '/api/field/routes', who: 'member' },
	'/api/field/routes/:id': { url: (w) => `/api/field/routes/${w.routeId}`, who: 'member' },
	'/api/personal-data/households/:id/export': {
		url: (w) => `/api/personal-data/households/${w.householdIds[0]}/export?reason=yeu-cau`,
		who: 'admin'
	},
	'/api/personal-data/members/:id/export': {
		url: (w) => `/api/personal-data/members/${w.memberId}/export?reason=yeu-cau`,
		who: 'admin'
	},
	'/api/personal-data/review': {
		url: () => '/api/personal-data/review?commune=05569',
		who: 'admin'
	},
	'/api/help-requests': { url: () => '/api/help-requests?commune=05569', who: 'admin' }
};

/** Routes that return no one's personal data, and why. */
const NOT_PERSONAL: Record<string, string> = {
	'/api/health': 'the service state',
	'/api/basemap/tiles/:z/:x/:file': 'base map tiles (streets, no households)',
	'/api/basemap/style.json': 'the base map style',
	'/api/basemap/graphs/:code': "a commune's street network (streets only, no households)",
	'/api/health/public-reads': 'counters of the public read path (benchmarks only)',
	'/api/openapi.json': 'the description of the API',
	'/api/provinces': 'places',
	'/api/provinces/:code': 'a place',
	'/api/communes': 'places',
	'/api/communes/:code': 'a place',
	'/api/search': 'place names',
	'/api/metrics': 'published aggregates',
	'/api/metrics/communes': 'published aggregates',
	'/api/metrics/areas/:code': 'published aggregates',
	'/api/metrics/months': 'the months that have published figures',
	'/api/metrics/series/:code': 'published aggregates, month by month',
	'/api/auth/me': "the caller's own account",
	'/api/visits/devices': "the caller's own devices",
	'/api/invites/token/:token': 'the role and place an invite offers, no person',
	'/api/teams': 'team names and counts',
	'/api/forecast': 'households known and first visited per week, and forecast dates (counts)',
	'/api/teams/:id': 'a team name and its hamlet',
	'/api/hamlets': 'hamlet names and points',
	'/api/official-stats': 'official figures per commune, month and service (no person)',
	'/api/official-stats/template.csv': 'an empty CSV template',
	'/api/exports/metrics.csv': 'published aggregates, as a file',
	'/api/exports/metrics.xlsx': 'published aggregates, as a file',
	'/api/exports/metrics.geojson': 'published aggregates with area outlines',
	'/api/reports': 'reports of published aggregates: area, period, status',
	'/api/reports/:area/:period': "a report's published aggregates, the map's figures",
	'/api/reports/:file{[0-9a-f-]+\\.(?:csv|xlsx)}': "a report's published aggregates, as a file",
	'/api/reports/:id': "a report's published aggregates",
	'/api/guides': 'training guides: titles, sizes, file names (no person)',
	'/api/guides/files/:name': "a guide's step cards or a picture (no person)",
	'/api/guides/:slug/versions':
		"a guide's versions and the admin account that published each (admins only; staff, no resident)",
	'/api/help-requests/status/:code':
		"a help request's status and services (no phone, place or name)",
	'/api/help-requests/unplanned': 'a count of requests waiting and the oldest date',
	'/api/open311/v2/services.json': 'the services one may ask help with',
	'/api/open311/v2/services/:file': "a service's attributes",
	'/api/open311/v2/requests/:file': "a help request's status (no phone, place or name)"
};

const getRoutes = () => [
	...new Set(createApiApp().routes.flatMap((r) => (r.method === 'GET' ? [r.path] : [])))
];

describe('personal-data reads', () => {
	it('classifies every GET route of the API', () => {
		const unclassified = getRoutes().filter((p) => !(p in PERSONAL) && !(p in NOT_PERSONAL));
		expect(unclassified).toEqual([]);
		const gone = [...Object.keys(PERSONAL), ...Object.keys(NOT_PERSONAL)].filter(
			(p) => !getRoutes().includes(p)
		);
		expect(gone).toEqual([]);
	});

	it.each(Object.entries(PERSONAL))('audits each read of %s', async (path, p) => {
		const user = p.who === 'admin' ? admin : w.user;
		const before = Date.now() - 1;
		const res = await call(t, p.url(w), { cookie: user.cookie });
		expect(res.status, `${path}: ${await res.clone().text()}`).toBe(200);
		const entries = await t.db
			.select()
			.from(auditLog)
			.where(
				and(
					eq(auditLog.actorUserId, user.id),
					inArray(auditLog.kind, ['read', 'export']),
					gt(auditLog.at, before)
				)
			);
		expect(entries.length, `${path} wrote no audit entry`).toBeGreaterThan(0);
	});
});
