/**
 * The scale benchmark's leader and member requests end to end, as a browser sends them: HTTP to
 * the built worker (`wrangler dev` on the scale database, one database for the global D1 and the
 * shard), with the session lookup, scope checks, audit entry and JSON every route adds. Here D1
 * runs in the worker's own process, so a query costs no proxy round trip: the figure is the
 * worker's and the database's work, without the network between them that production adds
 * (a few ms a query where the Worker runs near its D1).
 *
 *   npm run build && node bench/scale-http.ts [--runs N]   (after `node bench/scale.ts --generate`)
 *
 * The accounts it logs in with (one member, their team leader, the ward's commune admin) are
 * created once through the app's own account code and kept.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { withLocalDb } from '../scripts/lib/local-d1.ts';
import { repoRoot } from '../scripts/lib/paths.ts';
import { createAccount } from '../src/lib/server/auth/accounts.ts';
import { findUserByLogin } from '../src/lib/server/auth/users.ts';
import { printMachine } from './lib/machine.ts';
import { pickSubjects, type ScaleSubjects } from './lib/scale-subjects.ts';
import { dbsOf } from './lib/scale-measure.ts';
import { startWranglerDev } from './lib/wrangler-dev.ts';
import { load } from './lib/http-load.ts';

const { values } = parseArgs({
	options: { runs: { type: 'string', default: '30' }, port: { type: 'string', default: '8795' } }
});
const runs = Number(values.runs);
const persistTo = resolve(repoRoot, process.env.TUNG_NGO_SCALE_DIR ?? '.wrangler/scale');
const PASSWORD = 'scale-bench-password-1';
const GOAL_MS = 50;

type Who = 'member' | 'leader' | 'communeAdmin';
const LOGINS: Record<Who, string> = {
	member: 'scale-member@bench.tungngo.vn',
	leader: 'scale-leader@bench.tungngo.vn',
	communeAdmin: 'scale-commune@bench.tungngo.vn'
};

/** The three accounts, made once through createAccount (the same checks as any account). */
async function ensureAccounts(): Promise<ScaleSubjects> {
	return withLocalDb(async ({ d1 }) => {
		const { db } = dbsOf(d1);
		const s = await pickSubjects(db);
		const grants: Record<Who, Parameters<typeof createAccount>[1]> = {
			member: {
				displayName: 'Thành viên (benchmark)',
				password: PASSWORD,
				role: 'member',
				...s.ward,
				teamId: s.team.id,
				memberId: s.member.memberId
			},
			leader: {
				displayName: 'Tổ trưởng (benchmark)',
				password: PASSWORD,
				role: 'team_leader',
				...s.ward,
				teamId: s.team.id
			},
			communeAdmin: {
				displayName: 'Quản trị xã (benchmark)',
				password: PASSWORD,
				role: 'commune_admin',
				...s.ward
			}
		};
		for (const who of Object.keys(LOGINS) as Who[]) {
			const email = LOGINS[who];
			if (!(await findUserByLogin(db, { kind: 'email', value: email })))
				await createAccount(db, { ...grants[who], email });
		}
		return s;
	}, persistTo);
}

async function logIn(url: string, who: Who): Promise<string> {
	const res = await fetch(`${url}/api/auth/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ login: LOGINS[who], password: PASSWORD })
	});
	if (!res.ok) throw new Error(`log-in as ${who}: ${res.status} ${await res.text()}`);
	return res.headers
		.getSetCookie()
		.map((c) => c.split(';')[0])
		.join('; ');
}

printMachine();
const s = await ensureAccounts().catch((e: unknown) => {
	console.error(
		`No filled scale database in ${persistTo}: run \`node bench/scale.ts --generate\` first ` +
			`(${e instanceof Error ? e.message : String(e)}).`
	);
	process.exit(1);
});
const server = await startWranglerDev({
	port: Number(values.port),
	persistTo,
	logFile: '/tmp/tung-ngo-scale-http.log',
	vars: { PROVINCE_SHARDS: '' }
});
try {
	const cookies = {
		member: await logIn(server.url, 'member'),
		leader: await logIn(server.url, 'leader'),
		communeAdmin: await logIn(server.url, 'communeAdmin')
	};
	const mine = (await (
		await fetch(`${server.url}/api/field/routes`, { headers: { cookie: cookies.member } })
	).json()) as { routes: { id: string }[] };
	const fieldRoute = mine.routes[0]?.id;
	if (!fieldRoute) throw new Error('the member has no outing to open in field mode');
	const w = `commune=${s.ward.communeCode}`;
	const cases: { name: string; who: Who; path: string }[] = [
		{ name: 'static asset (reference)', who: 'member', path: '/manifest.webmanifest' },
		{ name: 'my routes', who: 'member', path: '/api/routes/mine' },
		{ name: 'my routes in field mode', who: 'member', path: '/api/field/routes' },
		{ name: 'route pack for field mode', who: 'member', path: `/api/field/routes/${fieldRoute}` },
		{ name: 'route view', who: 'leader', path: `/api/routes/${s.routeId}` },
		{ name: 'routes of the team', who: 'leader', path: `/api/routes?${w}` },
		{ name: "leader's day, one team", who: 'leader', path: `/api/overview?${w}` },
		{ name: 'planning list, the team’s khu phố', who: 'leader', path: `/api/households?${w}` },
		{ name: 'planning page of the ward: count', who: 'communeAdmin', path: `/api/households?${w}` },
		{
			name: 'planning page of the ward: one khu phố',
			who: 'communeAdmin',
			path: `/api/households?${w}&hamlet=${s.team.hamletId}`
		},
		{
			name: 'outings of one khu phố (commune admin)',
			who: 'communeAdmin',
			path: `/api/routes?${w}&hamlet=${s.team.hamletId}`
		},
		{
			name: 'routes of the ward asked whole: the count',
			who: 'communeAdmin',
			path: `/api/routes?${w}`
		},
		{
			name: "commune admin's day of the ward, as it opens",
			who: 'communeAdmin',
			path: `/api/overview?${w}`
		},
		{
			name: "commune admin's day, the team's khu phố",
			who: 'communeAdmin',
			path: `/api/overview?${w}&hamlet=${s.team.hamletId}`
		}
	];
	console.log(
		`\n▶ ${runs} requests each, one after the other, after 3 to warm up (ms; goal p95 ≤ ${GOAL_MS})`
	);
	for (const c of cases) {
		const options = {
			connections: 1,
			url: () => `${server.url}${c.path}`,
			headers: { cookie: cookies[c.who] }
		};
		await load({ ...options, requests: 3 });
		const r = await load({ ...options, requests: runs });
		const bad = Object.keys(r.statuses).filter((code) => code !== '200');
		const kb = r.bytes / r.requests / 1024;
		const mark = c.path.startsWith('/api/') && r.p95 <= GOAL_MS ? ' ✓' : '';
		console.log(
			`${c.name.padEnd(42)} p50 ${r.p50.toFixed(0).padStart(5)}  p95 ${r.p95.toFixed(0).padStart(5)}` +
				`  ${kb.toFixed(1).padStart(6)} KB${mark}${bad.length ? `  statuses ${JSON.stringify(r.statuses)}` : ''}`
		);
	}
} finally {
	server.stop();
}
