/**
 * The report of a commune or a province for a month or a quarter (issue 16 §5): its workflow as
 * a state machine and who may do what. Pure: the API and the pages ask the same rules.
 *
 *   (none) ─submit→ submitted ─approve→ approved ─correct→ draft (version n+1) ─submit→ …
 *   draft  ─submit→ submitted ─return→  returned ─submit→  submitted
 *
 * The figures are frozen at submission (a snapshot) and kept on approval: later syncs change
 * the map, never an approved report. A correction is a new version with its reason; when it is
 * approved, the version it corrects is marked superseded. Approved is final.
 *
 * Who (docs/domain.md "Roles and scope"; the admin may do everything):
 *   commune report  — submitted (and corrected) by the commune admin of that commune;
 *                     approved or returned by the province admin of its province;
 *   province report — submitted (and corrected) by the province admin of that province;
 *                     approved or returned by an admin.
 * Nobody decides on a report they submitted themselves (four eyes), the admin included.
 */
import type { Actor } from './scope.ts';

export const REPORT_LEVELS = ['commune', 'province'] as const;
export type ReportLevel = (typeof REPORT_LEVELS)[number];

export const REPORT_STATUSES = ['draft', 'submitted', 'returned', 'approved'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const REPORT_ACTIONS = ['submit', 'approve', 'return', 'correct'] as const;
export type ReportAction = (typeof REPORT_ACTIONS)[number];

/** What the rules need to know of a report (a stored version, or none yet: status null). */
export interface ReportState {
	level: ReportLevel;
	code: string;
	provinceCode: string;
	/** null: nothing stored for this area and period yet (an implicit draft). */
	status: ReportStatus | null;
	/** The version is the latest of its area and period (older ones are history). */
	latest: boolean;
	submittedBy: string | null;
}

/** Why an action is refused: `transition` (409, wrong state) or `role` (403). */
export type ReportRefusal =
	{ ok: false; kind: 'transition'; reason: string } | { ok: false; kind: 'role'; reason: string };

export type ReportDecision = { ok: true; status: ReportStatus } | ReportRefusal;

const TRANSITIONS: Record<
	ReportAction,
	{ from: readonly (ReportStatus | null)[]; to: ReportStatus }
> = {
	submit: { from: [null, 'draft', 'returned'], to: 'submitted' },
	approve: { from: ['submitted'], to: 'approved' },
	return: { from: ['submitted'], to: 'returned' },
	// The correction is a new version: a draft, the approved one stays until it is approved.
	correct: { from: ['approved'], to: 'draft' }
};

/**
 * The status an action leads to from `status`, or why it cannot: approved is final (only a
 * correction follows it), only a submitted report is decided, only the latest version moves.
 */
export function transition(
	status: ReportStatus | null,
	action: ReportAction,
	latest = true
): ReportDecision {
	if (!latest)
		return { ok: false, kind: 'transition', reason: 'A later version of this report exists' };
	const rule = TRANSITIONS[action];
	if (rule.from.includes(status)) return { ok: true, status: rule.to };
	const now = status ?? 'not submitted';
	return {
		ok: false,
		kind: 'transition',
		reason: `A report that is ${now} cannot be ${PAST[action]}`
	};
}

const PAST: Record<ReportAction, string> = {
	submit: 'submitted',
	approve: 'approved',
	return: 'returned',
	correct: 'corrected'
};

/** The actor is the area's own administrator: the one who submits and corrects its report. */
function ownsArea(actor: Actor, r: Pick<ReportState, 'level' | 'code' | 'provinceCode'>): boolean {
	if (actor.role === 'admin') return true;
	if (r.level === 'commune')
		return (
			actor.role === 'commune_admin' &&
			actor.communeCode === r.code &&
			actor.provinceCode === r.provinceCode
		);
	return actor.role === 'province_admin' && actor.provinceCode === r.code;
}

/** The actor decides on the area's reports: the level above (the admin for a province). */
function decidesFor(actor: Actor, r: Pick<ReportState, 'level' | 'provinceCode'>): boolean {
	if (actor.role === 'admin') return true;
	return (
		r.level === 'commune' &&
		actor.role === 'province_admin' &&
		actor.provinceCode === r.provinceCode
	);
}

/** Whether the actor's role and scope allow `action` on the report (the state aside). */
export function mayAct(actor: Actor | null, action: ReportAction, r: ReportState): ReportDecision {
	const deny = (reason: string): ReportRefusal => ({ ok: false, kind: 'role', reason });
	if (!actor) return deny('Log in first');
	if (action === 'submit' || action === 'correct') {
		if (!ownsArea(actor, r)) return deny(`Only the ${r.level} admin may ${action} this report`);
	} else {
		if (!decidesFor(actor, r))
			return deny(
				r.level === 'commune'
					? 'Only the province admin decides on a commune report'
					: 'Only an admin decides on a province report'
			);
		if (r.submittedBy !== null && r.submittedBy === actor.userId)
			return deny('Nobody decides on a report they submitted');
	}
	return { ok: true, status: r.status ?? 'draft' };
}

/** Role first (403), then the state (409): the answer to an action request. */
export function decide(actor: Actor | null, action: ReportAction, r: ReportState): ReportDecision {
	const role = mayAct(actor, action, r);
	if (!role.ok) return role;
	return transition(r.status, action, r.latest);
}

/** The actions the actor may take on the report now (for the page's buttons). */
export function allowedActions(actor: Actor | null, r: ReportState): ReportAction[] {
	return REPORT_ACTIONS.filter((a) => decide(actor, a, r).ok);
}

/**
 * Who sees a report that is not approved: the administrators whose scope holds the area (the
 * commune admin their commune's, the province admin their province's and its communes'). The
 * public and everyone else see approved reports only.
 */
export function maySeeUnapproved(
	actor: Actor | null,
	r: Pick<ReportState, 'level' | 'code' | 'provinceCode'>
): boolean {
	if (!actor) return false;
	if (actor.role === 'admin') return true;
	if (actor.role === 'province_admin') return actor.provinceCode === r.provinceCode;
	return actor.role === 'commune_admin' && r.level === 'commune' && ownsArea(actor, r);
}

/** A reason or comment: trimmed, 3–1000 characters (a word at least, not an essay). */
export const REPORT_TEXT_MIN = 3;
export const REPORT_TEXT_MAX = 1000;
