/**
 * Shared steps of the write functions: zod validation, reference checks, running inserts.
 * Lookups say which database they read (docs/sharding.md): a province shard's tables through a
 * ShardDb, the global ones (communes, hamlets, teams, members) through the global Db.
 */
import { z } from 'zod';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { AnyDb, Db } from '../client.ts';
import type { ShardDb } from '../shards.ts';
import { bulkInsert, jsonChunks, rowsWritten, runBatch } from '../bulk.ts';
import { WriteValidationError, type WriteIssue } from './errors.ts';

export type OnDuplicate = 'fail' | 'skip';

export interface WriteResult {
	/** Rows written (rows skipped as duplicates are not counted). */
	inserted: number;
}

/**
 * Validates every row with `schema`.
 * @returns the parsed rows (defaults applied).
 * @throws WriteValidationError listing every invalid row and field.
 */
export function parseRows<S extends z.ZodType>(
	entity: string,
	schema: S,
	rows: readonly unknown[]
): z.output<S>[] {
	const res = z.array(schema).safeParse(rows);
	if (res.success) return res.data;
	const issues = res.error.issues.map((i) => ({
		index: typeof i.path[0] === 'number' ? i.path[0] : -1,
		path: i.path.slice(1).join('.'),
		message: i.message
	}));
	throw new WriteValidationError(entity, issues);
}

/** Throws WriteValidationError when there are issues. */
export function throwIfIssues(entity: string, issues: WriteIssue[]): void {
	if (issues.length > 0) throw new WriteValidationError(entity, issues);
}

/** Tables a lookup may read in a province shard. */
export type ShardTable = 'households' | 'routes' | 'route_stops' | 'visits';
/** Tables a lookup may read in the global D1. */
export type GlobalTable = 'communes' | 'hamlets' | 'teams' | 'members';

/** One look-up: `SELECT keyCol, valueCol FROM table WHERE keyCol IN (keys)`. */
export interface LookupSpec<T extends ShardTable | GlobalTable> {
	table: T;
	keyCol: string;
	valueCol: string;
	keys: Iterable<string>;
}

/**
 * Looks up `key → value` for many keys in one batch: SELECT keyCol, valueCol FROM table
 * WHERE keyCol IN (keys). Table and column names come from code, never from input; a shard
 * table is read through the shard, a global one through the global D1.
 */
export async function lookup(
	shard: ShardDb,
	table: ShardTable,
	keyCol: string,
	valueCol: string,
	keys: Iterable<string>
): Promise<Map<string, string>>;
export async function lookup(
	db: Db,
	table: GlobalTable,
	keyCol: string,
	valueCol: string,
	keys: Iterable<string>
): Promise<Map<string, string>>;
export async function lookup(
	db: AnyDb,
	table: ShardTable | GlobalTable,
	keyCol: string,
	valueCol: string,
	keys: Iterable<string>
): Promise<Map<string, string>> {
	const [out] = await lookupAllIn(db, [{ table, keyCol, valueCol, keys }]);
	return out!;
}

/**
 * Several look-ups on one database in ONE batch (one round trip), each as `lookup` does it.
 * @returns a map per spec, in their order.
 */
export async function lookupAll(
	shard: ShardDb,
	specs: readonly LookupSpec<ShardTable>[]
): Promise<Map<string, string>[]>;
export async function lookupAll(
	db: Db,
	specs: readonly LookupSpec<GlobalTable>[]
): Promise<Map<string, string>[]>;
export async function lookupAll(
	db: AnyDb,
	specs: readonly LookupSpec<ShardTable | GlobalTable>[]
): Promise<Map<string, string>[]> {
	return lookupAllIn(db, specs);
}

