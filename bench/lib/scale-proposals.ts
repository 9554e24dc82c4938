/**
 * Indexes the scale benchmark proposes (its plans and figures show why), applied to the shard
 * only for a measurement with --proposed-indexes and dropped afterwards, so the shard keeps the
 * schema of migrations/. Empty now: its earlier proposals are migrations — `visits (household_id,
 * visited_at)` and `metrics_dirty (marked_at, commune_code)` in 0009, `services (sort_order,
 * code)` in 0011. Add one here to measure it before writing its migration.
 */
export interface ProposedIndex {
	name: string;
	create: string;
	/** The statement it serves, and what it does without it. */
	serves: string;
}

export const PROPOSED_INDEXES: readonly ProposedIndex[] = [];

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
