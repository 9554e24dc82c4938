/**
 * The build key: a hash of everything the geometry output depends on (input files, the build
 * code, the tiling libraries' versions). Same key as the manifest on disk → nothing to do.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { INPUT_FILES } from './sources.ts';

const here = dirname(fileURLToPath(import.meta.url));

/** Source files of the build: this folder, the CLI and the contract shared with the style. */
function buildSources(): string[] {
	const lib = readdirSync(here)
		.filter((f) => f.endsWith('.ts'))
		.sort()
		.map((f) => join(here, f));
	return [
		...lib,
		resolve(here, '../../build-geo.ts'),
		resolve(here, '../../../src/lib/map/geo-contract.ts')
	];
}

/** Installed version of a package (read from disk: some packages do not export package.json). */
function packageVersion(name: string): string {
	const file = resolve(here, '../../../node_modules', name, 'package.json');
	const pkg = JSON.parse(readFileSync(file, 'utf8')) as { version?: string };
	return `${name}@${pkg.version ?? '?'}`;
}

/** Hex SHA-256 over inputs, build code and library versions. Throws if an input is missing. */
export function computeBuildKey(dataDir: string): string {
	const hash = createHash('sha256');
	for (const file of Object.values(INPUT_FILES).sort()) {
		hash.update(`input:${file}\n`);
		hash.update(readFileSync(join(dataDir, file)));
	}
	for (const src of buildSources()) {
		if (!existsSync(src)) continue;
		hash.update(`code:${src.slice(resolve(here, '../../..').length)}\n`);
		hash.update(readFileSync(src));
	}
	for (const name of ['geojson-vt', 'vt-pbf', 'tileserver-gl-styles', 'polylabel']) {
		hash.update(`lib:${packageVersion(name)}\n`);
	}
	return hash.digest('hex');
}

/** Short content hash used as a cache-busting folder name. */
export function shortHash(parts: Iterable<Uint8Array | string>): string {
	const hash = createHash('sha256');
	for (const p of parts) hash.update(p);
	return hash.digest('hex').slice(0, 12);
}
