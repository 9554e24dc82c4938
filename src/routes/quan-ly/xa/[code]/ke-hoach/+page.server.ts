import type { PageServerLoad } from './$types';
import { error } from '@sveltejs/kit';
import { isCommuneCode } from '$lib/domain/codes';
import { apiGet } from '$lib/server/auth/page-api';
import { basemapStyleUrl } from '$lib/server/basemap/config';
import { canManageCommune, canPlanRoutes } from '$lib/domain/scope';
import type {
	CommuneArea,
	HamletListItem,
	MemberListItem,
	TeamListItem
} from '$lib/server/db/queries/team-admin';
import type { RouteListItem } from '$lib/server/db/queries/routes';
import type { PlanHouseholdItem } from '$lib/server/api/routes/households';

/** GET /api/households as this page reads it. */
interface HouseholdList {
	commune: CommuneArea;
	hamletId: string | null;
	today: string;
	households: PlanHouseholdItem[];
	summary: { total: number; onRoute: number; gaps: number; doNotContact: number };
	/** Set when the commune is too large to list whole: plan it a hamlet at a time. */
	tooMany: { total: number; max: number } | null;
}

/**
 * The planning view: households (scoped by the API), hamlets, the teams one may plan for, routes.
 * `?to=<team>` opens on that team. A commune too large to list whole (the API's tooMany) shows
 * one hamlet at a time, with its teams' outings: the chosen team's, or `?thon=`, or the first
 * team with a hamlet.
 */
export const load: PageServerLoad = async ({ params, fetch, url, locals, platform }) => {
	if (!isCommuneCode(params.code)) error(404, 'Not found');
	const q = `commune=${params.code}`;
	const [whole, hamlets, teams] = await Promise.all([
		apiGet<HouseholdList>(fetch, `/api/households?${q}`, url),
		apiGet<{
			hamlets: HamletListItem[];
		}>(fetch, `/api/hamlets?${q}`, url),
		apiGet<{ teams: TeamListItem[] }>(fetch, `/api/teams?${q}`, url)
	]);
	const routesOf = (filter: string) =>
		apiGet<{ routes: RouteListItem[] }>(fetch, `/api/routes?${q}${filter}`, url);
	const actor = locals.actor!;
	const area = { provinceCode: whole.commune.provinceCode, communeCode: whole.commune.communeCode };
	const plannable = teams.teams.filter(
		(tm) => tm.active && canPlanRoutes(actor, { ...area, teamId: tm.id })
	);
	const asked = plannable.find((tm) => tm.id === url.searchParams.get('to')) ?? null;
	let hh = whole;
	let narrowed: { total: number; hamletId: string } | null = null;
	let routes: { routes: RouteListItem[] } | null = null;
	if (whole.tooMany) {
		const thon = hamlets.hamlets.find((h) => h.id === url.searchParams.get('thon'))?.id;
		const hamletId =
			asked?.hamletId ??
			thon ??
			plannable.find((tm) => tm.hamletId)?.hamletId ??
			hamlets.hamlets[0]?.id;
		if (hamletId) {
			// The hamlet's households and its teams' outings, not the whole commune's.
			[hh, routes] = await Promise.all([
				apiGet<HouseholdList>(fetch, `/api/households?${q}&hamlet=${hamletId}`, url),
				routesOf(`&hamlet=${hamletId}`)
			]);
			narrowed = { total: whole.tooMany.total, hamletId };
		}
	}
	// The team the page opens on: the one asked for, else the first whose area is shown.
	const firstTeam =
		asked?.id ??
		plannable.find((tm) => !narrowed || tm.hamletId === narrowed.hamletId)?.id ??
		plannable[0]?.id ??
		null;
	// Each route is assigned among its own team's members (the API refuses any other). The
	// whole commune's outings, unless one hamlet's were read above, are read meanwhile.
	const [teamMembers, outings] = await Promise.all([
		Promise.all(
			plannable.map(
				async (tm) =>
					[
						tm.id,
						(await apiGet<{ members: MemberListItem[] }>(fetch, `/api/teams/${tm.id}/members`, url))
							.members
					] as const
			)
		),
		routes ?? routesOf('')
	]);
	const membersByTeam: Record<string, MemberListItem[]> = Object.fromEntries(teamMembers);
	const members = firstTeam ? (membersByTeam[firstTeam] ?? []) : [];
	return {
		commune: hh.commune,
		scopeHamletId: whole.hamletId,
		today: hh.today,
		households: hh.households,
		summary: hh.summary,
		hamlets: hamlets.hamlets,
		teams: plannable,
		members,
		membersByTeam,
		routes: outings.routes,
		firstTeam,
		narrowed,
		basemapStyleUrl: basemapStyleUrl(platform?.env),
		can: { import: canManageCommune(actor, area) }
	};
};
