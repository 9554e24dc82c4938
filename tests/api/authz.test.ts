/**
 * The authorization matrix: every scoped API route × every role × own commune / foreign
 * commune (same province) / foreign province, asserting the exact set of roles let through.
 * Team leaders and members belong to a team of the own commune; province admins to its province.
 */
import { describe, expect, it } from 'vitest';
import { PROVINCE_HEADER } from '../../src/lib/server/api/middleware/shard.ts';
import type { TestDb } from './support/db.ts';
import { useSeededDb } from './support/seeded-db.ts';
import {
	AREAS,
	call,
	makeHamlet,
	makeMember,
	makeTeam,
	makeUser,
	type AreaName,
	type TestUser
} from './support/accounts-factory.ts';
import type { Role } from '../../src/lib/domain/roles.ts';
import { household, insertHouseholdsIn } from './support/records-factory.ts';
import { prepareRoutePlan } from '../../src/lib/server/db/writes/routes.ts';
import { runBatch } from '../../src/lib/server/db/bulk.ts';
import { users } from '../../src/lib/server/db/schema/index.ts';
import { eq } from 'drizzle-orm';

type Who = Role | 'public';
const WHO: Who[] = ['public', 'admin', 'province_admin', 'commune_admin', 'team_leader', 'member'];
const AREA_NAMES: AreaName[] = ['own', 'foreignCommune', 'foreignProvince'];

interface Fixture {
	communeCode: string;
	teamId: string;
	memberId: string;
	hamletId: string;
	memberUserId: string;
	inviteId: string;
	householdId: string;
	routeId: string;
}

let t: TestDb;
const actors = {} as Record<Who, TestUser | null>;
const fx = {} as Record<AreaName, Fixture>;
let n = 0;

async function fixture(area: AreaName, admin: TestUser): Promise<Fixture> {
	const team = await makeTeam(t.db, area);
	const member = await makeMember(t.db, team);
	const hamlet = await makeHamlet(t.db, area);
	const memberUser = await makeUser(t.db, 'member', area, team.id);
	const inv = await call(t, '/api/invites', {
		cookie: admin.cookie,
		body: { role: 'member', teamId: team.id }
	});
	const { invite } = (await inv.json()) as { invite: { id: string } };
	const hh = household(AREAS[area], {
		hamletId: hamlet.id,
		lon: 105.64,
		lat: 21.9,
		locationStatus: 'exact'
	});
	await insertHouseholdsIn(t, [hh]);
	const shard = t.shard(AREAS[area].provinceCode);
	const plan = await prepareRoutePlan(t.db, shard, {
		...AREAS[area],
		teamId: team.id,
		createdAt: Date.now(),
		routes: [
			{ id: `route-${area}`, name: 'Chuyến 1', householdIds: [hh.id], assigneeMemberId: member.id }
		]
	});
	await runBatch(shard, plan.statements);
	return {
		communeCode: AREAS[area].communeCode,
		teamId: team.id,
		memberId: member.id,
		hamletId: hamlet.id,
		memberUserId: memberUser.id,
		inviteId: invite.id,
		householdId: hh.id,
		routeId: `route-${area}`
	};
}

interface RouteCase {
	name: string;
	req: (f: Fixture) => { path: string; method?: string; body?: unknown };
	/** Roles allowed on own / foreign commune / foreign province. */
	allowed: [Who[], Who[], Who[]];
	/**
	 * A household or route named by its id: it is looked up in the caller's province's shard, so
	 * a scoped caller of another province does not find it (404) rather than being refused (403).
	 */
	byRecordId?: true;
}

