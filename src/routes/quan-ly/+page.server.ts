import type { PageServerLoad } from './$types';
import { redirect } from '@sveltejs/kit';
import { getCommuneArea, getTeam } from '$lib/server/db/queries/team-admin';

/** The dashboard: where the user's scope leads; `?xa=05569` opens a commune by code. */
export const load: PageServerLoad = async ({ locals, url }) => {
	const open = url.searchParams.get('xa');
	if (open && /^\d{5}$/.test(open.trim())) redirect(303, `/quan-ly/xa/${open.trim()}`);
	const user = locals.user!;
	const commune = user.communeCode ? await getCommuneArea(locals.db, user.communeCode) : undefined;
	const team = user.teamId ? await getTeam(locals.db, user.teamId) : undefined;
	return {
		commune: commune ?? null,
		team: team ? { id: team.id, name: team.name } : null,
		canOpenAny: user.role === 'admin' || user.role === 'province_admin'
	};
};
