/** Visit outcomes, shared by visits and the household status they set (no import cycle). */
export const VISIT_OUTCOMES = ['met', 'not_home', 'refused', 'moved', 'do_not_contact'] as const;
export type VisitOutcome = (typeof VISIT_OUTCOMES)[number];
