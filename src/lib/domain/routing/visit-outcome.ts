/** Visit outcomes as the domain knows them (mirrors db/schema/visits.ts VISIT_OUTCOMES). */
export const VISIT_OUTCOMES = ['met', 'not_home', 'refused', 'moved', 'do_not_contact'] as const;
export type VisitOutcome = (typeof VISIT_OUTCOMES)[number];
