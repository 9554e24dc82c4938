/**
 * Reports of a commune or a province for a month or a quarter (issue 16 §5): one row per
 * version. The workflow and who may move it are domain/report-workflow.ts; what a report says is
 * domain/report-content.ts, frozen into `content` at submission and kept on approval.
 */
import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { REPORT_LEVELS, REPORT_STATUSES } from '../../../domain/report-workflow.ts';

export const reports = sqliteTable(
	'reports',
	{
		id: text('id').primaryKey(),
		level: text('level', { enum: REPORT_LEVELS }).notNull(),
		/** The commune (5 digits) or province (2 digits) code. */
		code: text('code').notNull(),
		/** The province of the area (its own code for a province report). */
		provinceCode: text('province_code').notNull(),
		/** "YYYY-MM" or "YYYY-Qn". */
		period: text('period').notNull(),
		/** 1, then n+1 for each correction of an approved version. */
		version: integer('version').notNull(),
		status: text('status', { enum: REPORT_STATUSES }).notNull(),
		/** JSON ReportContent frozen at submission; null while a draft (figures are live). */
		content: text('content'),
		/** Why version n+1 corrects version n (required for a correction). */
		correctionReason: text('correction_reason'),
		/** An approved version whose correction has been approved since. */
		superseded: integer('superseded', { mode: 'boolean' }).notNull().default(false),
		createdBy: text('created_by'),
		createdAt: integer('created_at').notNull(),
		submittedBy: text('submitted_by'),
		submittedAt: integer('submitted_at'),
		decidedBy: text('decided_by'),
		decidedAt: integer('decided_at'),
		/** The province admin's (or admin's) reason when returning the report. */
		comment: text('comment'),
		updatedAt: integer('updated_at').notNull()
	},
	(t) => [
		// one row per version of an area's period; the latest version of an area and period.
		uniqueIndex('reports_area_period_version_idx').on(t.level, t.code, t.period, t.version),
		// the list of reports in a province admin's scope (and a commune admin's, by code).
		index('reports_province_period_idx').on(t.provinceCode, t.period),
		// the public list: approved reports, newest periods first.
		index('reports_status_period_idx').on(t.status, t.period)
	]
);

export type ReportRow = typeof reports.$inferSelect;
