import type { PageServerLoad } from './$types';
import { redirect } from '@sveltejs/kit';
import { isCommuneCode } from '$lib/domain/codes';
import { apiGet } from '$lib/server/auth/page-api';
import { getCommuneArea, getTeam } from '$lib/server/db/queries/team-admin';
import type { Overview } from '$lib/server/api/routes/overview';
import type { ForecastBody } from '$lib/server/api/routes/forecast';

/**
 * Each role's home. A team leader (with a team) and a commune admin get their day: the week's
 * outings per member, progress, sync — read through the API's scope checks. Province admins
 * and admins get the dashboard that opens a commune by code (`?xa=05569`) and the audit log.
 */
export const load: PageServerLoad = async ({ locals, url, fetch }) => {
	const open = url.searchParams.get('xa');
	if (open && isCommuneCode(open.trim())) redirect(303, `/quan-ly/xa/${open.trim()}`);
	const user = locals.user!;
	const commune = user.communeCode ? await getCommuneArea(locals.db, user.communeCode) : undefined;
	const team = user.teamId ? await getTeam(locals.db, user.teamId) : undefined;
	const hasDay =
		!!user.communeCode &&
		(user.role === 'commune_admin' || (user.role === 'team_leader' && !!team));
	// `?thon=`: the hamlet whose teams a large commune's day shows (the API checks it).
	const thon = url.searchParams.get('thon');
	const hamlet = thon ? `&hamlet=${encodeURIComponent(thon)}` : '';
	// The forecast and the help requests waiting over a week unplanned (issue 17: counts only,
	// no phones) beside the day.
	const [overview, forecast, unplanned] = hasDay
		? await Promise.all([
				apiGet<Overview>(fetch, `/api/overview?commune=${user.communeCode}${hamlet}`, url),
				apiGet<ForecastBody>(fetch, `/api/forecast?commune=${user.communeCode}`, url),
				apiGet<{ count: number; oldest: number | null }>(
					fetch,
					`/api/help-requests/unplanned?commune=${user.communeCode}`,
					url
				)
			])
		: [null, null, null];
	return {
		unplanned,
		commune: commune ?? null,
		team: team ? { id: team.id, name: team.name } : null,
		canOpenAny: user.role === 'admin' || user.role === 'province_admin',
		overview,
		forecast
	};
};
