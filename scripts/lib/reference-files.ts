/**
 * Reads the reference-data files from a directory on disk and imports them. The import logic
 * itself is in src/lib/server/import/reference (it works on file text, not on paths).
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Db } from '../../src/lib/server/db/client.ts';
import {
	ImportError,
	importReferenceData,
	REFERENCE_FILES,
	type ImportReport,
	type ReferenceFileKey,
	type ReferenceTexts
} from '../../src/lib/server/import/reference/index.ts';

async function isDirectory(path: string): Promise<boolean> {
	try {
		return (await stat(path)).isDirectory();
	} catch {
		return false;
	}
}

async function readOne(dataDir: string, file: string): Promise<string> {
	try {
		return await readFile(join(dataDir, file), 'utf8');
	} catch (err) {
		const code = (err as NodeJS.ErrnoException).code;
		const why = code === 'ENOENT' ? 'missing' : `unreadable (${code ?? String(err)})`;
		throw new ImportError(`${why} in the data directory ${dataDir}`, { file });
	}
}

/**
 * Reads every reference file of `dataDir` as UTF-8 text.
 *
 * @returns the text of each file, by role
 * @throws ImportError when the directory or a file is missing or unreadable
 */
export async function readReferenceFiles(dataDir: string): Promise<ReferenceTexts> {
	if (!(await isDirectory(dataDir))) {
		throw new ImportError(`Reference data directory not found: ${dataDir}`);
	}
	const keys = Object.keys(REFERENCE_FILES) as ReferenceFileKey[];
	const texts = await Promise.all(keys.map((k) => readOne(dataDir, REFERENCE_FILES[k])));
	return Object.fromEntries(keys.map((k, i) => [k, texts[i]])) as ReferenceTexts;
}

/**
 * Imports the reference data of `dataDir` into `db` (see importReferenceData).
 *
 * @returns what the import did, with elapsed time including file reading
 * @throws ImportError when a file is missing, malformed or inconsistent; nothing is written
 */
export async function importReference(db: Db, dataDir: string): Promise<ImportReport> {
	const started = performance.now();
	const texts = await readReferenceFiles(dataDir);
	const report = await importReferenceData(db, texts);
	return { ...report, elapsedMs: Math.round(performance.now() - started) };
}
