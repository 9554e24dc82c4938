/** Hamlets CSV import on the server: decode, validate, and write all rows or none. */
import type { Db } from '../../db/client.ts';
import type { CommuneArea } from '../../db/queries/team-admin.ts';
import { listHamlets } from '../../db/queries/team-admin.ts';
import { hamletInserts } from '../../db/writes/team-admin.ts';
import { decodeCsvBytes, readCsv, type CsvEncoding } from '../../../domain/csv-read.ts';
import {
	HAMLET_COLUMNS,
	parseHamletImport,
	type ImportedHamlet
} from '../../../domain/csv-hamlets.ts';
import type { ImportError } from '../../../domain/csv-import.ts';
import { searchKey } from '../../../domain/text.ts';
import { knownCommunes } from './context.ts';

export interface HamletImportResult {
	hamlets: ImportedHamlet[];
	errors: ImportError[];
	encoding: CsvEncoding;
	delimiter: string;
}

/** Decodes and validates a hamlet file for a commune; writes nothing. */
export async function previewHamletImport(
	db: Db,
	area: CommuneArea,
	bytes: Uint8Array
): Promise<HamletImportResult> {
	const { text, encoding } = decodeCsvBytes(bytes);
	const table = readCsv(text);
	const [known, existing] = await Promise.all([
		knownCommunes(db, table, HAMLET_COLUMNS),
		listHamlets(db, area.provinceCode, area.communeCode)
	]);
	const r = parseHamletImport(table, {
		communeCode: area.communeCode,
		knownCommunes: known,
		existing: new Map(existing.map((h) => [searchKey(h.name), h.name]))
	});
	return { ...r, encoding, delimiter: table.delimiter };
}

/** The insert statements for a valid hamlet import. */
export function hamletImportStatements(
	db: Db,
	area: CommuneArea,
	hamlets: ImportedHamlet[],
	now = Date.now()
) {
	return hamletInserts(
		db,
		hamlets.map((h) => ({
			id: crypto.randomUUID(),
			provinceCode: area.provinceCode,
			communeCode: area.communeCode,
			name: h.name,
			kind: h.kind,
			lon: h.lon,
			lat: h.lat,
			isDemo: false,
			createdAt: now
		}))
	);
}
