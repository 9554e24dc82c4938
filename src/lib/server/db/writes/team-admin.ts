/**
 * Row builders and batched inserts for teams, members and hamlets entered by commune admins
 * and leaders (forms and CSV imports). Handlers put the inserts and their audit entry in one
 * D1 batch, which commits atomically.
 */
import type { BatchItem } from 'drizzle-orm/batch';
import type { Db } from '../client.ts';
import { hamlets, members, teams } from '../schema/index.ts';
import { hamletInput, type HamletInput } from '../schema/hamlets.input.ts';
import { parseRows } from './validate.ts';

export type TeamInsert = typeof teams.$inferInsert;
export type MemberInsert = typeof members.$inferInsert;
export type HamletInsert = typeof hamlets.$inferInsert;

/** D1 binds at most 100 parameters per statement. */
const MAX_PARAMS = 100;

function chunk<T>(rows: T[], size: number): T[][] {
	const out: T[][] = [];
	for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
	return out;
}

function perStatement(row: object): number {
	return Math.max(1, Math.floor(MAX_PARAMS / Object.keys(row).length));
}

/** Insert statements for teams, chunked under D1's parameter limit (for a batch). */
export function teamInserts(db: Db, rows: TeamInsert[]) {
	if (rows.length === 0) return [];
	return chunk(rows, perStatement(rows[0]!)).map((c) => db.insert(teams).values(c));
}

/** Insert statements for members, chunked under D1's parameter limit (for a batch). */
export function memberInserts(db: Db, rows: MemberInsert[]) {
	if (rows.length === 0) return [];
	return chunk(rows, perStatement(rows[0]!)).map((c) => db.insert(members).values(c));
}

/**
 * Insert statements for hamlets, chunked under D1's parameter limit (for a batch). Every row
 * passes the hamlet write schema first (a cleaned name; a whole point or none, in Vietnam).
 * @throws WriteValidationError naming row and field.
 */
export function hamletInserts(db: Db, input: readonly HamletInput[]) {
	const rows: HamletInsert[] = parseRows('hamlets', hamletInput, input);
	if (rows.length === 0) return [];
	return chunk(rows, perStatement(rows[0]!)).map((c) => db.insert(hamlets).values(c));
}

type Item = BatchItem<'sqlite'>;

/** Runs statements as one atomic D1 batch (nothing when empty); the batch API wants a tuple. */
export async function runBatch(db: Db, items: Item[]): Promise<unknown[]> {
	if (items.length === 0) return [];
	return db.batch(items as [Item, ...Item[]]);
}
