/**
 * Writes of the report workflow (domain/report-workflow.ts): each is one conditional statement
 * (it changes the row only from the status the decision was made on), batched with its audit
 * entry, which is written only when the statement changed a row (`changes()`): a race lost to
 * another admin writes neither.
 */
import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { reports } from '../schema/index.ts';
import { statementOf } from '../bulk.ts';
import type { ReportContent } from '../../../domain/report-content.ts';
import type { ReportLevel, ReportStatus } from '../../../domain/report-workflow.ts';

type Area = { level: ReportLevel; code: string; provinceCode: string; period: string };

/** Version 1, submitted with its frozen content (the unique index refuses a second one). */
export function insertSubmitted(
	db: Db,
	id: string,
	area: Area,
	content: ReportContent,
	userId: string,
	now: number
) {
	return statementOf(
		db,
		db.insert(reports).values({
			id,
			...area,
			version: 1,
			status: 'submitted',
			content: JSON.stringify(content),
			createdBy: userId,
			createdAt: now,
			submittedBy: userId,
			submittedAt: now,
			updatedAt: now
		})
	);
}

/** A draft or returned version submitted (again), with the content frozen now. */
export function resubmit(db: Db, id: string, content: ReportContent, userId: string, now: number) {
	return statementOf(
		db,
		db
			.update(reports)
			.set({
				status: 'submitted',
				content: JSON.stringify(content),
				submittedBy: userId,
				submittedAt: now,
				updatedAt: now
			})
			.where(and(eq(reports.id, id), inArray(reports.status, ['draft', 'returned'])))
			.returning({ id: reports.id })
	);
}

/** A submitted version approved or returned (with the comment) by `userId`. */
export function decideSubmitted(
	db: Db,
	id: string,
	to: Extract<ReportStatus, 'approved' | 'returned'>,
	userId: string,
	now: number,
	comment: string | null
) {
	return statementOf(
		db,
		db
			.update(reports)
			.set({
				status: to,
				decidedBy: userId,
				decidedAt: now,
				updatedAt: now,
				...(to === 'returned' ? { comment } : {})
			})
			.where(and(eq(reports.id, id), eq(reports.status, 'submitted')))
			.returning({ id: reports.id })
	);
}

/**
 * Earlier approved versions of an area's period, marked superseded once version `id` is
 * approved (only if it is: the approval may have lost a race).
 */
export function supersedeEarlier(db: Db, area: Area, id: string, version: number, now: number) {
	return statementOf(
		db,
		db
			.update(reports)
			.set({ superseded: true, updatedAt: now })
			.where(
				and(
					eq(reports.level, area.level),
					eq(reports.code, area.code),
					eq(reports.period, area.period),
					eq(reports.status, 'approved'),
					lt(reports.version, version),
					sql`exists (select 1 from reports r2 where r2.id = ${id} and r2.status = 'approved')`
				)
			)
	);
}

/** Version n+1, a draft correcting an approved version n, with its reason. */
export function insertCorrection(
	db: Db,
	id: string,
	area: Area,
	version: number,
	reason: string,
	userId: string,
	now: number
) {
	return statementOf(
		db,
		db.insert(reports).values({
			id,
			...area,
			version,
			status: 'draft',
			correctionReason: reason,
			createdBy: userId,
			createdAt: now,
			updatedAt: now
		})
	);
}

/**
 * The audit insert `entry`, made conditional on the previous statement of the batch having
 * changed a row (SQLite's changes(), per statement, in the batch's one transaction).
 */
export function ifChanged(db: Db, entry: { toSQL(): { sql: string; params: unknown[] } }) {
	const { sql, params } = entry.toSQL();
	const m = /^insert into (\S+) \((.*)\) values \((.*)\)$/is.exec(sql);
	if (!m) throw new Error(`not a single-row insert: ${sql}`);
	return db.$client
		.prepare(`insert into ${m[1]} (${m[2]}) select ${m[3]} where changes() > 0`)
		.bind(...params);
}
