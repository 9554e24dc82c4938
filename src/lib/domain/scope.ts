/**
 * Scope rules: who may see or change what, for a logged-in actor and a target area (province,
 * commune, optionally team). Pure functions over plain data, so the same rules serve the API,
 * page loads and the authorization-matrix tests. docs/domain.md "Roles and scope" is the source.
 */
import { INVITABLE_ROLES, type Role } from './roles.ts';

/** The logged-in user as the rules see them. */
export interface Actor {
	userId: string;
	role: Role;
	provinceCode: string | null;
	communeCode: string | null;
	teamId: string | null;
	memberId: string | null;
}

/** Where a record lives. teamId is set for team-owned records (members, a team itself). */
export interface Area {
	provinceCode: string;
	communeCode: string | null;
	teamId?: string | null;
}

/** A role plus the scope it is granted for (an invite, an account). */
export interface Grant {
	role: Role;
	provinceCode: string | null;
	communeCode: string | null;
	teamId: string | null;
}

function sameCommune(actor: Actor, area: Area): boolean {
	return (
		actor.communeCode !== null &&
		actor.communeCode === area.communeCode &&
		actor.provinceCode === area.provinceCode
	);
}

/** The actor's scope contains the area (admin: everything; province admin: their province …). */
export function covers(actor: Actor, area: Area): boolean {
	if (actor.role === 'admin') return true;
	if (actor.role === 'province_admin') return actor.provinceCode === area.provinceCode;
	return sameCommune(actor, area);
}

/** Non-personal lists of a commune (team names and counts, hamlets): anyone scoped to it. */
export function canSeeCommune(actor: Actor, area: Area): boolean {
	return covers(actor, area);
}

/**
 * Personal data of a commune (member names and phones, accounts): admins of the scope; a team
 * leader only for their own team. Plain members see none (docs/domain.md: their routes only).
 */
export function canSeePersonal(actor: Actor, area: Area): boolean {
	if (actor.role === 'team_leader') {
		return sameCommune(actor, area) && !!area.teamId && area.teamId === actor.teamId;
	}
	if (actor.role === 'member') return false;
	return covers(actor, area);
}

/** Exports and the audit log: admins of the scope only (not leaders). */
export function canAdminister(actor: Actor, area: Area): boolean {
	if (actor.role === 'admin') return true;
	if (actor.role === 'province_admin') return covers(actor, area);
	if (actor.role === 'commune_admin') return sameCommune(actor, area);
	return false;
}

/** Teams, members, hamlets and imports of a commune: the commune admin (and admin). */
export function canManageCommune(actor: Actor, area: Area): boolean {
	if (actor.role === 'admin') return true;
	return actor.role === 'commune_admin' && sameCommune(actor, area);
}

/**
 * Change what defines someone's scope — a team's hamlet, a member's team, an account's role or
 * area: only the role above the one it widens (the commune's managers), never the leader whose
 * own reach it would change.
 */
export function canChangeScope(actor: Actor, area: Area): boolean {
	return canManageCommune(actor, area);
}

/** Edit a team or its members: commune managers, or the leader of that very team. */
export function canManageTeam(actor: Actor, area: Area & { teamId: string }): boolean {
	if (canManageCommune(actor, area)) return true;
	return actor.role === 'team_leader' && sameCommune(actor, area) && actor.teamId === area.teamId;
}

/** Create a team: commune managers, or a leader of that commune who has no team yet. */
export function canCreateTeam(actor: Actor, area: Area): boolean {
	if (canManageCommune(actor, area)) return true;
	return actor.role === 'team_leader' && actor.teamId === null && sameCommune(actor, area);
}

/** The grant's scope lies inside the actor's own scope. */
function grantInside(actor: Actor, grant: Grant): boolean {
	if (actor.role === 'admin') return true;
	if (grant.provinceCode === null) return false;
	const area: Area = {
		provinceCode: grant.provinceCode,
		communeCode: grant.communeCode,
		teamId: grant.teamId
	};
	if (actor.role === 'province_admin') return covers(actor, area);
	if (actor.role === 'team_leader') {
		return sameCommune(actor, area) && actor.teamId !== null && grant.teamId === actor.teamId;
	}
	return sameCommune(actor, area);
}

/** May the actor invite someone with this role and scope? */
export function canInvite(actor: Actor, grant: Grant): boolean {
	return INVITABLE_ROLES[actor.role].includes(grant.role) && grantInside(actor, grant);
}

/**
 * May the actor manage this account (disable, revoke its sessions)? Whoever may invite a role
 * and scope may also manage accounts holding it; nobody manages themselves this way.
 */
export function canManageUser(actor: Actor, target: Grant & { userId: string }): boolean {
	if (actor.userId === target.userId) return false;
	return canInvite(actor, target);
}

/**
 * Checks a grant's shape: the scope fields a role needs are present, and no more.
 * Returns an error message, or null when the grant is well-formed.
 */
export function grantShapeError(grant: Grant): string | null {
	const { role, provinceCode: p, communeCode: c, teamId: t } = grant;
	if (role === 'admin') return p || c || t ? 'admin has no scope' : null;
	if (!p) return `${role} needs a province`;
	if (role === 'province_admin') return c || t ? 'province_admin is scoped to a province' : null;
	if (!c) return `${role} needs a commune`;
	if (role === 'commune_admin' && t) return 'commune_admin is scoped to a commune';
	if (role === 'member' && !t) return 'member needs a team';
	return null;
}

/**
 * Households of a commune (addresses, locations, statuses): admins of the scope and the
 * commune's team leaders (narrowed to their team's hamlet by the query). Members see households
 * only through the routes assigned to them (canSeeRoute).
 */
export function canSeeHouseholds(actor: Actor, area: Area): boolean {
	if (actor.role === 'member') return false;
	if (actor.role === 'team_leader') return sameCommune(actor, area) && actor.teamId !== null;
	return covers(actor, area);
}

/** Add, move and edit household records: commune managers and the commune's team leaders. */
export function canEditHouseholds(actor: Actor, area: Area): boolean {
	if (canManageCommune(actor, area)) return true;
	return actor.role === 'team_leader' && actor.teamId !== null && sameCommune(actor, area);
}

/** Plan, assign and cancel a team's routes: commune managers, or the leader of that team. */
export function canPlanRoutes(actor: Actor, area: Area & { teamId: string }): boolean {
	return canManageTeam(actor, area);
}

/**
 * See a route with its households: admins of the scope, the leader of the route's team, and
 * the member it is assigned to.
 */
export function canSeeRoute(
	actor: Actor,
	route: Area & { teamId: string; assigneeMemberId: string | null }
): boolean {
	if (actor.role === 'member')
		return (
			!!actor.memberId && actor.memberId === route.assigneeMemberId && sameCommune(actor, route)
		);
	if (actor.role === 'team_leader')
		return (
			sameCommune(actor, route) &&
			(actor.teamId === route.teamId ||
				(!!actor.memberId && actor.memberId === route.assigneeMemberId))
		);
	return covers(actor, route);
}
