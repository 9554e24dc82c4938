/**
 * The planning page's households as the team planner takes them (pure): a household on no
 * route is planned afresh; one on a route comes back only as a revisit due.
 */
import type { HouseholdStatus, RevisitSuggestion } from '../domain/routing/status.ts';
import type { OutingFlag, Session, StartKind } from '../domain/routing/outing-kinds.ts';
import type { Outing, TeamHousehold, TeamPlanOptions } from '../domain/routing/team-plan-types.ts';
import type { LonLat } from '../domain/routing/types.ts';
import type { PlanningHousehold } from '../server/db/queries/households.ts';

/** A household of the planning page: the planning list's fields (GET /api/households). */
export type PlannerHousehold = Pick<
	PlanningHousehold,
	| 'id'
	| 'hamletId'
	| 'address'
	| 'alleyKey'
	| 'addressKey'
	| 'lon'
	| 'lat'
	| 'doNotContact'
	| 'priority'
	| 'routeId'
> & { status: HouseholdStatus; revisit: RevisitSuggestion | null };

/**
 * What a selected household is to the planner: a household on no route is planned afresh; one
 * on a route comes back only as a revisit due (not at home last time); others are planned already.
 */
export function toTeamHousehold(h: PlannerHousehold): TeamHousehold | null {
	const base = {
		id: h.id,
		lon: h.lon,
		lat: h.lat,
		alleyKey: h.alleyKey,
		addressKey: h.addressKey,
		doNotContact: h.doNotContact,
		hamletId: h.hamletId,
		priority: h.priority
	};
	if (!h.routeId) return { ...base, revisit: null };
	const due = (h.status === 'revisit_due' || h.status === 'not_home') && h.revisit;
	return due
		? { ...base, revisit: { dueOn: h.revisit!.dueOn, timeOfDay: h.revisit!.timeOfDay } }
		: null;
}

/** An outing as the API takes it (POST /api/routes `routes[]`). */
export interface OutingBody {
	name: string;
	householdIds: string[];
	assigneeMemberId: string | null;
	plannedOn: string | null;
	session: Session | null;
	sessionMinutes: number;
	start: LonLat | null;
	startKind: StartKind;
	flag: OutingFlag | null;
	revisitIds: string[];
}

/**
 * The body of POST /api/routes for a team's planned outings (the page and the tests send the
 * same): unscheduled outings are saved unassigned and undated.
 */
export function planBody(
	communeCode: string,
	teamId: string,
	options: Pick<TeamPlanOptions, 'travelMode' | 'walkMPerMin' | 'minutesPerHouse'>,
	outings: readonly (Outing & { name: string })[],
	area: LonLat[] | null = null
) {
	return {
		communeCode,
		teamId,
		area,
		start: null,
		travelMode: options.travelMode,
		walkMetersPerMinute: Math.round(options.walkMPerMin),
		minutesPerHouse: options.minutesPerHouse,
		routes: outings.map((x, i): OutingBody => ({
			name: x.name.trim() || `#${i + 1}`,
			householdIds: x.householdIds,
			assigneeMemberId: x.memberId,
			plannedOn: x.memberId ? x.day : null,
			session: x.memberId ? x.session : null,
			sessionMinutes: x.sessionMinutes,
			start: x.start,
			startKind: x.startKind,
			flag: x.flag,
			revisitIds: x.revisitIds
		}))
	};
}
