/**
 * The reference import as SQL files, for a database this code cannot reach: the deployed
 * global D1, through `wrangler d1 execute DB --remote --file` (scripts/reference-sql.ts writes
 * them, scripts/deploy.ts applies them). The rows come from the same buildDataset() as the
 * direct import and each table follows its policy in tables.ts, so applying the files leaves
 * the database as importReferenceData() would.
 *
 * The files know nothing of the target's current rows, so every statement decides in SQL:
 * - upserts write only rows that differ (ON CONFLICT … DO UPDATE … WHERE … IS NOT …), so
 *   applying the same files again writes nothing (D1 bills rows written);
 * - `insert-missing` tables (services, citizen-app names) never overwrite an admin's edits;
 * - `mirror` tables lose the rows the data no longer has: one DELETE per key range, each
 *   listing the keys of its range, so no statement exceeds D1's size limit;
 * - `upsert` tables keep rows the data dropped (users, teams and households refer to them);
 * - meta `reference_data_hash` is set last, and `reference_imported_at` only when the hash
 *   changes — the direct import's rule.
 * Files hold no BEGIN/COMMIT (D1 rejects them): wrangler applies each file atomically. Upserts
 * come before deletes, so a run stopped between files leaves extra rows, never missing ones.
 */
import { getTableColumns, getTableName } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { meta } from '../../db/schema/index.ts';
import { buildDataset, type ReferenceDataset } from './dataset.ts';
import type { ReferenceTexts } from './files.ts';
import { hashDataset, META_DATA_HASH, META_IMPORTED_AT } from './import.ts';
import {
	byteLength,
	compareKeys,
	packByBytes,
	sqlIdentifier as id,
	sqlLiteral,
	sqlTuple,
	type SqlValue
} from './sql-text.ts';
import { TABLE_NAMES, TABLE_SPECS, type ReferenceTable, type TableSpec } from './tables.ts';

/** Size limits of the export. D1 allows 100 KB per statement; files stay modest. */
export interface SqlLimits {
	statementBytes: number;
	fileBytes: number;
}

export const DEFAULT_SQL_LIMITS: SqlLimits = { statementBytes: 90_000, fileBytes: 1_000_000 };

/** One file of the export; apply the files in the order of their names. */
export interface SqlFile {
	name: string;
	sql: string;
	statements: number;
}

type Row = Record<string, unknown>;

function columnsOf(table: SQLiteTable): Array<{ prop: string; name: string }> {
	return Object.entries(getTableColumns(table)).map(([prop, c]) => ({ prop, name: id(c.name) }));
}

/** The ON CONFLICT clause of a table's policy; an unchanged row is not rewritten. */
function conflictClause(spec: TableSpec, table: string): string {
	const columns = columnsOf(spec.table);
	const keys = new Set(spec.key);
	const others = columns.filter((c) => !keys.has(c.prop)).map((c) => c.name);
	if (spec.policy === 'insert-missing' || others.length === 0) return '\nON CONFLICT DO NOTHING;';
	const target = columns.filter((c) => keys.has(c.prop)).map((c) => c.name);
	const set = others.map((c) => `${c} = excluded.${c}`).join(',\n  ');
	const changed = others.map((c) => `${table}.${c} IS NOT excluded.${c}`).join('\n  OR ');
	return `\nON CONFLICT (${target.join(', ')}) DO UPDATE SET\n  ${set}\nWHERE ${changed};`;
}

/** Multi-row INSERTs of `rows`, each statement within `budget` bytes. */
function upsertStatements(spec: TableSpec, rows: readonly Row[], budget: number): string[] {
	const table = id(getTableName(spec.table));
	const columns = columnsOf(spec.table);
	const head = `INSERT INTO ${table} (${columns.map((c) => c.name).join(', ')}) VALUES\n`;
	const tail = conflictClause(spec, table);
	const tuples = rows.map(
		(row) => `(${columns.map((c) => sqlLiteral(row[c.prop] as SqlValue)).join(', ')})`
	);
	const room = budget - byteLength(head) - byteLength(tail);
	return packByBytes(tuples, room, 2).map((group) => head + group.join(',\n') + tail);
}

function keyOfRow(spec: TableSpec, row: Row): string[] {
	return spec.key.map((k) => {
		const value = row[k];
		if (typeof value !== 'string') throw new Error(`key ${k} of a reference row is not text`);
		return value;
	});
}

/**
 * Deletes every row whose key is not in `rows`. The sorted keys are cut into ranges; each
 * statement covers one range (the first and last are open) and keeps the keys listed in it.
 */
