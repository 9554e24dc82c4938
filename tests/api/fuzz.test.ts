/**
 * Property-based fuzzing of the whole API (issue 13): every route of the Hono app, as the public
 * and as every role, gets malformed, oversized and type-confused JSON bodies, query strings and
 * CSV files. Whatever is sent: never a 500, and a refused request (4xx) writes nothing.
 *
 * The routes come from the app itself (`app.routes`), so a new route is fuzzed without editing
 * this file. PROPERTY_RUNS sets the number of random requests (default 40, about 20 s; try 2000 for a
 * stress run); a failure prints the seed and the shrunk request to replay.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { eq, type Table } from 'drizzle-orm';
import type { TestDb } from './support/db.ts';
import { useSeededDb } from './support/seeded-db.ts';
import {
	call,
	makeHamlet,
	makeMember,
	makeTeam,
	makeUser,
	type TestUser,
	shardOf
} from './support/accounts-factory.ts';
import { makeRoute } from './support/field-factory.ts';
import { household, insertServices, insertHouseholdsIn } from './support/records-factory.ts';
import { createApiApp } from '../../src/lib/server/api/app.ts';
import { bodyLimitFor } from '../../src/lib/server/api/middleware/body-limit.ts';
import { PROVINCE_HEADER } from '../../src/lib/server/api/middleware/shard.ts';
import * as schema from '../../src/lib/server/db/schema/index.ts';
import type { Db } from '../../src/lib/server/db/client.ts';
import type { ShardDb } from '../../src/lib/server/db/shards.ts';
import { ROLES } from '../../src/lib/domain/roles.ts';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 40);

/** Routes whose success ends the caller's own session: fuzzing them only logs the fuzzer out. */
const SKIPPED = new Set(['POST /api/auth/logout']);

interface Route {
	method: string;
	path: string;
}

/** Every concrete route of the API, once each. */
function apiRoutes(): Route[] {
	const seen = new Map<string, Route>();
	for (const r of createApiApp().routes) {
		if (r.method === 'ALL' || r.path.includes('*')) continue;
		const key = `${r.method} ${r.path}`;
		if (!SKIPPED.has(key)) seen.set(key, { method: r.method, path: r.path });
	}
	return [...seen.values()];
}

/** The tables a write touches; a refused request must leave every one as it was. */
const WRITTEN = {
	teams: schema.teams,
	members: schema.members,
	hamlets: schema.hamlets,
	invites: schema.invites,
	users: schema.users
};
/** The same, of the records that live in the province shards (docs/sharding.md). */
const WRITTEN_IN_SHARDS = {
	households: schema.households,
	routes: schema.routes,
	routeStops: schema.routeStops,
	visits: schema.visits,
	visitServices: schema.visitServices,
	syncDevices: schema.syncDevices,
	visitConflicts: schema.visitConflicts
};

let t: TestDb;
let callers: { name: string; cookie?: string }[];
let ids: string[];

/** Every written table of one database, in one batch. */
async function tablesOf(db: Db | ShardDb, tables: Table[]): Promise<unknown[]> {
	const [first, ...rest] = tables.map((tb) => db.select().from(tb));
	return db.batch([first!, ...rest]);
}

/**
 * The global tables (with the global copies of the shard tables, which nothing should write now)
 * and every shard's records.
 */
async function snapshot(): Promise<string> {
	const shardTables = Object.values(WRITTEN_IN_SHARDS);
	const rows = [await tablesOf(t.db, [...Object.values(WRITTEN), ...shardTables])];
	for (const s of t.shards.all()) rows.push(await tablesOf(s.db, shardTables));
	return JSON.stringify(rows);
}

useSeededDb(async (db) => {
	t = db;
	await insertServices(t.db);
	const team = await makeTeam(t.db);
	const hamlet = await makeHamlet(t.db);
	const member = await makeMember(t.db, team);
	const hh = [household({ provinceCode: '19', communeCode: '05569' }, { address: 'Số 3, ngõ 7' })];
	await insertHouseholdsIn(t, hh);
	const routeId = await makeRoute(shardOf(t), team.id, member.id, [hh[0]!.id!]);
	const users: TestUser[] = [];
	for (const role of ROLES) {
		const teamId = role === 'team_leader' || role === 'member' ? team.id : null;
		users.push(await makeUser(t.db, role, 'own', teamId));
	}
	const memberUser = users.find((u) => u.role === 'member')!;
	await t.db
		.update(schema.users)
		.set({ memberId: member.id })
		.where(eq(schema.users.id, memberUser.id));
	callers = [{ name: 'public' }, ...users.map((u) => ({ name: u.role, cookie: u.cookie }))];
	ids = [team.id, hamlet.id, member.id, hh[0]!.id!, routeId];
}, 60_000);