const ALL: Who[] = ['admin', 'province_admin', 'commune_admin', 'team_leader', 'member'];
const ADMINS: Who[] = ['admin', 'province_admin', 'commune_admin'];
const seeCommune: RouteCase['allowed'] = [ALL, ['admin', 'province_admin'], ['admin']];
const administer: RouteCase['allowed'] = [ADMINS, ['admin', 'province_admin'], ['admin']];
const manageCommune: RouteCase['allowed'] = [['admin', 'commune_admin'], ['admin'], ['admin']];
const manageTeam: RouteCase['allowed'] = [
	['admin', 'commune_admin', 'team_leader'],
	['admin'],
	['admin']
];
const csv = (s: string) => new TextEncoder().encode(s);
/** Households and routes: admins of the scope and the commune's leaders; members via routes. */
const seeHouseholds: RouteCase['allowed'] = [
	['admin', 'province_admin', 'commune_admin', 'team_leader'],
	['admin', 'province_admin'],
	['admin']
];

const ROUTES: RouteCase[] = [
	{
		name: 'GET /api/teams',
		req: (f) => ({ path: `/api/teams?commune=${f.communeCode}` }),
		allowed: seeCommune
	},
	{
		name: 'GET /api/teams/:id',
		req: (f) => ({ path: `/api/teams/${f.teamId}` }),
		allowed: seeCommune
	},
	{
		name: 'GET /api/teams/:id/members',
		req: (f) => ({ path: `/api/teams/${f.teamId}/members` }),
		allowed: [
			['admin', 'province_admin', 'commune_admin', 'team_leader'],
			['admin', 'province_admin'],
			['admin']
		]
	},
	{
		name: 'GET /api/hamlets',
		req: (f) => ({ path: `/api/hamlets?commune=${f.communeCode}` }),
		allowed: seeCommune
	},
	{
		name: 'GET /api/users',
		req: (f) => ({ path: `/api/users?commune=${f.communeCode}` }),
		allowed: administer
	},
	{
		name: 'GET /api/invites',
		req: (f) => ({ path: `/api/invites?commune=${f.communeCode}` }),
		allowed: administer
	},
	{
		name: 'GET /api/audit',
		req: (f) => ({ path: `/api/audit?commune=${f.communeCode}` }),
		allowed: administer
	},
	{
		name: 'GET /api/teams/export',
		req: (f) => ({ path: `/api/teams/export?commune=${f.communeCode}` }),
		allowed: administer
	},
	{
		name: 'GET /api/hamlets/export',
		req: (f) => ({ path: `/api/hamlets/export?commune=${f.communeCode}` }),
		allowed: [
			['admin', 'province_admin', 'commune_admin', 'team_leader'],
			['admin', 'province_admin'],
			['admin']
		]
	},
	{
		name: 'POST /api/teams',
		req: (f) => ({
			path: '/api/teams',
			body: { communeCode: f.communeCode, name: `Tổ mới ${++n}` }
		}),
		allowed: manageCommune
	},
	{
		name: 'PATCH /api/teams/:id',
		req: (f) => ({
			path: `/api/teams/${f.teamId}`,
			method: 'PATCH',
			body: { foundedOn: '2024-01-01' }
		}),
		allowed: manageTeam
	},
	{
		name: 'POST /api/teams/:id/members',
		req: (f) => ({
			path: `/api/teams/${f.teamId}/members`,
			body: {
				fullName: `Người ${++n}`,
				unionAffiliation: 'khac',
				onetouchStatus: 'chua_hoc',
				teamRole: 'thanh_vien'
			}
		}),
		allowed: manageTeam
	},
	{
		name: 'PATCH /api/members/:id',
		req: (f) => ({
			path: `/api/members/${f.memberId}`,
			method: 'PATCH',
			body: { onetouchStatus: 'dang_hoc' }
		}),
		allowed: manageTeam
	},
	{
		name: 'POST /api/hamlets',
		req: (f) => ({
			path: '/api/hamlets',
			body: { communeCode: f.communeCode, name: `Xóm ${++n}`, kind: 'xom' }
		}),
		allowed: manageCommune
	},
	{
		name: 'PATCH /api/hamlets/:id',
		req: (f) => ({ path: `/api/hamlets/${f.hamletId}`, method: 'PATCH', body: { kind: 'ban' } }),
		allowed: manageCommune
	},
	{
		name: 'POST /api/teams/import (preview)',
		req: (f) => ({
			path: `/api/teams/import?commune=${f.communeCode}`,
			body: csv(`ma_xa,ten_to\n${f.communeCode},Tổ X`)
		}),
		allowed: manageCommune
	},
	{
		name: 'POST /api/hamlets/import (preview)',
		req: (f) => ({
			path: `/api/hamlets/import?commune=${f.communeCode}`,
			body: csv(`ma_xa,ten,loai\n${f.communeCode},Ấp Y,ấp`)
		}),
		allowed: manageCommune
	},
	{
		name: 'POST /api/invites (member of a team)',
		req: (f) => ({ path: '/api/invites', body: { role: 'member', teamId: f.teamId } }),
		allowed: manageTeam
	},
	{
		name: 'POST /api/invites (team leader)',
		req: (f) => ({
			path: '/api/invites',
			body: { role: 'team_leader', communeCode: f.communeCode }
		}),
		allowed: manageCommune
	},
	{
		name: 'POST /api/invites (commune admin)',
		req: (f) => ({
			path: '/api/invites',
			body: { role: 'commune_admin', communeCode: f.communeCode }
		}),
		allowed: [['admin', 'province_admin'], ['admin', 'province_admin'], ['admin']]
	},
	{
		name: 'DELETE /api/invites/:id',
		req: (f) => ({ path: `/api/invites/${f.inviteId}`, method: 'DELETE' }),
		allowed: manageTeam
	},
	{
		name: 'POST /api/users/:id/revoke-sessions',
		req: (f) => ({ path: `/api/users/${f.memberUserId}/revoke-sessions`, method: 'POST' }),
		allowed: manageTeam
	},
	{
		name: 'POST /api/users/:id/disable',
		req: (f) => ({ path: `/api/users/${f.memberUserId}/disable`, body: { disabled: false } }),
		allowed: manageTeam
	},
	{
		name: 'GET /api/households',
		req: (f) => ({ path: `/api/households?commune=${f.communeCode}` }),
		allowed: seeHouseholds
	},
	{
		name: 'GET /api/households/:id',
		byRecordId: true,
		req: (f) => ({ path: `/api/households/${f.householdId}` }),
		allowed: seeHouseholds
	},
	{
		name: 'POST /api/households',
		req: (f) => ({
			path: '/api/households',
			body: { communeCode: f.communeCode, address: `Số ${++n}, ngõ 7, phố Mới`, adults: 2 }
		}),
		allowed: manageTeam
	},
	{
		name: 'PATCH /api/households/:id',
		byRecordId: true,
		req: (f) => ({
			path: `/api/households/${f.householdId}`,
			method: 'PATCH',
			body: { adults: 1 + (++n % 5) }
		}),
		allowed: manageTeam
	},
	{
		name: 'POST /api/households/import (preview)',
		req: (f) => ({
			path: `/api/households/import?commune=${f.communeCode}`,
			body: csv(`ma_xa,dia_chi,so_nguoi_lon\n${f.communeCode},Số 99 phố Mới,2`)
		}),
		allowed: manageCommune
	},
	{
		name: 'GET /api/routes',
		req: (f) => ({ path: `/api/routes?commune=${f.communeCode}` }),
		allowed: seeHouseholds
	},
	{
		name: 'GET /api/overview',
		req: (f) => ({ path: `/api/overview?commune=${f.communeCode}` }),
		allowed: seeHouseholds
	},
	{
		name: 'GET /api/routes/:id',
		byRecordId: true,
		req: (f) => ({ path: `/api/routes/${f.routeId}` }),
		allowed: [ALL, ['admin', 'province_admin'], ['admin']]
	},
	{
		name: 'POST /api/routes (a revisit plan)',
		req: (f) => ({
			path: '/api/routes',
			body: {
				communeCode: f.communeCode,
				teamId: f.teamId,
				revisit: true,
				routes: [{ name: `Quay lại ${++n}`, householdIds: [f.householdId] }]
			}
		}),
		allowed: manageTeam
	},
	{
		name: 'PATCH /api/routes/:id',
		byRecordId: true,
		req: (f) => ({
			path: `/api/routes/${f.routeId}`,
			method: 'PATCH',
			body: { assigneeMemberId: f.memberId, plannedOn: '2026-12-01' }
		}),
		allowed: manageTeam
	}
];

