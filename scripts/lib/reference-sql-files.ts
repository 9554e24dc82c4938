/**
 * Writes the reference SQL export (src/lib/server/import/reference/sql-file.ts) of a data
 * directory into a folder, for `wrangler d1 execute --file`. Shared by scripts/reference-sql.ts
 * and scripts/deploy.ts.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
	buildReferenceSql,
	type ReferenceSql
} from '../../src/lib/server/import/reference/index.ts';
import { readReferenceFiles } from './reference-files.ts';

/** What was written: the export and the full path of every file, in apply order. */
export interface WrittenReferenceSql extends ReferenceSql {
	paths: string[];
}

/**
 * Validates the data of `dataDir` and writes its SQL files into `outDir`, after removing the
 * `.sql` files an earlier export left there (a stale file would be applied too). Also writes
 * `manifest.json` (data hash, files, rows per table).
 *
 * @throws ImportError naming file, line and field when the data are missing or invalid;
 *   nothing is written then
 */
export async function writeReferenceSql(
	dataDir: string,
	outDir: string
): Promise<WrittenReferenceSql> {
	const texts = await readReferenceFiles(dataDir);
	const exported = await buildReferenceSql(texts);
	mkdirSync(outDir, { recursive: true });
	for (const name of readdirSync(outDir)) {
		if (name.endsWith('.sql')) rmSync(join(outDir, name));
	}
	const paths = exported.files.map((f) => {
		const path = join(outDir, f.name);
		writeFileSync(path, f.sql);
		return path;
	});
	const manifest = {
		dataHash: exported.dataHash,
		rows: exported.rows,
		files: exported.files.map((f) => ({ name: f.name, statements: f.statements }))
	};
	writeFileSync(join(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, '\t')}\n`);
	return { ...exported, paths };
}
