/**
 * Storage of the filled shard, measured on its SQLite file: D1 refuses `dbstat` and
 * `PRAGMA page_count`, so the file wrangler keeps is opened read-only with node:sqlite (whose
 * SQLite has the dbstat table) once the platform proxy is closed. Bytes per table include its
 * indexes, so "per household" and "per visit" are what one more row really costs.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';

/** The D1 database file under a wrangler persist folder (not miniflare's metadata file). */
export function d1File(persistTo: string): string {
	const dir = join(persistTo, 'v3', 'd1', 'miniflare-D1DatabaseObject');
	// The scale simulation fills one database; the shard bindings' own files stay empty.
	const files = readdirSync(dir)
		.filter((f) => f.endsWith('.sqlite') && f !== 'metadata.sqlite')
		.map((f) => join(dir, f))
		.sort((a, b) => statSync(b).size - statSync(a).size);
	if (files.length === 0) throw new Error(`no D1 database in ${dir}`);
	return files[0]!;
}

export interface TableBytes {
	table: string;
	rows: number;
	/** Table and index pages, bytes. */
	bytes: number;
	/** Of them, index pages. */
	indexBytes: number;
}

export interface StorageReport {
	fileBytes: number;
	tables: TableBytes[];
	perHousehold: number;
	/** A visit with its visit_services rows. */
	perVisit: number;
	servicesPerVisit: number;
}

/**
 * Bytes per table (with its indexes) and per household and visit.
 * @throws Error if the file cannot be read (a process still holds it for writing is fine: WAL).
 */
export function measureStorage(file: string): StorageReport {
	const db = new DatabaseSync(file, { readOnly: true });
	try {
		const owner = new Map(
			(
				db
					.prepare(`SELECT name, tbl_name FROM sqlite_master WHERE type IN ('table', 'index')`)
					.all() as {
					name: string;
					tbl_name: string;
				}[]
			).map((r) => [r.name, r.tbl_name])
		);
		const sizes = db
			.prepare(`SELECT name, sum(pgsize) AS bytes FROM dbstat GROUP BY name`)
			.all() as {
			name: string;
			bytes: number;
		}[];
		const byTable = new Map<string, TableBytes>();
		for (const s of sizes) {
			const table = owner.get(s.name) ?? s.name;
			const t = byTable.get(table) ?? { table, rows: 0, bytes: 0, indexBytes: 0 };
			t.bytes += s.bytes;
			if (s.name !== table) t.indexBytes += s.bytes;
			byTable.set(table, t);
		}
		const count = (t: string) =>
			(db.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n;
		for (const t of [
			'households',
			'visits',
			'visit_services',
			'routes',
			'route_stops',
			'hamlets',
			'teams',
			'members'
		])
			if (byTable.has(t)) byTable.get(t)!.rows = count(t);
		const page = db.prepare('PRAGMA page_size').get() as { page_size: number };
		const pages = db.prepare('PRAGMA page_count').get() as { page_count: number };
		const t = (name: string) =>
			byTable.get(name) ?? { table: name, rows: 0, bytes: 0, indexBytes: 0 };
		const visits = t('visits').rows || 1;
		return {
			fileBytes: page.page_size * pages.page_count,
			tables: [...byTable.values()].sort((a, b) => b.bytes - a.bytes),
			perHousehold: t('households').bytes / (t('households').rows || 1),
			perVisit: (t('visits').bytes + t('visit_services').bytes) / visits,
			servicesPerVisit: t('visit_services').rows / visits
		};
	} finally {
		db.close();
	}
}

/** National peak visits per day (issue 15), and a D1 database's ceiling. */
export const NATIONAL_PEAK_VISITS_PER_DAY = 4_000_000;
export const D1_MAX_BYTES = 10 * 1024 ** 3;

/**
 * How many days of visits at `perDay` a shard holds once its households (and the rest) are in.
 * @param fixedBytes bytes that do not grow with visits (households, routes, reference data).
 */
export function daysOfVisits(perVisit: number, perDay: number, fixedBytes: number): number {
	return (D1_MAX_BYTES - fixedBytes) / (perVisit * perDay);
}
