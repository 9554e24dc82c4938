/** What the database knows that a CSV import checks against: existing communes, in one query. */
import { inArray } from 'drizzle-orm';
import { isCommuneCode, restoreCommuneCode } from '../../../domain/codes.ts';
import type { Db } from '../../db/client.ts';
import { communes } from '../../db/schema/index.ts';
import { codesInColumn } from '../../../domain/csv-import.ts';
import { mapHeader, type CsvTable } from '../../../domain/csv-read.ts';

/** The commune codes (5 digits, a lost leading zero restored) the file names that exist. */
export async function knownCommunes(
	db: Db,
	table: CsvTable,
	aliases: { ma_xa: readonly string[] }
): Promise<Set<string>> {
	const { columns } = mapHeader(table.header, aliases, []);
	const codes = codesInColumn(table.rows, columns.ma_xa)
		.map(restoreCommuneCode)
		.filter(isCommuneCode)
		.slice(0, 90);
	if (codes.length === 0) return new Set();
	const rows = await db
		.select({ code: communes.code })
		.from(communes)
		.where(inArray(communes.code, codes));
	return new Set(rows.map((r) => r.code));
}