/** The body of lookup and lookupAll: the overloads above pair the database with its tables. */
async function lookupAllIn(
	db: AnyDb,
	specs: readonly LookupSpec<ShardTable | GlobalTable>[]
): Promise<Map<string, string>[]> {
	const owner: number[] = [];
	const stmts = specs.flatMap((spec, i) => {
		const text = `SELECT "${spec.keyCol}" AS k, "${spec.valueCol}" AS v FROM "${spec.table}" WHERE "${spec.keyCol}" IN (SELECT value FROM json_each(?))`;
		return jsonChunks([...new Set(spec.keys)]).map((json) => {
			owner.push(i);
			return db.$client.prepare(text).bind(json);
		});
	});
	const results = await runBatch(db, stmts);
	const out = specs.map(() => new Map<string, string>());
	results.forEach((r, j) => {
		for (const row of r.results as { k: string; v: string }[]) out[owner[j]!]!.set(row.k, row.v);
	});
	return out;
}

/** Every row's commune exists and lies in the row's province. */
export async function checkCommunes(
	db: Db,
	rows: readonly { provinceCode: string; communeCode: string }[]
): Promise<WriteIssue[]> {
	const provinceOf = await lookup(
		db,
		'communes',
		'code',
		'province_code',
		rows.map((r) => r.communeCode)
	);
	return communeIssues(rows, provinceOf);
}

/** checkCommunes on a look-up already made: commune code → its province. */
export function communeIssues(
	rows: readonly { provinceCode: string; communeCode: string }[],
	provinceOf: ReadonlyMap<string, string>
): WriteIssue[] {
	const issues: WriteIssue[] = [];
	rows.forEach((r, index) => {
		const p = provinceOf.get(r.communeCode);
		if (p === undefined) issues.push({ index, path: 'communeCode', message: 'unknown commune' });
		else if (p !== r.provinceCode)
			issues.push({ index, path: 'provinceCode', message: `commune is in province ${p}` });
	});
	return issues;
}

/** The ids a row field names (null and absent ones left out), for a parent look-up. */
export const idsOf = <R>(rows: readonly R[], field: keyof R & string): string[] =>
	rows.map((r) => r[field]).filter((v): v is R[typeof field] & string => typeof v === 'string');

/**
 * Every non-null `field` of the rows names a record of `table` in the row's own commune
 * (a household's hamlet, a member's team, a visit's household): scope never crosses communes.
 * A shard table (a visit's household or route) is read through the shard.
 */
export async function checkParents<R extends { communeCode: string }>(
	shard: ShardDb,
	rows: readonly R[],
	field: keyof R & string,
	table: ShardTable
): Promise<WriteIssue[]>;
export async function checkParents<R extends { communeCode: string }>(
	db: Db,
	rows: readonly R[],
	field: keyof R & string,
	table: GlobalTable
): Promise<WriteIssue[]>;
export async function checkParents<R extends { communeCode: string }>(
	db: AnyDb,
	rows: readonly R[],
	field: keyof R & string,
	table: ShardTable | GlobalTable
): Promise<WriteIssue[]> {
	const [communeOf] = await lookupAllIn(db, [
		{ table, keyCol: 'id', valueCol: 'commune_code', keys: idsOf(rows, field) }
	]);
	return parentIssues(rows, field, communeOf!);
}

/** checkParents on a look-up already made: parent id → its commune. */
export function parentIssues<R extends { communeCode: string }>(
	rows: readonly R[],
	field: keyof R & string,
	communeOf: ReadonlyMap<string, string>
): WriteIssue[] {
	const issues: WriteIssue[] = [];
	rows.forEach((r, index) => {
		const id = r[field];
		if (typeof id !== 'string') return;
		const c = communeOf.get(id);
		if (c === undefined) issues.push({ index, path: field, message: `unknown ${field}` });
		else if (c !== r.communeCode)
			issues.push({ index, path: field, message: `${field} is in commune ${c}` });
	});
	return issues;
}

/**
 * A validated write not yet run: its statements can join other statements (an audit entry, …)
 * in one atomic batch. Run it alone with runPrepared.
 */
