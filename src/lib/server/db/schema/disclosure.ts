/**
 * Suppression across time and geography (issue 16 §8, docs/disclosure.md): the cells of each
 * metric's publication that the metrics job hid (domain/disclosure-publish.ts), so requests only
 * read flags. A cell is (metric, period, code): period "YYYY-MM", "YYYY-Qn" or "last12" (the
 * 12-month figures), code a commune, a province or "VN".
 */
import { sqliteTable, text, integer, primaryKey } from 'drizzle-orm/sqlite-core';

export const disclosureHidden = sqliteTable(
	'disclosure_hidden',
	{
		metric: text('metric').notNull(),
		period: text('period').notNull(),
		code: text('code').notNull()
	},
	// (metric, period): the hidden cells of one metric's month, quarter or 12-month figures.
	(t) => [primaryKey({ columns: [t.metric, t.period, t.code] })]
);

/**
 * The job's last protection of each metric: a metric whose month rows were written after it
 * (or whose window moved on) is protected again.
 */
export const disclosureRuns = sqliteTable('disclosure_runs', {
	metric: text('metric').primaryKey(),
	/** The window's last month (the current month then). */
	currentMonth: text('current_month').notNull(),
	hidden: integer('hidden').notNull(),
	/** Cells the whole-hierarchy audit still flagged (expected 0). */
	unresolved: integer('unresolved').notNull(),
	elapsedMs: integer('elapsed_ms').notNull(),
	/**
	 * The flags match the stored month rows: they replace the cross-section's rule when read.
	 * Cleared when the rows change and this metric waits for a later run.
	 */
	fresh: integer('fresh', { mode: 'boolean' }).notNull().default(true),
	computedAt: integer('computed_at').notNull()
});
