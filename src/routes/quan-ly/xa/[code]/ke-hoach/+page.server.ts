import type { PageServerLoad } from './$types';
import { error } from '@sveltejs/kit';
import { isCommuneCode } from '$lib/domain/codes';
import { apiGet } from '$lib/server/auth/page-api';
import { canManageCommune, canPlanRoutes } from '$lib/domain/scope';
import type {
	CommuneArea,
	HamletListItem,
	MemberListItem,
	TeamListItem
} from '$lib/server/db/queries/team-admin';
import type { RouteListItem } from '$lib/server/db/queries/routes';
import type { PlanHouseholdItem } from '$lib/server/api/routes/households';

/** The planning view: households (scoped by the API), hamlets, the teams one may plan for, routes. */
export const load: PageServerLoad = async ({ params, fetch, url, locals }) => {
	if (!isCommuneCode(params.code)) error(404, 'Not found');
	const q = `commune=${params.code}`;
	const [hh, hamlets, teams, routes] = await Promise.all([
		apiGet<{
			commune: CommuneArea;
			hamletId: string | null;
			today: string;
			households: PlanHouseholdItem[];
			summary: { total: number; onRoute: number; gaps: number; doNotContact: number };
		}>(fetch, `/api/households?${q}`, url),
		apiGet<{
			hamlets: HamletListItem[];
		}>(fetch, `/api/hamlets?${q}`, url),
		apiGet<{ teams: TeamListItem[] }>(fetch, `/api/teams?${q}`, url),
		apiGet<{ routes: RouteListItem[] }>(fetch, `/api/routes?${q}`, url)
	]);
	const actor = locals.actor!;
	const area = { provinceCode: hh.commune.provinceCode, communeCode: hh.commune.communeCode };
	const plannable = teams.teams.filter(
		(tm) => tm.active && canPlanRoutes(actor, { ...area, teamId: tm.id })
	);
	const firstTeam = plannable[0]?.id ?? null;
	// Each route is assigned among its own team's members (the API refuses any other).
	const membersByTeam: Record<string, MemberListItem[]> = Object.fromEntries(
		await Promise.all(
			plannable.map(
				async (tm) =>
					[
						tm.id,
						(await apiGet<{ members: MemberListItem[] }>(fetch, `/api/teams/${tm.id}/members`, url))
							.members
					] as const
			)
		)
	);
	const members = firstTeam ? (membersByTeam[firstTeam] ?? []) : [];
	return {
		commune: hh.commune,
		scopeHamletId: hh.hamletId,
		today: hh.today,
		households: hh.households,
		summary: hh.summary,
		hamlets: hamlets.hamlets,
		teams: plannable,
		members,
		membersByTeam,
		routes: routes.routes,
		can: { import: canManageCommune(actor, area) }
	};
};
