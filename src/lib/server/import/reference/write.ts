/**
 * Turns table diffs into SQL statements and runs them as ONE D1 batch. D1 runs a batch as a
 * single transaction, so an import is applied completely or not at all.
 *
 * Rows travel as one JSON array per statement, unpacked in SQL with json_each(). Every
 * statement therefore has a single bound parameter (D1 allows 100), and a full import is
 * about 20 statements instead of ~2,200 multi-row INSERTs: D1 pays a fixed cost per
 * statement (measured locally: 2,162 statements took 10.7 s, the JSON form well under 1 s).
 */
import { getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { Db } from '../../db/client.ts';
import { meta } from '../../db/schema/index.ts';
import { keyColumns, TABLE_NAMES, TABLE_SPECS, type Diffs, type TableSpec } from './tables.ts';

/**
 * Largest JSON payload per statement. D1 caps a string value at 2 MB; staying well below it
 * keeps each statement small for workerd too.
 */
export const MAX_PAYLOAD_BYTES = 500_000;

type Row = Record<string, unknown>;
type Statement = BatchItem<'sqlite'>;

const encoder = new TextEncoder();

/** Splits rows into JSON arrays of at most `maxBytes` UTF-8 bytes each. */
export function jsonChunks(rows: readonly unknown[], maxBytes = MAX_PAYLOAD_BYTES): string[] {
	const chunks: string[] = [];
	let parts: string[] = [];
	let bytes = 2;
	for (const row of rows) {
		const json = JSON.stringify(row);
		const size = encoder.encode(json).length + 1;
		if (parts.length > 0 && bytes + size > maxBytes) {
			chunks.push(`[${parts.join(',')}]`);
			parts = [];
			bytes = 2;
		}
		parts.push(json);
		bytes += size;
	}
	if (parts.length > 0) chunks.push(`[${parts.join(',')}]`);
	return chunks;
}

/** `json_extract(value, '$.prop')`; props are schema identifiers, never user input. */
function field(prop: string): SQL {
	if (!/^\w+$/.test(prop)) throw new Error(`unexpected column property ${prop}`);
	return sql.raw(`json_extract(value, '$.${prop}')`);
}

/** INSERT … SELECT from a JSON array, as an upsert or insert-if-missing per the policy. */
function insertStatements(db: Db, spec: TableSpec, rows: Row[]): Statement[] {
	const columns = Object.entries(getTableColumns(spec.table));
	const selectList = sql.join(
		columns.map(([prop]) => field(prop)),
		sql`, `
	);
	const keys = new Set(spec.key);
	const set = Object.fromEntries(
		columns
			.filter(([prop]) => !keys.has(prop))
			.map(([prop, column]) => [prop, sql`excluded.${sql.identifier(column.name)}`])
	);
	return jsonChunks(rows).map((payload) => {
		// "WHERE true" tells SQLite that ON CONFLICT belongs to the INSERT, not to a join.
		const insert = db
			.insert(spec.table)
			.select(sql`select ${selectList} from json_each(${payload}) where true`);
		return spec.policy === 'insert-missing'
			? insert.onConflictDoNothing()
			: insert.onConflictDoUpdate({ target: keyColumns(spec), set });
	});
}

/** DELETE of the given rows, matched on the whole primary key. */
function deleteStatements(db: Db, spec: TableSpec, rows: Row[]): Statement[] {
	const keyList = sql.join(keyColumns(spec), sql`, `);
	const keyFields = sql.join(spec.key.map(field), sql`, `);
	return jsonChunks(rows.map((r) => Object.fromEntries(spec.key.map((k) => [k, r[k]])))).map(
		(payload) =>
			db
				.delete(spec.table)
				.where(sql`(${keyList}) in (select ${keyFields} from json_each(${payload}))`)
	);
}

/** Upserts `meta` facts; `updatedAt` is epoch ms. */
export function metaStatement(db: Db, facts: Record<string, string>, at: Date): Statement {
	const rows = Object.entries(facts).map(([key, value]) => ({
		key,
		value,
		updatedAt: at.getTime()
	}));
	return db
		.insert(meta)
		.values(rows)
		.onConflictDoUpdate({
			target: meta.key,
			set: { value: sql`excluded.value`, updatedAt: sql`excluded.updated_at` }
		});
}

/**
 * Every statement needed to apply the diffs: deletes first, children before parents, then
 * inserts and updates, parents before children (D1 enforces foreign keys).
 */
export function diffStatements(db: Db, diffs: Diffs): Statement[] {
	const deletes = [...TABLE_NAMES]
		.reverse()
		.flatMap((name) => deleteStatements(db, TABLE_SPECS[name], diffs[name].deletes));
	const upserts = TABLE_NAMES.flatMap((name) => {
		const { inserts, updates } = diffs[name];
		return insertStatements(db, TABLE_SPECS[name], [...inserts, ...updates]);
	});
	return [...deletes, ...upserts];
}

/** Runs the statements as one atomic batch; does nothing for an empty list. */
export async function runBatch(db: Db, statements: Statement[]): Promise<void> {
	const [first, ...rest] = statements;
	if (first === undefined) return;
	await db.batch([first, ...rest]);
}
