/**
 * The visit form's rules: from what the member entered to the immutable visit the device stores
 * and syncs. The same count rules as the server (db/schema/visits.input.ts), so a visit that
 * the form accepts is one the server accepts. Pure.
 */

import { ISO_DAY } from '../codes.ts';
import type { VisitOutcome } from '../choices.ts';

/** A visit's outcome as field mode names it: the one list of domain/choices.ts. */
export type VisitOutcomeCode = VisitOutcome;

/** Per service: adults already using it before the visit, and adults helped with it now. */
export interface ServiceEntry {
	code: string;
	already: number;
	helped: number;
}

export interface VisitDraft {
	outcome: VisitOutcomeCode | null;
	adults: number;
	services: ServiceEntry[];
	note: string;
	/** YYYY-MM-DD or "" */
	revisitOn: string;
}

/** Where the visit happens: the saved route's context. */
export interface VisitContext {
	id: string;
	provinceCode: string;
	communeCode: string;
	householdId: string;
	routeId: string | null;
	memberId: string | null;
	visitedAt: number;
}

/** The visit as stored in the outbox and sent to POST /api/visits. */
export interface VisitPayload extends VisitContext {
	outcome: VisitOutcomeCode;
	adults: number;
	peopleHelped: number;
	note: string | null;
	revisitOn: string | null;
	services: { serviceCode: string; adultsUsing: number; helped: number }[];
}

export type DraftIssue =
	| { field: 'outcome'; code: 'required' }
	| { field: 'adults'; code: 'range' }
	| { field: 'note'; code: 'too_long' }
	| { field: 'revisitOn'; code: 'date' }
	| { field: `services.${string}`; code: 'more_than_adults' };

export const MAX_ADULTS = 60;
export const MAX_NOTE = 1000;

/** A fresh form for a household of `adults` adults and these services. */
export function emptyDraft(adults: number, serviceCodes: readonly string[]): VisitDraft {
	return {
		outcome: null,
		adults,
		services: serviceCodes.map((code) => ({ code, already: 0, helped: 0 })),
		note: '',
		revisitOn: ''
	};
}

/** Problems the member must fix before saving; [] when the draft can be saved. */
export function draftIssues(d: VisitDraft): DraftIssue[] {
	const issues: DraftIssue[] = [];
	if (!d.outcome) issues.push({ field: 'outcome', code: 'required' });
	if (!Number.isInteger(d.adults) || d.adults < 0 || d.adults > MAX_ADULTS)
		issues.push({ field: 'adults', code: 'range' });
	if (d.note.trim().length > MAX_NOTE) issues.push({ field: 'note', code: 'too_long' });
	if (d.revisitOn && !ISO_DAY.test(d.revisitOn)) issues.push({ field: 'revisitOn', code: 'date' });
	if (d.outcome === 'met') {
		for (const s of d.services) {
			if (s.already + s.helped > d.adults)
				issues.push({ field: `services.${s.code}`, code: 'more_than_adults' });
		}
	}
	return issues;
}

/**
 * The immutable visit for a valid draft. Services are recorded only when someone was met;
 * people helped is the most helped with any one service (one person helped with two services
 * is one person).
 * @throws Error when the draft has issues (call draftIssues first).
 */
export function toVisitPayload(d: VisitDraft, ctx: VisitContext): VisitPayload {
	if (draftIssues(d).length > 0 || !d.outcome) throw new Error('the visit form has problems');
	const met = d.outcome === 'met';
	const services = met
		? d.services.map((s) => ({
				serviceCode: s.code,
				adultsUsing: s.already + s.helped,
				helped: s.helped
			}))
		: [];
	return {
		...ctx,
		outcome: d.outcome,
		adults: d.adults,
		peopleHelped: services.reduce((m, s) => Math.max(m, s.helped), 0),
		note: d.note.trim() || null,
		revisitOn: d.revisitOn || null,
		services
	};
}
