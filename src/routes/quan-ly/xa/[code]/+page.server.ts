import type { PageServerLoad } from './$types';
import { error } from '@sveltejs/kit';
import { isCommuneCode } from '$lib/domain/codes';
import { apiGet } from '$lib/server/auth/page-api';
import { canAdminister, canCreateTeam, canInvite, canManageCommune } from '$lib/domain/scope';
import { ROLES } from '$lib/domain/roles';
import type { CommuneArea, HamletListItem, TeamListItem } from '$lib/server/db/queries/team-admin';

/** A commune's management page: what the caller may see comes from the API's own checks. */
export const load: PageServerLoad = async ({ params, fetch, url, locals }) => {
	if (!isCommuneCode(params.code)) error(404, 'Not found');
	const q = `commune=${params.code}`;
	const { commune, teams } = await apiGet<{ commune: CommuneArea; teams: TeamListItem[] }>(
		fetch,
		`/api/teams?${q}`,
		url
	);
	const { hamlets } = await apiGet<{ hamlets: HamletListItem[] }>(fetch, `/api/hamlets?${q}`, url);
	const actor = locals.actor!;
	const admin = canAdminister(actor, commune);
	const [invites, users] = admin
		? await Promise.all([
				apiGet<{ invites: never[] }>(fetch, `/api/invites?${q}`, url),
				apiGet<{ users: never[] }>(fetch, `/api/users?${q}`, url)
			])
		: [{ invites: [] }, { users: [] }];
	const base = { provinceCode: commune.provinceCode, communeCode: commune.communeCode };
	// Roles worth offering here; a member invite needs a team (the leader's own, else any).
	const memberTeam = actor.teamId ?? teams[0]?.id ?? null;
	const invitable = ROLES.filter(
		(role) =>
			role !== 'admin' &&
			role !== 'province_admin' &&
			canInvite(actor, { role, ...base, teamId: role === 'member' ? memberTeam : null })
	);
	return {
		commune,
		teams,
		hamlets,
		invites: invites.invites,
		users: users.users,
		invitable,
		can: {
			administer: admin,
			manage: canManageCommune(actor, commune),
			createTeam: canCreateTeam(actor, commune)
		}
	};
};