// ---- what is sent -------------------------------------------------------------------------

const junkText = fc.oneof(
	fc.string({ maxLength: 40 }),
	fc.constantFrom(
		'',
		'05569',
		'19',
		'-1',
		'0',
		'1',
		'1e309',
		'NaN',
		'null',
		'%',
		'_',
		'\u0000',
		'\u202e',
		'../..',
		"' OR 1=1 --",
		'ệ'.repeat(80),
		'a'.repeat(300)
	)
);

const pathValue = fc.oneof(fc.constantFrom(...['05569', '19', '00004', 'x']), junkText);

const QUERY_NAMES = ['commune', 'province', 'team', 'hamlet', 'q', 'limit', 'metric', 'commit'];
const QUERY_NAMES_ALL = [...QUERY_NAMES, 'since', 'status', 'page', 'x'];
const queryString = fc
	.array(fc.tuple(fc.constantFrom(...QUERY_NAMES_ALL), junkText), { maxLength: 4 })
	.map((pairs) =>
		pairs.length === 0 ? '' : '?' + pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')
	);

const FIELDS = [
	'name',
	'fullName',
	'displayName',
	'phone',
	'email',
	'login',
	'password',
	'currentPassword',
	'newPassword',
	'role',
	'active',
	'communeCode',
	'provinceCode',
	'teamId',
	'hamletId',
	'memberId',
	'assigneeMemberId',
	'address',
	'adults',
	'lon',
	'lat',
	'kind',
	'note',
	'plannedOn',
	'session',
	'householdIds',
	'routes',
	'visits',
	'deviceId',
	'sentAt',
	'doNotContact',
	'consent',
	'area',
	'start',
	'foundedOn',
	'teamRole',
	'onetouchStatus',
	'unionAffiliation',
	'reason'
];

const confusedValue = fc.oneof(
	fc.jsonValue({ maxDepth: 3 }),
	fc.constantFrom(null, true, -1, 0, 1e308, -1e308, '', [], {}, [null], { id: 1 }),
	junkText
);

/** A JSON text of the right syntax and the wrong types (or no object at all). */
const confusedJson = fc
	.oneof(
		fc.dictionary(fc.constantFrom(...FIELDS), confusedValue, { maxKeys: 6 }),
		fc.jsonValue({ maxDepth: 2 })
	)
	.map((v) => JSON.stringify(v) ?? 'null');

/** Text that is not JSON, or is JSON that JavaScript alone would accept. */
const malformedJson = fc.oneof(
	fc.constantFrom(
		'{',
		'',
		' ',
		'{"a":NaN}',
		'{"a":Infinity}',
		'{"a":undefined}',
		"{'a':1}",
		'{"a":1,}',
		'[',
		'nul',
		'"',
		'\u0000',
		'\ufeff{}',
		'{"__proto__":{"admin":true}}',
		'[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[',
		'1e999999'
	),
	fc.string({ maxLength: 60 })
);

const CSV_CELLS = ['"', '""', '"unclosed', 'ệ', '\r', '\r\n', ';', ',', '05569', '=1+1', ''];
/** A CSV file of mixed sense: broken quotes, stray separators, line ends of every kind. */
const csvFile = fc
	.array(
		fc.array(fc.oneof(fc.constantFrom(...CSV_CELLS), fc.string({ maxLength: 12 })), {
			maxLength: 6
		}),
		{ maxLength: 8 }
	)
	.map((rows) => rows.map((r) => r.join(',')).join('\n'));

const body = fc.oneof(
	fc.record({ text: malformedJson, type: fc.constant('application/json') }),
	fc.record({ text: confusedJson, type: fc.constant('application/json') }),
	fc.record({ text: confusedJson, type: fc.constantFrom('text/plain', '') }),
	fc.record({ text: csvFile, type: fc.constantFrom('text/csv', 'application/json') })
);

