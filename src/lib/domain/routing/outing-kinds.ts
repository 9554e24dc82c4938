/**
 * The words of a team's plan, written once: the schema, the API's validation, the planner and
 * the UI import them from here.
 */

/** How members get about: on foot, by motorbike (ride far, walk near), by bicycle. */
export const TRAVEL_MODES = ['foot', 'motorbike', 'bicycle'] as const;
export type TravelMode = (typeof TRAVEL_MODES)[number];

/** A session is a morning, an afternoon or an evening (when workers are home). */
export const SESSIONS = ['morning', 'afternoon', 'evening'] as const;
export type Session = (typeof SESSIONS)[number];

/**
 * Where a member's outing starts: the hamlet's cultural house, a point the leader picked for
 * the member (their home), or the first house itself.
 */
export const START_KINDS = ['hamlet', 'home', 'first'] as const;
export type StartKind = (typeof START_KINDS)[number];

/**
 * Why an outing does not fit its session, or walks an alley in parts:
 * - `too_far`: one house alone (the trip there plus the visit) takes longer than the session;
 * - `session_too_short`: the session is shorter than the time at a single house;
 * - `alley_split`: an alley longer than one session is walked over several outings.
 */
export const OUTING_FLAGS = ['too_far', 'session_too_short', 'alley_split'] as const;
export type OutingFlag = (typeof OUTING_FLAGS)[number];
