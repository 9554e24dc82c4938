/**
 * Households CSV import on the server: decode, validate, and write all rows or none. Communes
 * and hamlets are read in the global D1, the commune's households in its province shard.
 */
import type { Db } from '../../db/client.ts';
import type { ShardDb } from '../../db/shards.ts';
import type { CommuneArea } from '../../db/queries/team-admin.ts';
import { listHamlets } from '../../db/queries/team-admin.ts';
import { communeAddresses } from '../../db/queries/households.ts';
import { prepareHouseholds } from '../../db/writes/households.ts';
import type { PreparedWrite } from '../../db/writes/validate.ts';
import { decodeCsvBytes, readCsv, type CsvEncoding } from '../../../domain/csv-read.ts';
import {
	HOUSEHOLD_COLUMNS,
	parseHouseholdImport,
	type ImportedHousehold
} from '../../../domain/csv-households.ts';
import { duplicateKey } from '../../../domain/household-keys.ts';
import type { ImportError } from '../../../domain/csv-import.ts';
import { searchKey } from '../../../domain/text.ts';
import { knownCommunes } from './context.ts';

export interface HouseholdImportResult {
	households: ImportedHousehold[];
	errors: ImportError[];
	encoding: CsvEncoding;
	delimiter: string;
	/** Rows placed at their hamlet's point (or nowhere) for want of coordinates. */
	needsCheck: number;
}

/** Decodes and validates a household file for a commune; writes nothing. */
export async function previewHouseholdImport(
	db: Db,
	shard: ShardDb,
	area: CommuneArea,
	bytes: Uint8Array,
	hamletLimit: string | null = null
): Promise<HouseholdImportResult> {
	const { text, encoding } = decodeCsvBytes(bytes);
	const table = readCsv(text);
	const [known, hamlets, existing] = await Promise.all([
		knownCommunes(db, table, HOUSEHOLD_COLUMNS),
		listHamlets(db, area.provinceCode, area.communeCode),
		communeAddresses(shard, area.provinceCode, area.communeCode)
	]);
	const usable = hamletLimit ? hamlets.filter((h) => h.id === hamletLimit) : hamlets;
	const r = parseHouseholdImport(table, {
		communeCode: area.communeCode,
		knownCommunes: known,
		hamlets: new Map(usable.map((h) => [searchKey(h.name), h])),
		existingKeys: new Set(
			existing.map((e) => duplicateKey(e.address, e.headName)).filter((k): k is string => !!k)
		)
	});
	return {
		...r,
		encoding,
		delimiter: table.delimiter,
		needsCheck: r.households.filter((h) => h.locationStatus === 'needs_check').length
	};
}

/**
 * The validated inserts for a clean import (through the household write function), prepared
 * on the shard.
 */
export function householdImportWrite(
	db: Db,
	shard: ShardDb,
	area: CommuneArea,
	rows: ImportedHousehold[],
	now = Date.now()
): Promise<PreparedWrite> {
	return prepareHouseholds(
		db,
		shard,
		rows.map((h) => ({
			id: crypto.randomUUID(),
			provinceCode: area.provinceCode,
			communeCode: area.communeCode,
			hamletId: h.hamletId,
			address: h.address,
			lon: h.lon,
			lat: h.lat,
			locationStatus: h.locationStatus,
			adults: h.adults,
			headName: h.headName,
			headPhone: h.headPhone,
			consent: h.consent,
			doNotContact: h.doNotContact,
			createdAt: now
		}))
	);
}
