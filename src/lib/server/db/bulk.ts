/**
 * Bulk writes for D1. D1 allows 100 bound parameters per statement and counts every statement of
 * a batch against a Worker's query limit, so multi-row inserts pass their rows as ONE JSON
 * parameter and expand them with `json_each` in SQL: a few statements carry thousands of rows.
 *
 * Statements run through D1's own `batch` (atomic: one transaction) rather than drizzle's
 * `db.batch`, which cannot take raw `sql` with parameters (drizzle-orm#2277).
 */
import { getTableColumns, getTableName, type SQL } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { AnyDb } from './client.ts';

/** Largest JSON parameter per statement (D1 caps a value at 2 MB; stay well below). */
export const MAX_JSON_PARAM_BYTES = 400_000;

const encoder = new TextEncoder();

/** Splits rows into chunks whose JSON encoding stays under `maxBytes` each. */
export function jsonChunks(rows: readonly unknown[], maxBytes = MAX_JSON_PARAM_BYTES): string[] {
	const chunks: string[] = [];
	let parts: string[] = [];
	let size = 2;
	for (const row of rows) {
		const json = JSON.stringify(row);
		const bytes = encoder.encode(json).length + 1;
		if (parts.length > 0 && size + bytes > maxBytes) {
			chunks.push(`[${parts.join(',')}]`);
			parts = [];
			size = 2;
		}
		parts.push(json);
		size += bytes;
	}
	if (parts.length > 0) chunks.push(`[${parts.join(',')}]`);
	return chunks;
}

interface ColumnLike {
	name: string;
	default?: unknown;
	defaultFn?: () => unknown;
}

function cell(value: unknown, column: ColumnLike): unknown {
	const v = value === undefined ? (column.defaultFn?.() ?? column.default ?? null) : value;
	if (typeof v === 'boolean') return v ? 1 : 0;
	return v;
}

/**
 * INSERT statements for many rows of one drizzle table (one JSON parameter each).
 * Missing values take the column's default, booleans become 0/1.
 * @param orIgnore skip rows whose key already exists instead of failing the batch.
 * @param count return one row per row written (`RETURNING 1`, see rowsWritten).
 */
export function bulkInsert<T extends SQLiteTable>(
	db: AnyDb,
	table: T,
	rows: readonly T['$inferInsert'][],
	opts: { orIgnore?: boolean; count?: boolean } = {}
): D1PreparedStatement[] {
	if (rows.length === 0) return [];
	const columns = Object.entries(getTableColumns(table)) as [string, ColumnLike][];
	const names = columns.map(([, c]) => `"${c.name}"`).join(', ');
	const picks = columns.map((_, i) => `json_extract(value, '$[${i}]')`).join(', ');
	const verb = opts.orIgnore ? 'INSERT OR IGNORE' : 'INSERT';
	const returning = opts.count ? ' RETURNING 1' : '';
	const text = `${verb} INTO "${getTableName(table)}" (${names}) SELECT ${picks} FROM json_each(?)${returning}`;
	const tuples = rows.map((row) => {
		const record = row as Record<string, unknown>;
		return columns.map(([key, c]) => cell(record[key], c));
	});
	return jsonChunks(tuples).map((json) => db.$client.prepare(text).bind(json));
}

/**
 * The rows a statement wrote, for statements that end in `RETURNING 1`. D1's `meta.changes`
 * also counts the rows triggers write (the metrics marks, migrations/0007), so a count that is
 * reported to a person comes from the statement's own returned rows instead.
 */
export function rowsWritten(result: D1Result | undefined): number {
	return result?.results.length ?? 0;
}

/** A D1 statement from drizzle `sql` (compiled by drizzle, bound here). */
export function statement(db: AnyDb, query: SQL): D1PreparedStatement {
	const { sql, params } = db.run(query).getQuery();
	return db.$client.prepare(sql).bind(...params);
}

/**
 * A D1 statement from a drizzle query builder (e.g. an audit-log insert), so it can join a batch
 * of bulk statements.
 */
export function statementOf(
	db: AnyDb,
	query: { toSQL(): { sql: string; params: unknown[] } }
): D1PreparedStatement {
	const { sql, params } = query.toSQL();
	return db.$client.prepare(sql).bind(...params);
}

/**
 * Runs statements as one D1 batch: all or nothing.
 * @returns D1's results, one per statement; [] for no statements.
 * @throws the D1 error of the first failing statement (nothing is written then).
 */
export async function runBatch(db: AnyDb, statements: D1PreparedStatement[]): Promise<D1Result[]> {
	if (statements.length === 0) return [];
	return db.$client.batch(statements);
}
