/** Summarises a household's visits (oldest first) into what status and revisits need. */
import type { VisitSummary } from './status.ts';
import type { VisitOutcome } from '../choices.ts';

export interface VisitRow {
	household_id: string;
	outcome: VisitOutcome;
	visited_at: number;
	revisit_on: string | null;
}

/**
 * Per household: latest outcome, time and revisit date, and the not-home streak (not-home
 * visits since anything else happened).
 * @param rows visits ordered by household, then time.
 */
export function summariseVisits(rows: readonly VisitRow[]): Map<string, VisitSummary> {
	const out = new Map<string, VisitSummary>();
	for (const v of rows) {
		const prev = out.get(v.household_id);
		const streak = v.outcome === 'not_home' ? (prev?.notHomeStreak ?? 0) + 1 : 0;
		out.set(v.household_id, {
			lastOutcome: v.outcome,
			lastVisitedAt: v.visited_at,
			revisitOn: v.revisit_on,
			notHomeStreak: streak
		});
	}
	return out;
}