// ---- the property -----------------------------------------------------------------------

function fill(path: string, values: string[]): string {
	let i = 0;
	return path.replace(/:[A-Za-z]+/g, () => encodeURIComponent(values[i++ % values.length]!));
}

async function send(
	route: Route,
	caller: { cookie?: string },
	path: string,
	payload: { text: string; type: string } | null
) {
	// As the pages do: a national admin's request about a record names the province of its shard
	// (without it: 400 province_required before any handler runs, which would fuzz nothing).
	const headers: Record<string, string> = { [PROVINCE_HEADER]: '19' };
	if (payload?.type) headers['content-type'] = payload.type;
	const hasBody = payload !== null && route.method !== 'GET';
	return call(t, path, {
		method: route.method,
		cookie: caller.cookie,
		headers,
		body: hasBody ? payload.text : undefined
	});
}

/** The written tables as they were after the last accepted request. */
let baseline: string | undefined;

/** Sends one request; fails on a 500, or on a refusal that changed a written table. */
async function check(
	route: Route,
	caller: { name: string; cookie?: string },
	path: string,
	payload: { text: string; type: string } | null
) {
	baseline ??= await snapshot();
	const res = await send(route, caller, path, payload);
	const what = `${caller.name}: ${route.method} ${path} ${JSON.stringify(payload)?.slice(0, 200)}`;
	expect(res.status, `${what} → ${await res.clone().text()}`).toBeLessThan(500);
	await res.body?.cancel();
	const after = await snapshot();
	if (res.status >= 400) expect(after, `${what} wrote despite ${res.status}`).toBe(baseline);
	baseline = after;
}

describe('the API under fuzzed input', () => {
	it('lists its routes from the app, writes included', () => {
		const routes = apiRoutes();
		expect(routes.length).toBeGreaterThan(30);
		expect(routes.map((r) => `${r.method} ${r.path}`)).toEqual(
			expect.arrayContaining(['POST /api/teams', 'POST /api/visits', 'POST /api/households/import'])
		);
	});

	it(
		'answers every route, for every caller, with no 500 and no write on refusal',
		async () => {
			const routes = apiRoutes();
			await fc.assert(
				fc.asyncProperty(
					fc.constantFrom(...routes),
					fc.nat({ max: callers.length - 1 }),
					fc.array(fc.oneof(fc.constantFrom(...ids), pathValue), { minLength: 1, maxLength: 3 }),
					queryString,
					fc.option(body, { nil: null }),
					async (route, who, values, query, payload) => {
						await check(route, callers[who]!, fill(route.path, values) + query, payload);
					}
				),
				{ numRuns: RUNS }
			);
		},
		Math.max(120_000, RUNS * 1_000)
	);

	it('refuses a body over each route’s limit with 413 and writes nothing', async () => {
		const admin = callers.find((c) => c.name === 'commune_admin')!;
		baseline = await snapshot();
		for (const route of apiRoutes().filter((r) => r.method !== 'GET')) {
			const over = `{"name":"${'x'.repeat(bodyLimitFor(route.method, route.path))}"}`;
			const path = fill(route.path, ids) + '?commune=05569';
			const res = await send(route, admin, path, { text: over, type: 'application/json' });
			expect(res.status, `${route.method} ${route.path}`).toBe(413);
		}
		expect(await snapshot()).toBe(baseline);
	}, 60_000);

	it('refuses each classic malformed body on every write route with a 4xx, writing nothing', async () => {
		const admin = callers.find((c) => c.name === 'commune_admin')!;
		const before = await snapshot();
		for (const route of apiRoutes().filter((r) => r.method !== 'GET')) {
			for (const text of ['{', '', '{"a":NaN}']) {
				const path = fill(route.path, ids) + '?commune=05569';
				const res = await send(route, admin, path, { text, type: 'application/json' });
				const what = `${route.method} ${route.path} ${JSON.stringify(text)} → ${res.status}`;
				// An import without commit=1 is a preview: it may answer 200 with the file's errors.
				const refused = res.status >= 400 || route.path.endsWith('/import');
				expect(res.status < 500 && refused, what).toBe(true);
				await res.body?.cancel();
			}
		}
		expect(await snapshot()).toBe(before);
	}, 60_000);
});