function pruneStatements(spec: TableSpec, rows: readonly Row[], budget: number): string[] {
	const table = id(getTableName(spec.table));
	const byProp = new Map(columnsOf(spec.table).map((c) => [c.prop, c.name]));
	const keyNames = spec.key.map((k) => byProp.get(k) ?? id(k));
	const lhs = keyNames.length === 1 ? (keyNames[0] ?? '') : `(${keyNames.join(', ')})`;
	const keys = rows.map((row) => keyOfRow(spec, row)).sort(compareKeys);
	if (keys.length === 0) return [`DELETE FROM ${table};`];
	const literals = keys.map(sqlTuple);
	const widest = Math.max(...literals.map(byteLength));
	const reserve = 200 + 3 * byteLength(lhs) + 2 * widest;
	const groups = packByBytes(literals, budget - reserve, 2);
	const statements: string[] = [];
	let end = 0;
	for (const [i, group] of groups.entries()) {
		const start = end;
		end += group.length;
		const where: string[] = [];
		if (i > 0) where.push(`${lhs} > ${literals[start - 1]}`);
		if (i < groups.length - 1) where.push(`${lhs} <= ${literals[end - 1]}`);
		const list = keyNames.length === 1 ? group.join(', ') : `VALUES ${group.join(', ')}`;
		where.push(`${lhs} NOT IN (${list})`);
		statements.push(`DELETE FROM ${table}\nWHERE ${where.join('\n  AND ')};`);
	}
	return statements;
}

/** Meta facts, last: the import time only when the data changed, then the data hash. */
function metaStatements(dataHash: string): string[] {
	const table = id(getTableName(meta));
	const cols = columnsOf(meta).map((c) => c.name);
	const epochMs = `CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)`;
	const isoNow = `strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`;
	const update = `ON CONFLICT ("key") DO UPDATE SET "value" = excluded."value", "updated_at" = excluded."updated_at"`;
	const hash = sqlLiteral(dataHash);
	return [
		`INSERT INTO ${table} (${cols.join(', ')})\nSELECT ${sqlLiteral(META_IMPORTED_AT)}, ${isoNow}, ${epochMs}\n` +
			`WHERE NOT EXISTS (SELECT 1 FROM ${table} WHERE "key" = ${sqlLiteral(META_DATA_HASH)} AND "value" = ${hash})\n${update};`,
		`INSERT INTO ${table} (${cols.join(', ')})\nVALUES (${sqlLiteral(META_DATA_HASH)}, ${hash}, ${epochMs})\n` +
			`${update}\nWHERE ${table}."value" IS NOT excluded."value";`
	];
}

interface Labelled {
	label: string;
	sql: string;
}

/**
 * Packs the statements, in order, into files of at most `fileBytes` (few files: each is one
 * wrangler call, and one atomic import on D1), each headed by the parts it holds.
 */
function packFiles(statements: Labelled[], limits: SqlLimits, hash: string): SqlFile[] {
	const groups = packByBytes(
		statements.map((s) => s.sql),
		limits.fileBytes - 400,
		2
	);
	let next = 0;
	return groups.map((group, i): SqlFile => {
		const held = statements.slice(next, next + group.length);
		next += group.length;
		const parts = [...new Set(held.map((s) => s.label))].join(', ');
		const header =
			`-- Từng Ngõ reference data ${hash.slice(0, 12)}, file ${i + 1} of ${groups.length}: ${parts}.\n` +
			'-- Generated by scripts/reference-sql.ts; apply every file in name order.\n';
		const name = `reference-${String(i + 1).padStart(3, '0')}.sql`;
		return { name, sql: `${header}${group.join('\n\n')}\n`, statements: group.length };
	});
}

/**
 * Renders the dataset as SQL files: upserts per table (parents first), then the prunes of
 * `mirror` tables (children first), then the meta facts.
 *
 * @returns the files in apply order (their names sort the same way)
 * @throws Error when one row alone would exceed the statement limit
 */
export function referenceSqlFiles(
	dataset: ReferenceDataset,
	dataHash: string,
	limits: SqlLimits = DEFAULT_SQL_LIMITS
): SqlFile[] {
	const rowsOf = (name: ReferenceTable) => dataset[name] as Row[];
	const label = (name: string) => (sql: string) => ({ label: name, sql });
	const upserts = TABLE_NAMES.flatMap((name) =>
		upsertStatements(TABLE_SPECS[name], rowsOf(name), limits.statementBytes).map(label(name))
	);
	const prunes = [...TABLE_NAMES]
		.reverse()
		.filter((name) => TABLE_SPECS[name].policy === 'mirror')
		.flatMap((name) =>
			pruneStatements(TABLE_SPECS[name], rowsOf(name), limits.statementBytes).map(
				label(`prune ${name}`)
			)
		);
	const facts = metaStatements(dataHash).map(label('meta'));
	return packFiles([...upserts, ...prunes, ...facts], limits, dataHash);
}

/** The export of one data set: its files, the data hash and the rows per table. */
export interface ReferenceSql {
	files: SqlFile[];
	dataHash: string;
	rows: Record<ReferenceTable, number>;
	/** The province codes of the data, to check a deployment's shard map against. */
	provinces: string[];
}

/**
 * Validates the reference files (the direct import's code) and renders them as SQL files.
 *
 * @throws ImportError naming file, line and field when the data are malformed or inconsistent
 */
export async function buildReferenceSql(
	texts: ReferenceTexts,
	limits: SqlLimits = DEFAULT_SQL_LIMITS
): Promise<ReferenceSql> {
	const dataset = buildDataset(texts);
	const dataHash = await hashDataset(dataset);
	const rows = Object.fromEntries(TABLE_NAMES.map((n) => [n, dataset[n].length]));
	return {
		files: referenceSqlFiles(dataset, dataHash, limits),
		dataHash,
		rows: rows as Record<ReferenceTable, number>,
		provinces: dataset.provinces.map((p) => p.code)
	};
}
