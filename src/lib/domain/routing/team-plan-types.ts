/**
 * Shapes of a team's plan over days (team-plan.ts): households, hamlets and members in; outings
 * (one member, one day, one session) out, with loads and the reasons for what could not fit.
 */
import type { OutingFlag, Session, StartKind, TravelMode } from './outing-kinds.ts';
import type { LonLat, PlanHousehold, SkipReason } from './types.ts';

/** A household as the team planner sees it. */
export interface TeamHousehold extends PlanHousehold {
	hamletId: string | null;
	/** Visit first: planned into the earliest sessions. */
	priority: boolean;
	/**
	 * A revisit due (the household is on a route already, found not at home): the day it falls
	 * due and the time of day to try. Null for a household on no route.
	 */
	revisit: { dueOn: string; timeOfDay: 'morning' | 'evening' | 'weekend' } | null;
}

/** A hamlet: its cultural house (nhà văn hóa) is where its outings start by default. */
export interface TeamHamlet {
	id: string;
	lon: number | null;
	lat: number | null;
}

/** Where a member's outings start: the hamlet's cultural house, their home, the first house. */
export type MemberStart = { kind: 'hamlet' } | { kind: 'first' } | { kind: 'home'; at: LonLat };

/** A member available for the plan. */
export interface TeamMember {
	id: string;
	/** Length of this member's sessions, minutes (default 180). */
	sessionMinutes: number;
	start: MemberStart;
}

/** How the work is spread: evenly over members and days, or into the earliest sessions. */
export const SPREADS = ['even', 'early'] as const;
export type Spread = (typeof SPREADS)[number];

/** The two ways of building the walk before it is cut (measured in bench/team-planning.ts). */
export type PlanMethod = 'cluster' | 'route';

export interface TeamPlanOptions {
	/** The days members go out, YYYY-MM-DD, ascending. */
	days: string[];
	/** Sessions offered on each of those days. */
	sessions: Session[];
	travelMode: TravelMode;
	/** Walking pace, metres per minute. */
	walkMPerMin: number;
	/** Time at each house, minutes. */
	minutesPerHouse: number;
	spread: Spread;
	/** Slots already held by saved outings, `memberId|day|session`: nothing else goes there. */
	busy?: string[];
	/** Force one way of building the walk (benchmarks, tests); default: the better of both. */
	method?: PlanMethod;
}

/** Defaults a leader can change: a 3-hour morning session, 8 minutes a house, evenly spread. */
export const DEFAULT_SESSION_MINUTES = 180;
export const DEFAULT_MINUTES_PER_HOUSE = 8;

/** One outing: one member, one day, one session (or not yet scheduled: all three null). */
export interface Outing {
	memberId: string | null;
	day: string | null;
	session: Session | null;
	/** Households in walking order. */
	householdIds: string[];
	start: LonLat | null;
	startKind: StartKind;
	/** Path length from the start through every house, metres. */
	distanceM: number;
	travelMinutes: number;
	/** Travel plus the time at every house. */
	minutes: number;
	/** The session it was cut to fit. */
	sessionMinutes: number;
	/** Hamlets (areas) it visits: one, or neighbouring ones. */
	areaIds: string[];
	/** Why it does not fit (or walks an alley in parts); null when it fits. */
	flag: OutingFlag | null;
	/** Households on it that are revisits due (stored as explicit revisit stops). */
	revisitIds: string[];
	/** Priority households on it. */
	priority: number;
}

/** Work per member or per day: outings, households and minutes. */
export interface Load {
	key: string;
	outings: number;
	households: number;
	minutes: number;
}

export interface TeamPlan {
	outings: Outing[];
	skipped: { id: string; reason: SkipReason }[];
	/** Per member (every member given, those with no work too) and per day. */
	members: Load[];
	days: Load[];
	/** Outings left without a session in the period. */
	unscheduled: number;
	method: PlanMethod;
	/**
	 * Planned households the commune's streets do not reach (farther than the snap distance from
	 * any street or path): their legs are straight lines × detour. Empty without a street graph.
	 */
	offNetwork: string[];
}
