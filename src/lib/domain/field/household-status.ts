/**
 * A household's status on the route map and list: the latest visit wins, whether the server
 * knows it (from the saved route) or it is still in the device's outbox. Pure.
 */
import type { VisitOutcomeCode } from './visit-draft.ts';

export type HouseholdStatus = 'not_visited' | VisitOutcomeCode;

export interface KnownVisit {
	id: string;
	visitedAt: number;
	outcome: VisitOutcomeCode;
	/** Still in the device's outbox, not yet on the server. */
	pending?: boolean;
}

// Colours per status: FIELD_STATUS_COLORS in src/lib/map/status-colors.ts (shared with the planner).

/** The latest of the given visits (visit time, then id, as the server orders them). */
export function latestVisit(visits: readonly (KnownVisit | null | undefined)[]): KnownVisit | null {
	let best: KnownVisit | null = null;
	for (const v of visits) {
		if (!v) continue;
		if (!best || v.visitedAt > best.visitedAt || (v.visitedAt === best.visitedAt && v.id > best.id))
			best = v;
	}
	return best;
}

/** Status of a household from the server's latest visit and the device's own visits. */
export function householdStatus(
	server: KnownVisit | null,
	local: readonly KnownVisit[]
): { status: HouseholdStatus; at: number | null; unsynced: boolean } {
	const latest = latestVisit([server, ...local]);
	if (!latest) return { status: 'not_visited', at: null, unsynced: false };
	return {
		status: latest.outcome,
		at: latest.visitedAt,
		unsynced: latest.pending === true
	};
}
