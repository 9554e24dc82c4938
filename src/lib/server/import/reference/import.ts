/**
 * The reference-data import: validate everything, diff against the database, write only the
 * differences in one atomic batch. Runs on the text of the files, so the same code serves the
 * node CLI (scripts/import-reference.ts) and, later, an admin upload in the worker.
 */
import type { Db } from '../../db/client.ts';
import { buildDataset, type ReferenceDataset } from './dataset.ts';
import type { ReferenceTexts } from './files.ts';
import { diffAll, readCurrent, TABLE_NAMES, type Diffs, type ReferenceTable } from './tables.ts';
import { diffStatements, metaStatement, runBatch } from './write.ts';

export const META_IMPORTED_AT = 'reference_imported_at';
export const META_DATA_HASH = 'reference_data_hash';

/** Row counts of one table after an import. */
export interface TableReport {
	inserted: number;
	updated: number;
	deleted: number;
	unchanged: number;
	/** Rows in the table but not in the data, kept on purpose (see tables.ts policies). */
	retained: number;
}

/** What an import did. */
export interface ImportReport {
	tables: Record<ReferenceTable, TableReport>;
	/** True when any reference row or meta fact was written. */
	changed: boolean;
	/** SHA-256 (hex) of the validated dataset; stored as meta `reference_data_hash`. */
	dataHash: string;
	/** Number of SQL statements in the write batch (0 when nothing changed). */
	statements: number;
	elapsedMs: number;
}

/**
 * SHA-256 of the dataset's canonical JSON (tables sorted by key, see dataset.ts): the meta
 * `reference_data_hash` both the direct import and the SQL export (sql-file.ts) store.
 *
 * @returns the hash as 64 lower-case hex digits
 */
export async function hashDataset(dataset: ReferenceDataset): Promise<string> {
	const bytes = new TextEncoder().encode(JSON.stringify(dataset));
	const digest = await crypto.subtle.digest('SHA-256', bytes);
	return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Per-table counts from the diffs. */
function tableReports(diffs: Diffs): Record<ReferenceTable, TableReport> {
	const entries = TABLE_NAMES.map((name): [ReferenceTable, TableReport] => {
		const d = diffs[name];
		return [
			name,
			{
				inserted: d.inserts.length,
				updated: d.updates.length,
				deleted: d.deletes.length,
				unchanged: d.unchanged,
				retained: d.retained
			}
		];
	});
	return Object.fromEntries(entries) as Record<ReferenceTable, TableReport>;
}

/**
 * Imports the reference data into `db`. Validation happens before any write; rows that are
 * already right are not rewritten, and meta `reference_imported_at` / `reference_data_hash`
 * are written only when something changed (or the stored hash is missing or stale).
 *
 * @param texts the content of every reference file
 * @param now the import time stored in meta (default: the current time)
 * @returns per-table counts, the data hash and the elapsed time
 * @throws ImportError when the data is malformed or inconsistent; the database is untouched
 */
export async function importReferenceData(
	db: Db,
	texts: ReferenceTexts,
	now: Date = new Date()
): Promise<ImportReport> {
	const started = performance.now();
	const dataset = buildDataset(texts);
	const dataHash = await hashDataset(dataset);
	const current = await readCurrent(db);
	const diffs = diffAll(current, dataset);
	const statements = diffStatements(db, diffs);
	const metaStale = current.meta.get(META_DATA_HASH) !== dataHash;
	if (statements.length > 0 || metaStale) {
		const facts = { [META_IMPORTED_AT]: now.toISOString(), [META_DATA_HASH]: dataHash };
		statements.push(metaStatement(db, facts, now));
	}
	await runBatch(db, statements);
	return {
		tables: tableReports(diffs),
		changed: statements.length > 0,
		dataHash,
		statements: statements.length,
		elapsedMs: Math.round(performance.now() - started)
	};
}
