/**
 * Where scripts read and write. Every location can be overridden by an environment variable,
 * so tests and CI can use temporary folders.
 */
import { existsSync, statSync } from 'node:fs';
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Reference data directory: TUNG_NGO_DATA_DIR, default ../shared/data next to the repo. */
export function dataDir(): string {
	return resolve(repoRoot, process.env.TUNG_NGO_DATA_DIR ?? '../shared/data');
}

/** Wrangler's local state folder (same as `wrangler dev --persist-to`). */
export function persistDir(): string {
	return resolve(repoRoot, process.env.TUNG_NGO_PERSIST_DIR ?? '.wrangler/state');
}

/** Generated, git-ignored map assets served as static files. */
export function geoOutDir(): string {
	return resolve(repoRoot, process.env.TUNG_NGO_GEO_DIR ?? 'static/geo');
}

/**
 * Generated, git-ignored base-map sources and archives: the demo's streets, its PMTiles archive
 * and street graphs (uploaded to the local R2 bucket the Worker serves them from).
 */
export function basemapOutDir(): string {
	return resolve(repoRoot, process.env.TUNG_NGO_BASEMAP_DIR ?? '.wrangler/basemap');
}

export class SetupError extends Error {}

/** Throws a SetupError with instructions when the reference data directory is missing. */
export function requireDataDir(): string {
	const dir = dataDir();
	if (!existsSync(dir) || !statSync(dir).isDirectory()) {
		throw new SetupError(
			`Reference data directory not found: ${dir}\n` +
				'Từng Ngõ reads the administrative reference data (communes, provinces, boundaries) from it.\n' +
				'Put the shared data folder next to this repository (../shared/data), or set\n' +
				'TUNG_NGO_DATA_DIR=/path/to/data. See README.md, "Reference data".'
		);
	}
	return dir;
}
