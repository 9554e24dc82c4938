/**
 * Loading a report for a caller (the API and the report page share it): its area, the version
 * the caller may see, its frozen or live figures, and the caller's actions.
 */
import type { Db } from '../db/client.ts';
import { reportArea, liveReportContent, type ReportAreaRef } from '../db/queries/report-figures.ts';
import {
	frozenContent,
	reportById,
	reportVersions,
	type ReportMeta
} from '../db/queries/reports.ts';
import type { ReportRow } from '../db/schema/index.ts';
import { maySeeUnapproved } from '../../domain/report-workflow.ts';
import {
	isFrozen,
	shownVersion,
	viewActions,
	type ReportVersionMeta,
	type ReportView
} from '../../domain/report-view.ts';
import type { Actor } from '../../domain/scope.ts';

/** A stored version as the caller sees it (no user ids). */
export function versionMeta(r: ReportMeta): ReportVersionMeta {
	return {
		id: r.id,
		version: r.version,
		status: r.status,
		superseded: r.superseded,
		correctionReason: r.correctionReason,
		comment: r.comment,
		createdAt: r.createdAt,
		submittedAt: r.submittedAt,
		decidedAt: r.decidedAt
	};
}

export type LoadedReport =
	| { found: false; why: 'area' | 'hidden' }
	| { found: true; view: ReportView; area: ReportAreaRef; shown: ReportMeta | null };

/**
 * The report of an area (commune or province code) and period for `actor` (null: the public).
 * The public (and anyone without the area in scope) sees the latest approved version only:
 * `hidden` when there is none.
 */
export async function loadReport(
	db: Db,
	actor: Actor | null,
	code: string,
	period: string
): Promise<LoadedReport> {
	const area = await reportArea(db, code);
	if (!area) return { found: false, why: 'area' };
	const seesAll = maySeeUnapproved(actor, area);
	const all = await reportVersions(db, area.level, area.code, period);
	const versions = seesAll ? all : all.filter((v) => v.status === 'approved');
	const shown = shownVersion(versions, seesAll);
	if (!seesAll && !shown) return { found: false, why: 'hidden' };
	const frozen = shown && isFrozen(shown.status) ? await reportById(db, shown.id) : undefined;
	const content = frozen ? frozenContent(frozen) : await liveReportContent(db, area, period);
	const latest = !shown || shown.id === all[0]?.id;
	return {
		found: true,
		area,
		shown,
		view: {
			level: area.level,
			code: area.code,
			provinceCode: area.provinceCode,
			name: area.name,
			nameEn: area.nameEn,
			period,
			report: shown && versionMeta(shown),
			versions: versions.map(versionMeta),
			content,
			live: !frozen,
			actions: viewActions(actor, area, shown, latest, content)
		}
	};
}

/** A stored version visible to `actor` (the public: approved ones), or undefined. */
export async function visibleVersion(
	db: Db,
	actor: Actor | null,
	id: string
): Promise<ReportRow | undefined> {
	const row = await reportById(db, id);
	if (!row) return undefined;
	if (row.status === 'approved' || maySeeUnapproved(actor, row)) return row;
	return undefined;
}
