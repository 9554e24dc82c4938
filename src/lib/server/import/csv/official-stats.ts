/**
 * Official statistics CSV import on the server: decode, read what the file's codes need from D1
 * (communes, crosswalk links, usable populations), validate with the pure domain, and build the
 * one-batch upsert. The rule itself is domain/official-stats-crosswalk.ts.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { communeCrosswalk, communes, meta, officialStats } from '../../db/schema/index.ts';
import { jsonChunks, statement } from '../../db/bulk.ts';
import { decodeCsvBytes, mapHeader, readCsv, type CsvEncoding } from '../../../domain/csv-read.ts';
import type { CsvTable } from '../../../domain/csv-read.ts';
import { codesInColumn, type ImportError } from '../../../domain/csv-import.ts';
import { isCommuneCode, restoreCommuneCode } from '../../../domain/codes.ts';
import {
	OFFICIAL_STATS_COLUMNS,
	parseOfficialStatsImport,
	type OfficialRecord
} from '../../../domain/official-stats.ts';
import type { CrosswalkFacts } from '../../../domain/official-stats-crosswalk.ts';

export interface OfficialStatsPreview {
	records: OfficialRecord[];
	errors: ImportError[];
	rows: number;
	encoding: CsvEncoding;
	/** Of `records`, how many keys exist already (a commit updates them). */
	updates: number;
}

const inJson = (column: unknown, codes: readonly string[]) =>
	sql`${column} in (select value from json_each(${JSON.stringify(codes)}))`;

function columnCodes(table: CsvTable, field: 'ma_xa_moi' | 'ma_xa_cu'): string[] {
	const { columns } = mapHeader(table.header, OFFICIAL_STATS_COLUMNS, []);
	return codesInColumn(table.rows, columns[field]).map(restoreCommuneCode).filter(isCommuneCode);
}

/** Provinces and usable populations of some new communes, into `facts`. */
async function addCommunes(db: Db, codes: string[], facts: Mutable): Promise<void> {
	const todo = codes.filter((c) => !facts.provinceOf.has(c));
	if (todo.length === 0) return;
	const rows = await db
		.select({
			code: communes.code,
			provinceCode: communes.provinceCode,
			population: communes.population,
			usable: communes.populationUsable
		})
		.from(communes)
		.where(inJson(communes.code, todo));
	for (const r of rows) {
		facts.provinceOf.set(r.code, r.provinceCode);
		facts.population.set(r.code, r.usable && r.population ? r.population : null);
	}
}

type Mutable = {
	provinceOf: Map<string, string>;
	population: Map<string, number | null>;
	links: Map<string, { newCode: string; type: 'full' | 'partial' }[]>;
	oldCodesOf: Map<string, string[]>;
};

/**
 * What the crosswalk rule needs for this file: the new communes it names, the links of the old
 * communes it names, and for every receiving new commune its province, population and old communes.
 */
export async function crosswalkFacts(db: Db, table: CsvTable): Promise<CrosswalkFacts> {
	const facts: Mutable = {
		provinceOf: new Map(),
		population: new Map(),
		links: new Map(),
		oldCodesOf: new Map()
	};
	const olds = columnCodes(table, 'ma_xa_cu');
	const links = olds.length
		? await db
				.select({
					oldCode: communeCrosswalk.oldCode,
					newCode: communeCrosswalk.newCode,
					type: communeCrosswalk.type
				})
				.from(communeCrosswalk)
				.where(inJson(communeCrosswalk.oldCode, olds))
		: [];
	for (const l of links) {
		facts.links.set(l.oldCode, [...(facts.links.get(l.oldCode) ?? []), l]);
	}
	const receivers = [...new Set(links.map((l) => l.newCode))];
	if (receivers.length) {
		const back = await db
			.select({ oldCode: communeCrosswalk.oldCode, newCode: communeCrosswalk.newCode })
			.from(communeCrosswalk)
			.where(inJson(communeCrosswalk.newCode, receivers));
		for (const b of back)
			facts.oldCodesOf.set(b.newCode, [...(facts.oldCodesOf.get(b.newCode) ?? []), b.oldCode]);
	}
	await addCommunes(db, [...new Set([...columnCodes(table, 'ma_xa_moi'), ...receivers])], facts);
	return facts;
}

/** How many of these records' keys are stored already. */
async function existingKeys(db: Db, records: readonly OfficialRecord[]): Promise<number> {
	if (records.length === 0) return 0;
	const keys = JSON.stringify(
		records.map((r) => ({ c: r.communeCode, m: r.month, s: r.serviceCode }))
	);
	const rows = await db.all<{ n: number }>(sql`
		select count(*) as n from json_each(${keys}) j
		join ${officialStats} o on o.commune_code = j.value ->> 'c'
			and o.month = j.value ->> 'm' and o.service_code = j.value ->> 's'`);
	return rows[0]?.n ?? 0;
}

/** Decodes and validates a file for an importer scoped to `scopeProvince` (null: everywhere). */
export async function previewOfficialStats(
	db: Db,
	bytes: Uint8Array,
	scopeProvince: string | null,
	currentMonth: string
): Promise<OfficialStatsPreview> {
	const { text, encoding } = decodeCsvBytes(bytes);
	const table = readCsv(text);
	const facts = await crosswalkFacts(db, table);
	const r = parseOfficialStatsImport(table, { ...facts, scopeProvince, currentMonth });
	return { ...r, encoding, updates: await existingKeys(db, r.records) };
}

/**
 * The upserts of a valid import (re-importing a key updates it; the rows go as JSON parameters,
 * db/bulk.ts) and a bump of the published figures' version, so cached public metrics are rebuilt
 * with the new figures. D1 statements, for one batch with the import's audit entry.
 */
export function officialStatsStatements(
	db: Db,
	records: readonly OfficialRecord[],
	importedBy: string,
	now = Date.now()
): D1PreparedStatement[] {
	const rows = records.map((r) => ({
		c: r.communeCode,
		m: r.month,
		s: r.serviceCode,
		p: r.provinceCode,
		v: r.value,
		e: r.estimate ? 1 : 0,
		src: r.source,
		n: r.note,
		o: r.oldCodes.length ? JSON.stringify(r.oldCodes) : null
	}));
	const upserts = jsonChunks(rows).map((json) =>
		statement(
			db,
			sql`insert into ${officialStats} (commune_code, month, service_code, province_code, value,
				estimate, source, note, old_codes, imported_by, imported_at)
			select value ->> 'c', value ->> 'm', value ->> 's', value ->> 'p', value ->> 'v',
				value ->> 'e', value ->> 'src', value ->> 'n', value ->> 'o', ${importedBy}, ${now}
			from json_each(${json}) where true
			on conflict (commune_code, month, service_code) do update set
				province_code = excluded.province_code, value = excluded.value,
				estimate = excluded.estimate, source = excluded.source, note = excluded.note,
				old_codes = excluded.old_codes, imported_by = excluded.imported_by,
				imported_at = excluded.imported_at`
		)
	);
	const version = statement(
		db,
		sql`update ${meta} set updated_at = max(updated_at + 1, ${now}) where key = 'metrics_computed_at'`
	);
	return [...upserts, version];
}
