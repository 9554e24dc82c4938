import { describe, expect, it } from 'vitest';
import {
	canAdminister,
	canCreateTeam,
	canInvite,
	canManageCommune,
	canManageTeam,
	canManageUser,
	canSeeCommune,
	canSeePersonal,
	grantShapeError,
	type Actor,
	type Area
} from '../../src/lib/domain/scope.ts';
import { ROLES as DOMAIN_ROLES, type Role } from '../../src/lib/domain/roles.ts';
import { users } from '../../src/lib/server/db/schema/users.ts';

const TEAM = 'team-a';
const own = { provinceCode: '19', communeCode: '05569', teamId: TEAM };
const otherTeam: Area = { ...own, teamId: 'team-b' };
const foreignCommune: Area = { provinceCode: '19', communeCode: '05923', teamId: 'team-c' };
const foreignProvince: Area = { provinceCode: '01', communeCode: '00004', teamId: 'team-d' };

function actor(role: Role, teamId: string | null = TEAM): Actor {
	return {
		userId: `u-${role}`,
		role,
		provinceCode: role === 'admin' ? null : '19',
		communeCode: role === 'admin' || role === 'province_admin' ? null : '05569',
		teamId: role === 'team_leader' || role === 'member' ? teamId : null,
		memberId: null
	};
}

type Rule = (a: Actor, area: Area & { teamId: string }) => boolean;
const rules: Record<string, Rule> = {
	canSeeCommune,
	canSeePersonal,
	canAdminister,
	canManageCommune,
	canManageTeam,
	canCreateTeam
};

// Expected allowed roles per rule × area; team leaders and members belong to `own.teamId`.
const expected: Record<string, Record<string, Role[]>> = {
	canSeeCommune: {
		own: ['admin', 'province_admin', 'commune_admin', 'team_leader', 'member'],
		otherTeam: ['admin', 'province_admin', 'commune_admin', 'team_leader', 'member'],
		foreignCommune: ['admin', 'province_admin'],
		foreignProvince: ['admin']
	},
	canSeePersonal: {
		own: ['admin', 'province_admin', 'commune_admin', 'team_leader'],
		otherTeam: ['admin', 'province_admin', 'commune_admin'],
		foreignCommune: ['admin', 'province_admin'],
		foreignProvince: ['admin']
	},
	canAdminister: {
		own: ['admin', 'province_admin', 'commune_admin'],
		otherTeam: ['admin', 'province_admin', 'commune_admin'],
		foreignCommune: ['admin', 'province_admin'],
		foreignProvince: ['admin']
	},
	canManageCommune: {
		own: ['admin', 'commune_admin'],
		otherTeam: ['admin', 'commune_admin'],
		foreignCommune: ['admin'],
		foreignProvince: ['admin']
	},
	canManageTeam: {
		own: ['admin', 'commune_admin', 'team_leader'],
		otherTeam: ['admin', 'commune_admin'],
		foreignCommune: ['admin'],
		foreignProvince: ['admin']
	},
	canCreateTeam: {
		own: ['admin', 'commune_admin'],
		otherTeam: ['admin', 'commune_admin'],
		foreignCommune: ['admin'],
		foreignProvince: ['admin']
	}
};

const areas = { own, otherTeam, foreignCommune, foreignProvince } as Record<
	string,
	Area & { teamId: string }
>;

describe('scope rules', () => {
	it('gives the database enum the domain roles', () => {
		expect(users.role.enumValues).toEqual([...DOMAIN_ROLES]);
	});

	for (const [name, rule] of Object.entries(rules)) {
		for (const [areaName, area] of Object.entries(areas)) {
			it(`${name} on ${areaName} allows exactly ${expected[name]![areaName]!.join(', ')}`, () => {
				const allowed = DOMAIN_ROLES.filter((r) => rule(actor(r), area));
				expect(allowed).toEqual(expected[name]![areaName]);
			});
		}
	}

	it('lets a leader without a team create one in their commune only', () => {
		const leader = actor('team_leader', null);
		expect(canCreateTeam(leader, own)).toBe(true);
		expect(canCreateTeam(leader, foreignCommune)).toBe(false);
		expect(canManageTeam(leader, own)).toBe(false);
	});
});

describe('invitations', () => {
	const grant = (role: Role, area: Area) => ({
		role,
		provinceCode: area.provinceCode,
		communeCode: role === 'province_admin' ? null : area.communeCode,
		teamId: role === 'member' || role === 'team_leader' ? (area.teamId ?? null) : null
	});
	const cases: [Role, Role, Area, boolean][] = [
		['admin', 'province_admin', foreignProvince, true],
		['province_admin', 'commune_admin', foreignCommune, true],
		['province_admin', 'commune_admin', foreignProvince, false],
		['province_admin', 'team_leader', own, false],
		['commune_admin', 'team_leader', own, true],
		['commune_admin', 'member', otherTeam, true],
		['commune_admin', 'commune_admin', own, false],
		['commune_admin', 'team_leader', foreignCommune, false],
		['team_leader', 'member', own, true],
		['team_leader', 'member', otherTeam, false],
		['team_leader', 'team_leader', own, false],
		['member', 'member', own, false]
	];
	for (const [who, role, area, allowed] of cases) {
		it(`${who} ${allowed ? 'may' : 'may not'} invite a ${role} to ${area.communeCode}/${area.teamId}`, () => {
			expect(canInvite(actor(who), grant(role, area))).toBe(allowed);
		});
	}

	it('never lets anyone manage their own account through admin actions', () => {
		const a = actor('admin');
		expect(
			canManageUser(a, {
				...grant('admin', own),
				provinceCode: null,
				communeCode: null,
				teamId: null,
				userId: a.userId
			})
		).toBe(false);
	});

	it('checks the shape of a grant', () => {
		expect(
			grantShapeError({ role: 'admin', provinceCode: null, communeCode: null, teamId: null })
		).toBeNull();
		expect(
			grantShapeError({ role: 'member', provinceCode: '19', communeCode: '05569', teamId: null })
		).toMatch(/team/);
		expect(
			grantShapeError({
				role: 'commune_admin',
				provinceCode: '19',
				communeCode: null,
				teamId: null
			})
		).toMatch(/commune/);
		expect(
			grantShapeError({
				role: 'team_leader',
				provinceCode: '19',
				communeCode: '05569',
				teamId: null
			})
		).toBeNull();
	});
});
