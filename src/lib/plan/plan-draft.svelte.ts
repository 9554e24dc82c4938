/**
 * A plan before it is saved (Svelte runes): the outings the worker made, their names, and the
 * leader's moves (another member, day or session) — shown in the calendar and on the map, and
 * sent to the API as one plan.
 */
import type { CalendarItem } from '../domain/routing/calendar.ts';
import type { Session } from '../domain/routing/outing-kinds.ts';
import type { Outing, TeamPlan } from '../domain/routing/team-plan-types.ts';
import type { TeamSettings } from './team-settings.svelte.ts';
import { planBody } from './team-input.ts';
import type { LonLat } from '../domain/routing/types.ts';

export interface DraftOuting extends Outing {
	/** Stable within the draft: `o1`, `o2`, … */
	key: string;
	name: string;
}

export class PlanDraft {
	readonly plan: TeamPlan;
	readonly ms: number;
	outings: DraftOuting[] = $state([]);
	/** The outing shown on the map with its numbered stops, if any. */
	selected: string | null = $state(null);
	/** Each outing's line along the streets by key (not state: drawn once, never changed). */
	readonly paths: ReadonlyMap<string, readonly LonLat[]>;

	/** @param paths the outings' lines along the streets in the plan's order, or null. */
	constructor(
		plan: TeamPlan,
		ms: number,
		name: (o: Outing, n: number) => string,
		paths: readonly LonLat[][] | null = null
	) {
		this.plan = plan;
		this.ms = ms;
		this.outings = plan.outings.map((o, i) => ({ ...o, key: `o${i + 1}`, name: name(o, i + 1) }));
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- drawn once, never changed
		this.paths = new Map(
			(paths ?? []).flatMap((line, i) => (line.length >= 2 ? [[`o${i + 1}`, line] as const] : []))
		);
	}

	/** Gives an outing another member, day or session (null member: unassigned, undated). */
	move(
		key: string,
		change: { memberId?: string | null; day?: string | null; session?: Session | null }
	) {
		const o = this.outings.find((x) => x.key === key);
		if (!o) return;
		Object.assign(o, change);
		if (o.memberId === null) Object.assign(o, { day: null, session: null });
	}

	/** The outings as calendar items. */
	items(): CalendarItem[] {
		return this.outings.map((o) => ({
			id: o.key,
			memberId: o.memberId,
			day: o.day,
			session: o.session,
			households: o.householdIds.length,
			distanceM: o.distanceM,
			minutes: o.minutes,
			sessionMinutes: o.sessionMinutes,
			flag: o.flag
		}));
	}

	/** The body of POST /api/routes for this draft. */
	body(communeCode: string, teamId: string, settings: TeamSettings, area: LonLat[] | null) {
		return planBody(communeCode, teamId, settings.options(), this.outings, area);
	}
}
