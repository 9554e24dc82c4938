/**
 * The figures of a leader's day, from plain records: a team's progress over its area, each
 * member's sync state, the week's dates. Pure (no database, no DOM), so the API and the tests
 * share one definition of "reached", "gap" and "late".
 */
import { householdStatus, type VisitSummary } from './routing/status.ts';
import { addDays } from './vn-time.ts';

/** Day arithmetic lives in vn-time.ts; re-exported for the overview's callers. */
export { addDays };

const DAY_MS = 86_400_000;

/** The days a leader plans ahead on their home: today and the next six. */
export const WEEK_DAYS = 7;

/** Unsent visits older than this make a member's sync "late" (flagged to the leader). */
export const LATE_AFTER_MS = DAY_MS;

/** A household as progress needs it (the planning list's shape). */
export interface ProgressHousehold {
	doNotContact: boolean;
	/** The route holding it (not counting revisits), or null. */
	routeId: string | null;
	visits: VisitSummary;
	/** How many households this row stands for (a group of alike ones); 1 when absent. */
	count?: number;
}

/** A team's progress over its area; every figure counts households. */
export interface AreaProgress {
	/** Households of the area (the denominator of every other figure). */
	households: number;
	/** With at least one visit, ever. */
	visited: number;
	/** Latest visit in the last 12 months met someone (docs/domain.md `households_reached`). */
	reached: number;
	/** Found not at home, and the next try is due today or earlier. */
	revisitsDue: number;
	/** On no route and not "do not contact": still to plan. */
	gaps: number;
}

/**
 * Counts a team's progress over the households of its area.
 * @param today YYYY-MM-DD in Vietnam time (revisit due dates are local dates).
 * @param reachedSince epoch ms: visits before it no longer count as "reached" (12 months ago).
 */
export function areaProgress(
	hs: readonly ProgressHousehold[],
	today: string,
	reachedSince: number
): AreaProgress {
	const p: AreaProgress = { households: 0, visited: 0, reached: 0, revisitsDue: 0, gaps: 0 };
	for (const h of hs) {
		const v = h.visits;
		const status = householdStatus(h, v, today);
		const n = h.count ?? 1;
		p.households += n;
		if (v.lastVisitedAt !== null) p.visited += n;
		if (v.lastOutcome === 'met' && v.lastVisitedAt !== null && v.lastVisitedAt >= reachedSince)
			p.reached += n;
		if (status === 'revisit_due') p.revisitsDue += n;
		if (h.routeId === null && status !== 'do_not_contact') p.gaps += n;
	}
	return p;
}

/** A device's watermark as it reported it at its last contact (table sync_devices). */
export interface DeviceWatermark {
	lastSeenAt: number;
	pending: number;
	oldestPendingAt: number | null;
	/** Set when the browser came back with a new store: this device's pending are gone. */
	replacedBy: string | null;
}

/** What a leader needs to know about a member's phone(s). */
export interface MemberSync {
	/** Last contact of any of the member's devices, epoch ms. */
	lastSeenAt: number;
	/** Visits still on the member's devices, not yet on the server. */
	pending: number;
	/** Time of the oldest of them, epoch ms (null when none). */
	oldestPendingAt: number | null;
	/** Some unsent visit is older than LATE_AFTER_MS: the leader should call the member. */
	late: boolean;
}

/**
 * Sums a member's devices into one sync state, or null when none ever synced. Replaced devices
 * count for the last contact only (their unsent visits were lost, not pending). A device that
 * reported unsent visits more than a day ago has, by then, an oldest unsent visit older than a
 * day, so "late" covers both a silent phone and a phone whose visits do not go through.
 */
export function memberSync(devices: readonly DeviceWatermark[], now: number): MemberSync | null {
	if (devices.length === 0) return null;
	let lastSeenAt = 0;
	let pending = 0;
	let oldest: number | null = null;
	for (const d of devices) {
		lastSeenAt = Math.max(lastSeenAt, d.lastSeenAt);
		if (d.replacedBy !== null || d.pending <= 0) continue;
		pending += d.pending;
		const since = d.oldestPendingAt ?? d.lastSeenAt;
		oldest = oldest === null ? since : Math.min(oldest, since);
	}
	const late = oldest !== null && now - oldest > LATE_AFTER_MS;
	return { lastSeenAt, pending, oldestPendingAt: oldest, late };
}

/** The leader's week: today and the next six days, as an inclusive range of YYYY-MM-DD. */
export function weekOf(today: string): { from: string; to: string } {
	return { from: today, to: addDays(today, WEEK_DAYS - 1) };
}
