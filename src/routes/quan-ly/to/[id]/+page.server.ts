import type { PageServerLoad } from './$types';
import { error } from '@sveltejs/kit';
import { apiGet } from '$lib/server/auth/page-api';
import { canInvite, canManageTeam, canSeePersonal } from '$lib/domain/scope';
import { getCommuneArea, type TeamRow } from '$lib/server/db/queries/team-admin';
import type { members } from '$lib/server/db/schema';

/** A team's page: its record, its members (personal data, when the API allows), hamlets. */
export const load: PageServerLoad = async ({ params, fetch, url, locals }) => {
	if (!/^[0-9a-f-]{36}$/i.test(params.id)) error(404, 'Not found');
	const { team } = await apiGet<{ team: TeamRow }>(fetch, `/api/teams/${params.id}`, url);
	const actor = locals.actor!;
	const area = { ...team, teamId: team.id };
	const list = canSeePersonal(actor, area)
		? await apiGet<{ members: (typeof members.$inferSelect)[] }>(
				fetch,
				`/api/teams/${team.id}/members`,
				url
			)
		: { members: [] };
	const { hamlets } = await apiGet<{ hamlets: { id: string; name: string }[] }>(
		fetch,
		`/api/hamlets?commune=${team.communeCode}`,
		url
	);
	// The commune's name (public reference data) for the breadcrumb and the printed invite.
	const commune = (await getCommuneArea(locals.db, team.communeCode)) ?? null;
	return {
		team,
		commune,
		members: list.members,
		hamlets,
		can: {
			manage: canManageTeam(actor, area),
			seeMembers: canSeePersonal(actor, area),
			inviteMember: canInvite(actor, {
				role: 'member',
				provinceCode: team.provinceCode,
				communeCode: team.communeCode,
				teamId: team.id
			})
		}
	};
};
