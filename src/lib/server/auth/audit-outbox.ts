/**
 * The audit outbox of a province shard (docs/sharding.md): an entry describing a write to shard
 * records goes into the shard's own `audit_log`, in the same batch as the write, so the two
 * commit together. The scheduled run moves the entries to the global audit_log; the audit page
 * moves its area's shard first, so an admin sees a write the moment it is made.
 *
 * A move copies a chunk (INSERT OR IGNORE by id: a repeat after a failure adds nothing) and only
 * then deletes it from the shard, so an entry is never lost, at worst copied twice and kept once.
 */
import type { Db } from '../db/client.ts';
import { isGlobal, type ShardDb, type ShardRouter } from '../db/shards.ts';

/** Entries per chunk: one bound JSON parameter, well under D1's 2 MB. */
export const OUTBOX_CHUNK = 200;

const COLUMNS = [
	'id',
	'at',
	'actor_user_id',
	'actor_role',
	'kind',
	'action',
	'entity',
	'entity_id',
	'province_code',
	'commune_code',
	'detail',
	'request_id'
] as const;

const COPY_SQL = `INSERT OR IGNORE INTO audit_log (${COLUMNS.join(', ')})
	SELECT ${COLUMNS.map((c) => `value ->> '${c}'`).join(', ')} FROM json_each(?1)`;

export interface OutboxReport {
	moved: number;
	/** D1 statements sent (three per chunk and one final look). */
	statements: number;
}

/**
 * Moves up to `maxChunks` chunks of a shard's outbox into the global audit_log, oldest first.
 * With one database the shard is the global D1 and there is nothing to move.
 */
export async function drainAuditOutbox(
	global: Db,
	shard: ShardDb,
	maxChunks = 50
): Promise<OutboxReport> {
	const report = { moved: 0, statements: 0 };
	if (isGlobal(shard, global)) return report;
	for (let i = 0; i < maxChunks; i++) {
		const { results } = await shard.$client
			.prepare(`SELECT ${COLUMNS.join(', ')} FROM audit_log ORDER BY at, id LIMIT ?1`)
			.bind(OUTBOX_CHUNK)
			.all<Record<(typeof COLUMNS)[number], unknown>>();
		report.statements += 1;
		if (results.length === 0) break;
		await global.$client.prepare(COPY_SQL).bind(JSON.stringify(results)).run();
		await shard.$client
			.prepare('DELETE FROM audit_log WHERE id IN (SELECT value FROM json_each(?1))')
			.bind(JSON.stringify(results.map((r) => r.id)))
			.run();
		addReport(report, { moved: results.length, statements: 2 });
		if (results.length < OUTBOX_CHUNK) break;
	}
	return report;
}

/**
 * The scheduled run's move: every shard's outbox, within a budget of D1 statements (a Worker
 * invocation allows 1,000 queries, and the metrics run needs its share).
 */
export async function drainAuditOutboxes(
	global: Db,
	shards: ShardRouter,
	budget = 150
): Promise<OutboxReport> {
	const total = { moved: 0, statements: 0 };
	const all = shards.all();
	for (const [i, s] of all.entries()) {
		const left = budget - total.statements;
		if (left < 4) break;
		// An even share of what is left, at least one chunk (4 statements) per shard.
		const chunks = Math.max(1, Math.floor(left / (all.length - i) / 3));
		addReport(total, await drainAuditOutbox(global, s.db, chunks));
	}
	return total;
}

/** Adds a move's figures to a running total. */
function addReport(total: OutboxReport, r: OutboxReport): void {
	total.moved += r.moved;
	total.statements += r.statements;
}
