/**
 * The reference tables the import owns, how each is reconciled (diff.ts policies), and how to
 * read them and diff them against a dataset.
 */
import { getTableColumns } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Db } from '../../db/client.ts';
import {
	communeCrosswalk,
	communes,
	meta,
	oldCommunes,
	oldDistricts,
	oldProvinces,
	provinceSettings,
	provinces,
	services
} from '../../db/schema/index.ts';
import type { ReferenceDataset } from './dataset.ts';
import { diffRows, type SyncPolicy, type TableDiff } from './diff.ts';

export type ReferenceTable = keyof ReferenceDataset;

/** A table, the properties of its primary key, and its policy. */
export interface TableSpec {
	table: SQLiteTable;
	key: readonly string[];
	policy: SyncPolicy;
}

/**
 * In write order: parents before the rows that refer to them. Provinces and communes are
 * never deleted (users, teams and households refer to them); services and citizen-app names
 * belong to admins once inserted.
 */
export const TABLE_SPECS: Readonly<Record<ReferenceTable, TableSpec>> = {
	provinces: { table: provinces, key: ['code'], policy: 'upsert' },
	communes: { table: communes, key: ['code'], policy: 'upsert' },
	oldProvinces: { table: oldProvinces, key: ['code'], policy: 'mirror' },
	oldDistricts: { table: oldDistricts, key: ['code'], policy: 'mirror' },
	oldCommunes: { table: oldCommunes, key: ['code'], policy: 'mirror' },
	crosswalk: { table: communeCrosswalk, key: ['oldCode', 'newCode'], policy: 'mirror' },
	services: { table: services, key: ['code'], policy: 'insert-missing' },
	provinceSettings: { table: provinceSettings, key: ['provinceCode'], policy: 'insert-missing' }
};

export const TABLE_NAMES = Object.keys(TABLE_SPECS) as ReferenceTable[];

type Row = Record<string, unknown>;

/** The key of a row of `spec`'s table, as one string. */
export function keyOf(spec: TableSpec, row: Row): string {
	return spec.key.map((k) => String(row[k])).join('>');
}

/** The drizzle columns of `spec`'s primary key. */
export function keyColumns(spec: TableSpec): SQLiteColumn[] {
	const columns = getTableColumns(spec.table);
	return spec.key.map((k) => columns[k] as SQLiteColumn);
}

/** What the database holds now: every reference table, plus the stored meta facts. */
export interface CurrentState {
	rows: Record<ReferenceTable, Row[]>;
	meta: Map<string, string>;
}

/** Reads every reference table and `meta` in one round trip. */
export async function readCurrent(db: Db): Promise<CurrentState> {
	const reads = TABLE_NAMES.map((name) => db.select().from(TABLE_SPECS[name].table));
	const [metaRows, ...tables] = await db.batch([db.select().from(meta), ...reads]);
	return {
		rows: Object.fromEntries(TABLE_NAMES.map((name, i) => [name, tables[i] as Row[]])) as Record<
			ReferenceTable,
			Row[]
		>,
		meta: new Map(metaRows.map((m) => [m.key, m.value]))
	};
}

export type Diffs = Record<ReferenceTable, TableDiff<Row>>;

/** Diffs every reference table against the dataset. */
export function diffAll(current: CurrentState, dataset: ReferenceDataset): Diffs {
	const entries = TABLE_NAMES.map((name) => {
		const spec = TABLE_SPECS[name];
		const incoming = dataset[name] as Row[];
		return [name, diffRows(current.rows[name], incoming, (r) => keyOf(spec, r), spec.policy)];
	});
	return Object.fromEntries(entries) as Diffs;
}
