/** Shapes of route planning: plain data in, plain data out (see plan.ts). */

export type LonLat = [lon: number, lat: number];

/** A household as the planner sees it: where it stands and which alley it belongs to. */
export interface PlanHousehold {
	id: string;
	lon: number | null;
	lat: number | null;
	/** From the address parser: houses of one alley share it. */
	alleyKey: string;
	/** From the address parser: `${alleyKey}#${houseNumber}` (or the alley key alone). */
	addressKey: string;
	doNotContact: boolean;
}

/** How to cut the ordered walk into outings. */
export type SplitRule =
	{ mode: 'size'; min: number; max: number } | { mode: 'time'; maxMinutes: number };

export interface PlanOptions {
	/** Where every outing starts (the cultural house, …); null = the planner picks an end. */
	start: LonLat | null;
	split: SplitRule;
	/** Walking speed, metres per minute (4 km/h ≈ 67). */
	walkMetersPerMinute: number;
	/** Time spent at each house, minutes. */
	minutesPerHouse: number;
}

/** Defaults a leader can edit: outings of 60–80 households, 4 km/h, 8 minutes a house. */
export const DEFAULT_PLAN_OPTIONS: PlanOptions = {
	start: null,
	split: { mode: 'size', min: 60, max: 80 },
	walkMetersPerMinute: 67,
	minutesPerHouse: 8
};

/**
 * Straight lines between houses underestimate walking along alleys; distances and times are
 * multiplied by this (a common urban detour index is 1.2–1.4).
 */
export const DETOUR_FACTOR = 1.3;

/** Why a selected household is left out of a plan (due_later: a revisit due after the period). */
export type SkipReason = 'do_not_contact' | 'no_location' | 'due_later';

export interface PlannedRoute {
	/** Household ids in walking order. */
	householdIds: string[];
	/** Estimated walking distance, metres (start → first house → … → last house, × detour). */
	distanceM: number;
	/** Walking plus time at each house, minutes. */
	estimatedMinutes: number;
}

export interface Plan {
	routes: PlannedRoute[];
	skipped: { id: string; reason: SkipReason }[];
	/** The start point actually used. */
	start: LonLat | null;
}
