/**
 * A household's status on the planning map, from its flags and latest visit, and the automatic
 * revisit suggestions for households found not at home (at most three tries).
 */
import type { VisitOutcome } from '../choices.ts';

export const HOUSEHOLD_STATUSES = [
	'never',
	'met',
	'not_home',
	'revisit_due',
	'refused',
	'do_not_contact'
] as const;
export type HouseholdStatus = (typeof HOUSEHOLD_STATUSES)[number];

/** A household's visit history as far as status needs it. */
export interface VisitSummary {
	/** Latest visit's outcome, or null when never visited. */
	lastOutcome: VisitOutcome | null;
	/** Latest visit time, epoch ms. */
	lastVisitedAt: number | null;
	/** Revisit date the member recorded at the latest visit (YYYY-MM-DD), if any. */
	revisitOn: string | null;
	/** Not-home visits since the last visit that met someone. */
	notHomeStreak: number;
}

/** Revisits suggested after a "not home": 2, 5 and 9 days later, at another time of day. */
export const REVISIT_AFTER_DAYS = [2, 5, 9] as const;
export const MAX_REVISITS = REVISIT_AFTER_DAYS.length;
const DAY_MS = 86_400_000;

export interface RevisitSuggestion {
	/** 1, 2 or 3. */
	attempt: number;
	/** YYYY-MM-DD */
	dueOn: string;
	/** Try another time than the last visit: evening after a daytime miss, and so on. */
	timeOfDay: 'morning' | 'evening' | 'weekend';
}

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Vietnam time hour of an epoch ms. */
const vnHour = (ms: number) => (new Date(ms).getUTCHours() + 7) % 24;

/**
 * The next revisit for a household last found not at home, or null (not "not home", or three
 * revisits already tried). The member's own revisit date wins over the automatic one.
 */
export function revisitSuggestion(v: VisitSummary): RevisitSuggestion | null {
	if (v.lastOutcome !== 'not_home' || v.lastVisitedAt === null) return null;
	const attempt = v.notHomeStreak;
	if (attempt < 1 || attempt > MAX_REVISITS) return null;
	const days = REVISIT_AFTER_DAYS[attempt - 1]!;
	const dueOn = v.revisitOn ?? isoDay(v.lastVisitedAt + days * DAY_MS);
	const hour = vnHour(v.lastVisitedAt);
	const timeOfDay = attempt === MAX_REVISITS ? 'weekend' : hour < 16 ? 'evening' : 'morning';
	return { attempt, dueOn, timeOfDay };
}

/** Status for the map colours; `today` is YYYY-MM-DD in Vietnam time. */
export function householdStatus(
	h: { doNotContact: boolean },
	v: VisitSummary,
	today: string
): HouseholdStatus {
	if (h.doNotContact || v.lastOutcome === 'do_not_contact') return 'do_not_contact';
	switch (v.lastOutcome) {
		case null:
			return 'never';
		case 'met':
			return 'met';
		case 'refused':
		case 'moved':
			return 'refused';
		case 'not_home': {
			const s = revisitSuggestion(v);
			return s && s.dueOn <= today ? 'revisit_due' : 'not_home';
		}
	}
}