/**
 * The status a refused caller gets: 401 without a login; 404 for a household or route of
 * another province asked by a scoped caller (every scoped actor here is of province 19, and the
 * record is not in their shard); 403 otherwise.
 */
function denial(route: RouteCase, area: AreaName, who: Who): 401 | 403 | 404 {
	if (who === 'public') return 401;
	const outsideShard = AREAS[area].provinceCode !== AREAS.own.provinceCode && who !== 'admin';
	return route.byRecordId && outsideShard ? 404 : 403;
}

useSeededDb(async (db) => {
	t = db;
	const admin = await makeUser(t.db, 'admin');
	for (const a of AREA_NAMES) fx[a] = await fixture(a, admin);
	actors.public = null;
	actors.admin = admin;
	actors.province_admin = await makeUser(t.db, 'province_admin');
	actors.commune_admin = await makeUser(t.db, 'commune_admin');
	actors.team_leader = await makeUser(t.db, 'team_leader', 'own', fx.own.teamId);
	actors.member = await makeUser(t.db, 'member', 'own', fx.own.teamId);
	// The member user is the member the own commune's route is assigned to.
	await t.db.update(users).set({ memberId: fx.own.memberId }).where(eq(users.id, actors.member.id));
});

describe('authorization matrix', () => {
	for (const route of ROUTES) {
		AREA_NAMES.forEach((area, i) => {
			it(`${route.name} on ${area}: only ${route.allowed[i]!.join(', ')}`, async () => {
				const through: Who[] = [];
				for (const who of WHO) {
					const { path, method, body } = route.req(fx[area]);
					const res = await call(t, path, {
						method: method ?? (body ? 'POST' : 'GET'),
						body,
						cookie: actors[who]?.cookie,
						// As the pages do: a record known by its id is looked up in its province's
						// shard, which a national admin's page names (others' scope says it).
						headers: { [PROVINCE_HEADER]: AREAS[area].provinceCode }
					});
					if (res.status < 300) through.push(who);
					else expect(res.status, `${who}: ${await res.text()}`).toBe(denial(route, area, who));
				}
				expect(through).toEqual(route.allowed[i]);
			});
		});
	}
});