export interface PreparedWrite {
	statements: D1PreparedStatement[];
	/** Rows the statements carry. */
	rows: number;
}

/** Insert statements for validated rows. */
export function prepareRows<T extends SQLiteTable>(
	db: AnyDb,
	table: T,
	rows: readonly T['$inferInsert'][],
	onDuplicate: OnDuplicate = 'fail'
): PreparedWrite {
	return {
		statements: bulkInsert(db, table, rows, { orIgnore: onDuplicate === 'skip', count: true }),
		rows: rows.length
	};
}

/** Runs a prepared write as one atomic batch. @returns the rows written. */
export async function runPrepared(db: AnyDb, write: PreparedWrite): Promise<WriteResult> {
	const results = await runBatch(db, write.statements);
	return { inserted: results.reduce((n, r) => n + rowsWritten(r), 0) };
}

/** Options of a table write. */
export interface WriteOptions {
	/** 'skip' leaves rows whose id is stored already (an import run again); default 'fail'. */
	onDuplicate?: OnDuplicate;
}

/** The validated writer of one table: prepare (for a batch with other statements) or insert. */
export interface RowWriter<I> {
	/**
	 * Validates the rows and builds their insert statements without running them.
	 * @throws WriteValidationError for invalid rows or references outside the row's scope.
	 */
	prepare(db: Db, input: readonly I[], opts?: WriteOptions): Promise<PreparedWrite>;
	/**
	 * Validates and inserts the rows in one atomic batch.
	 * @returns how many rows were written.
	 * @throws WriteValidationError for invalid rows or references outside the row's scope.
	 */
	insert(db: Db, input: readonly I[], opts?: WriteOptions): Promise<WriteResult>;
}

type Scoped = { provinceCode: string; communeCode: string };

/** What rowChecker checks: the row schema and the global record each row hangs from. */
interface CheckSpec<S extends z.ZodType<Scoped>> {
	entity: string;
	schema: S;
	/** A household's hamlet, a member's team: global records, read in the global D1. */
	parent?: { field: keyof z.output<S> & string; table: GlobalTable };
}

/**
 * The checks of a commune-scoped table's writer: validate each row with `schema`, check that
 * its commune lies in its province and that its `parent` lies in its commune. Both lookups read
 * the global D1, so a shard table's writer (households) runs them before writing to its shard.
 * @returns a function that returns the parsed rows.
 * @throws (the function) WriteValidationError for invalid rows or references outside their scope.
 */
export function rowChecker<S extends z.ZodType<Scoped>>(spec: CheckSpec<S>) {
	const { entity, schema, parent } = spec;
	return async (db: Db, input: readonly z.input<S>[]): Promise<z.output<S>[]> => {
		const rows = parseRows(entity, schema, input);
		throwIfIssues(entity, [
			...(await checkCommunes(db, rows)),
			...(parent ? await checkParents(db, rows, parent.field, parent.table) : [])
		]);
		return rows;
	};
}

/**
 * The writer of a commune-scoped table of the global D1 (teams, members, hamlets): the checks
 * of rowChecker, then insert `toRow(row)` (default: as validated).
 */
export function rowWriter<S extends z.ZodType<Scoped>, T extends SQLiteTable>(
	spec: CheckSpec<S> & { table: T; toRow?: (row: z.output<S>) => T['$inferInsert'] }
): RowWriter<z.input<S>> {
	const { table, toRow } = spec;
	const check = rowChecker(spec);
	async function prepare(db: Db, input: readonly z.input<S>[], opts: WriteOptions = {}) {
		const rows = await check(db, input);
		const stored = toRow ? rows.map(toRow) : (rows as T['$inferInsert'][]);
		return prepareRows(db, table, stored, opts.onDuplicate);
	}
	return {
		prepare,
		insert: async (db, input, opts = {}) => runPrepared(db, await prepare(db, input, opts))
	};
}
