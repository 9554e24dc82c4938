/** Reads of the stored reports (schema/reports.ts): versions of an area's period, lists in scope. */
import { and, desc, eq, getTableColumns, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { communes, provinces, reports, type ReportRow } from '../schema/index.ts';
import type { Actor } from '../../../domain/scope.ts';
import type { ReportContent } from '../../../domain/report-content.ts';
import type { ReportLevel } from '../../../domain/report-workflow.ts';

/** A stored version without its content (lists, version history). */
export type ReportMeta = Omit<ReportRow, 'content'>;

const { content: _content, ...metaColumns } = getTableColumns(reports);

/** Every version of an area's period, newest first (served by the unique area index). */
export function reportVersions(
	db: Db,
	level: ReportLevel,
	code: string,
	period: string
): Promise<ReportMeta[]> {
	return db
		.select(metaColumns)
		.from(reports)
		.where(and(eq(reports.level, level), eq(reports.code, code), eq(reports.period, period)))
		.orderBy(desc(reports.version));
}

/** One stored version with its content, or undefined. */
export async function reportById(db: Db, id: string): Promise<ReportRow | undefined> {
	const [row] = await db.select().from(reports).where(eq(reports.id, id));
	return row;
}

/** The frozen content of a version (null while a draft). */
export function frozenContent(row: Pick<ReportRow, 'content'>): ReportContent | null {
	return row.content ? (JSON.parse(row.content) as ReportContent) : null;
}

/**
 * What the actor may list: approved versions everywhere, and every version within their scope
 * (the admin all; a province admin their province; a commune admin their commune's).
 */
function visibleTo(actor: Actor | null): SQL | undefined {
	const approved = eq(reports.status, 'approved');
	if (!actor) return approved;
	if (actor.role === 'admin') return undefined;
	if (actor.role === 'province_admin' && actor.provinceCode)
		return or(approved, eq(reports.provinceCode, actor.provinceCode));
	if (actor.role === 'commune_admin' && actor.communeCode)
		return or(approved, and(eq(reports.level, 'commune'), eq(reports.code, actor.communeCode)));
	return approved;
}

/** Reports the actor may see with their area's name, newest period first, filtered. */
export function listReports(
	db: Db,
	actor: Actor | null,
	filter: { province?: string; period?: string; limit: number }
): Promise<(ReportMeta & { name: string | null })[]> {
	return db
		.select({
			...metaColumns,
			name: sql<string | null>`coalesce(${communes.fullName}, ${provinces.fullName})`
		})
		.from(reports)
		.leftJoin(communes, and(eq(reports.level, 'commune'), eq(communes.code, reports.code)))
		.leftJoin(provinces, and(eq(reports.level, 'province'), eq(provinces.code, reports.code)))
		.where(
			and(
				visibleTo(actor),
				filter.province ? eq(reports.provinceCode, filter.province) : undefined,
				filter.period ? eq(reports.period, filter.period) : undefined
			)
		)
		.orderBy(desc(reports.period), reports.level, reports.code, desc(reports.version))
		.limit(filter.limit);
}
