/**
 * Retention (issue 13): households whose personal fields are due for review, and the audit
 * log's housekeeping. The rules and periods are domain/personal-data.ts; these are the reads and
 * writes. The scheduled job (issue 15) calls pruneAuditLog; tests call it directly.
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { ShardDb } from '../db/shards.ts';
import { hamlets } from '../db/schema/index.ts';
import { auditInsert } from '../auth/audit.ts';
import { statementOf } from '../db/bulk.ts';
import { auditCutoff } from '../../domain/personal-data.ts';

/** The most households one review list returns (the total is always counted). */
export const REVIEW_LIST_LIMIT = 500;

export interface ReviewRow {
	id: string;
	address: string;
	hamletId: string | null;
	hamletName: string | null;
	hasName: boolean;
	hasPhone: boolean;
	hasPoint: boolean;
	createdAt: number;
	lastVisitAt: number | null;
	reviewedAt: number | null;
}

// Served by households_commune_idx (province, commune prefix); the rest is a scan of one commune.
const LAST_TOUCHED = `max(h.created_at, coalesce(h.last_visit_at, 0), coalesce(h.reviewed_at, 0))`;
const DUE = `FROM households h
	WHERE h.province_code = ?1 AND h.commune_code = ?2 AND h.erased_at IS NULL
		AND ${LAST_TOUCHED} < ?3`;

/** The names of a commune's hamlets (global D1), by id. */
async function hamletNames(db: Db, area: { provinceCode: string; communeCode: string }) {
	const rows = await db
		.select({ id: hamlets.id, name: hamlets.name })
		.from(hamlets)
		.where(
			and(eq(hamlets.provinceCode, area.provinceCode), eq(hamlets.communeCode, area.communeCode))
		);
	return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * Households of a commune not visited, created nor kept on review since `cutoff`, the longest
 * untouched first (at most REVIEW_LIST_LIMIT), and how many there are in all.
 * @param db the global D1 (hamlet names); shard: the commune's province shard (households).
 */
export async function householdsDueForReview(
	db: Db,
	shard: ShardDb,
	area: { provinceCode: string; communeCode: string },
	cutoff: number
): Promise<{ total: number; households: ReviewRow[] }> {
	const names = await hamletNames(db, area);
	const d1 = shard.$client;
	const binds = [area.provinceCode, area.communeCode, cutoff];
	const [total, rows] = await d1.batch([
		d1.prepare(`SELECT count(*) AS n ${DUE}`).bind(...binds),
		d1
			.prepare(
				`SELECT h.id, h.address, h.hamlet_id,
					h.head_name IS NOT NULL AS has_name, h.head_phone IS NOT NULL AS has_phone,
					h.lon IS NOT NULL AS has_point, h.created_at, h.last_visit_at, h.reviewed_at
				${DUE} ORDER BY ${LAST_TOUCHED}, h.id LIMIT ${REVIEW_LIST_LIMIT}`
			)
			.bind(...binds)
	]);
	type Row = Record<string, string | number | null>;
	return {
		total: Number((total!.results[0] as Row | undefined)?.n ?? 0),
		households: (rows!.results as Row[]).map((r) => ({
			id: String(r.id),
			address: String(r.address),
			hamletId: (r.hamlet_id as string | null) ?? null,
			hamletName: names.get(r.hamlet_id as string) ?? null,
			hasName: r.has_name === 1,
			hasPhone: r.has_phone === 1,
			hasPoint: r.has_point === 1,
			createdAt: Number(r.created_at),
			lastVisitAt: (r.last_visit_at as number | null) ?? null,
			reviewedAt: (r.reviewed_at as number | null) ?? null
		}))
	};
}

/** Rows one housekeeping statement deletes (D1 limits a statement's time, not its rows). */
const PRUNE_CHUNK = 5_000;

/**
 * Deletes audit entries older than the retention (`years` before `now`), a chunk at a time,
 * then records one `audit.prune` entry (no actor: the system) saying how many and up to when.
 * @returns how many entries were deleted and the cutoff (epoch ms).
 */
export async function pruneAuditLog(
	db: Db,
	opts: { now?: number; years: number }
): Promise<{ deleted: number; cutoff: number }> {
	const now = opts.now ?? Date.now();
	const cutoff = auditCutoff(now, opts.years);
	const d1 = db.$client;
	const chunk = d1
		.prepare(
			`DELETE FROM audit_log WHERE id IN (SELECT id FROM audit_log WHERE at < ?1 LIMIT ${PRUNE_CHUNK})`
		)
		.bind(cutoff);
	let deleted = 0;
	for (;;) {
		const r = await chunk.run();
		deleted += r.meta.changes ?? 0;
		if ((r.meta.changes ?? 0) < PRUNE_CHUNK) break;
	}
	const entry = auditInsert(
		db,
		null,
		{
			kind: 'write',
			action: 'audit.prune',
			entity: 'audit_log',
			detail: { rows: deleted, before: new Date(cutoff).toISOString(), years: opts.years }
		},
		null,
		now
	);
	await statementOf(db, entry).run();
	return { deleted, cutoff };
}
