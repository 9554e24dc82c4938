/** Shapes shared by route planning (walk-order.ts, team-plan.ts): plain data. */

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

/**
 * Straight lines between houses underestimate walking along alleys; distances and times are
 * multiplied by this (a common urban detour index is 1.2–1.4).
 */
export const DETOUR_FACTOR = 1.3;

/** Why a selected household is left out of a plan (due_later: a revisit due after the period). */
export type SkipReason = 'do_not_contact' | 'no_location' | 'due_later';
