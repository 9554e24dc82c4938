/**
 * The previous planner (planRoutes: one walk from one start, cut by size or by time, priced on
 * foot) with its outings re-priced by the team planner's cost model (estimateRoute with the
 * travel mode, from the start it used), so "before" and "after" are measured alike.
 */
import { estimateRoute } from '../../src/lib/domain/routing/estimate.ts';
import { DEFAULT_PLAN_OPTIONS, planRoutes, type SplitRule } from './previous-planner-core.ts';
import type { TravelMode } from '../../src/lib/domain/routing/outing-kinds.ts';
import { travelModel } from '../../src/lib/domain/routing/travel.ts';
import type { LonLat, PlanHousehold } from '../../src/lib/domain/routing/types.ts';
import type { BenchOuting } from './plan-figures.ts';

export interface PreviousRun {
	households: readonly PlanHousehold[];
	/** The team's hamlet point, or null: the planner picks an end of the selection. */
	start: LonLat | null;
	split: SplitRule;
	travelMode: TravelMode;
	walkMPerMin: number;
	minutesPerHouse: number;
	/** The session the outings are judged against. */
	sessionMinutes: number;
}

/** The defaults of the previous planner's form: outings of 60–80 households. */
export const PREVIOUS_DEFAULT_SPLIT: SplitRule = DEFAULT_PLAN_OPTIONS.split;

/**
 * Plans with the previous planner and re-prices every outing from the start it used.
 * @returns the outings (no member, no flag: that planner had neither) and where they start.
 */
export function previousPlan(run: PreviousRun): { outings: BenchOuting[]; start: LonLat | null } {
	const plan = planRoutes(run.households, {
		start: run.start,
		split: run.split,
		walkMetersPerMinute: run.walkMPerMin,
		minutesPerHouse: run.minutesPerHouse
	});
	const byId = new Map(run.households.map((h) => [h.id, h]));
	const model = travelModel(run.travelMode, run.walkMPerMin);
	const outings = plan.routes.map((r): BenchOuting => {
		const stops = r.householdIds.map((id) => byId.get(id)!);
		const e = estimateRoute(stops, plan.start, model, run.minutesPerHouse);
		return {
			householdIds: r.householdIds,
			distanceM: e.distanceM,
			minutes: e.estimatedMinutes,
			sessionMinutes: run.sessionMinutes,
			flag: null
		};
	});
	return { outings, start: plan.start };
}
