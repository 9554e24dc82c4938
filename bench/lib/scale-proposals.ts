/**
 * Indexes the scale benchmark proposes (its plans and figures show why), applied to the shard
 * only for a measurement with --proposed-indexes and dropped afterwards, so the shard keeps the
 * schema of migrations/. A migration that adds them is the lead's to write (migrations are
 * append-only and 0007 is taken).
 */

export const PROPOSED_INDEXES = [
	{
		name: 'visits_household_time_idx',
		// householdStatusStatements (every visit write): latest visit of the given households.
		create:
			'CREATE INDEX IF NOT EXISTS visits_household_time_idx ON visits (household_id, visited_at)',
		serves: 'the household-status UPDATE of every visit write (it scans all visits without it)'
	},
	{
		name: 'metrics_dirty_order_idx',
		// pickCommunes: the oldest marks first.
		create:
			'CREATE INDEX IF NOT EXISTS metrics_dirty_order_idx ON metrics_dirty (marked_at, commune_code)',
		serves: "the metrics job's pick of the oldest marks (a scan and a sort of metrics_dirty)"
	},
	{
		name: 'services_order_idx',
		// The service catalogue in its order (7 rows: harmless, but no plan should scan).
		create: 'CREATE INDEX IF NOT EXISTS services_order_idx ON services (sort_order, code)',
		serves: 'the service catalogue in display order (a scan and a sort of 7 rows)'
	}
] as const;

/** Creates the proposed indexes. @returns the milliseconds it took. */
export async function applyProposals(d1: D1Database): Promise<number> {
	const started = performance.now();
	for (const p of PROPOSED_INDEXES) await d1.prepare(p.create).run();
	return performance.now() - started;
}

/** Drops the proposed indexes again. */
export async function dropProposals(d1: D1Database): Promise<void> {
	for (const p of PROPOSED_INDEXES) await d1.prepare(`DROP INDEX IF EXISTS ${p.name}`).run();
}
