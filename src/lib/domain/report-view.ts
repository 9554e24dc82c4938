/**
 * What a report page and GET /api/reports/{area}/{period} show (issue 16 §5): which version,
 * whether its figures are frozen or live, and the actions open to the caller.
 */
import type { ReportContent } from './report-content.ts';
import {
	allowedActions,
	type ReportAction,
	type ReportLevel,
	type ReportStatus
} from './report-workflow.ts';
import type { Actor } from './scope.ts';

/** A stored version as lists and the history show it (no content, no user ids). */
export interface ReportVersionMeta {
	id: string;
	version: number;
	status: ReportStatus;
	superseded: boolean;
	correctionReason: string | null;
	comment: string | null;
	createdAt: number;
	submittedAt: number | null;
	decidedAt: number | null;
}

export interface ReportView {
	level: ReportLevel;
	code: string;
	provinceCode: string;
	name: string;
	nameEn: string;
	period: string;
	/** The version shown; null when nothing is stored yet (a draft with live figures). */
	report: ReportVersionMeta | null;
	/** The versions the caller may see, newest first. */
	versions: ReportVersionMeta[];
	/** Frozen for a submitted or approved version, else live; null: no figures for the period. */
	content: ReportContent | null;
	live: boolean;
	/** The caller's allowed actions now. */
	actions: ReportAction[];
}

/** The version to show: the latest for those who see every status, else the latest approved. */
export function shownVersion<V extends { status: ReportStatus }>(
	versions: readonly V[],
	seesUnapproved: boolean
): V | null {
	const visible = seesUnapproved ? versions : versions.filter((v) => v.status === 'approved');
	return visible[0] ?? null;
}

/** A version's figures are frozen once submitted (and stay so when approved). */
export function isFrozen(status: ReportStatus | null): boolean {
	return status === 'submitted' || status === 'approved';
}

/**
 * The caller's actions on the shown version: the workflow's, less a submission while the
 * period's figures are not final (its months not all closed) or missing.
 */
export function viewActions(
	actor: Actor | null,
	r: { level: ReportLevel; code: string; provinceCode: string },
	shown: { status: ReportStatus; submittedBy: string | null } | null,
	latest: boolean,
	content: ReportContent | null
): ReportAction[] {
	const actions = allowedActions(actor, {
		...r,
		status: shown?.status ?? null,
		latest,
		submittedBy: shown?.submittedBy ?? null
	});
	return content?.final ? actions : actions.filter((a) => a !== 'submit');
}
