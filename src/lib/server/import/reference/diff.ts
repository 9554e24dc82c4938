/**
 * Compares the rows a table holds with the rows the import wants, by key, so the import
 * writes only what differs and a re-run with unchanged data writes nothing.
 */

/** How a table is reconciled with the incoming rows. */
export type SyncPolicy =
	/** Insert and update; rows missing from the data are kept (other tables refer to them). */
	| 'upsert'
	/** Insert, update and delete rows missing from the data (nothing refers to them). */
	| 'mirror'
	/** Insert missing rows only: admins own existing rows, so their edits are never overwritten. */
	| 'insert-missing';

/** What must be written to make one table match the data. */
export interface TableDiff<T> {
	inserts: T[];
	updates: T[];
	deletes: T[];
	unchanged: number;
	/** Rows in the table but not in the data that the policy keeps. */
	retained: number;
}

type Row = Record<string, unknown>;

/** Same values in every column of `incoming` (null and undefined count as equal). */
export function sameRow(existing: Row, incoming: Row): boolean {
	for (const column of Object.keys(incoming)) {
		if ((existing[column] ?? null) !== (incoming[column] ?? null)) return false;
	}
	return true;
}

/**
 * Diffs one table.
 *
 * @param existing the rows now in the table
 * @param incoming the rows the data wants, unique by key
 * @returns the rows to insert, update and delete, and the counts left alone
 */
export function diffRows<T extends Row>(
	existing: readonly T[],
	incoming: readonly T[],
	keyOf: (row: T) => string,
	policy: SyncPolicy
): TableDiff<T> {
	const current = new Map(existing.map((row) => [keyOf(row), row]));
	const diff: TableDiff<T> = { inserts: [], updates: [], deletes: [], unchanged: 0, retained: 0 };
	const wanted = new Set<string>();
	for (const row of incoming) {
		const key = keyOf(row);
		wanted.add(key);
		const now = current.get(key);
		if (now === undefined) diff.inserts.push(row);
		else if (policy === 'insert-missing' || sameRow(now, row)) diff.unchanged += 1;
		else diff.updates.push(row);
	}
	for (const [key, row] of current) {
		if (wanted.has(key)) continue;
		if (policy === 'mirror') diff.deletes.push(row);
		else diff.retained += 1;
	}
	return diff;
}