describe('public responses', () => {
	// Place names are also called fullName (reference data), so people's names are checked by value.
	it('carry no personal data, by field name or by value', async () => {
		const token = (
			(await (
				await call(t, '/api/invites', {
					cookie: actors.admin!.cookie,
					body: { role: 'member', teamId: fx.own.teamId }
				})
			).json()) as { token: string }
		).token;
		const paths = [
			'/api/health',
			'/api/provinces',
			'/api/provinces/19',
			'/api/communes?province=19',
			'/api/communes/05569',
			'/api/search?q=dinh',
			`/api/invites/token/${token}`,
			'/api/auth/me',
			...ROUTES.map((r) => r.req(fx.own).path)
		];
		const members = await t.db.query.members.findMany();
		const users = await t.db.query.users.findMany();
		const secrets = [
			...members.flatMap((m) => [m.fullName, m.phone]),
			...users.flatMap((u) => [u.phone, u.displayName, u.passwordHash])
		].filter((v): v is string => !!v);
		for (const path of paths) {
			const text = await (await call(t, path)).text();
			expect(text, path).not.toMatch(
				/"(phone|email|displayName|headName|headPhone|passwordHash|tokenHash|memberId|members)"/
			);
			for (const s of secrets) expect(text, `${path} leaks ${s}`).not.toContain(s);
		}
	});
});
