/**
 * Writes the generated geometry into the served folder (static/geo by default):
 *   manifest.json
 *   tiles/<hash>/{z}/{x}/{y}.pbf
 *   fonts/<hash>/{fontstack}/{range}.pbf  (+ NOTICE.txt)
 * Versioned folders are staged and renamed into place, the manifest is written last and
 * atomically, and only then are older versions removed: a page holding the old manifest keeps
 * working during a rebuild, and a crash leaves either the old output or a manifest whose key
 * forces a rebuild.
 */
import {
	existsSync,
	mkdirSync,
	readdirSync,
	readFileSync,
	renameSync,
	rmSync,
	writeFileSync
} from 'node:fs';
import { join } from 'node:path';
import type { GeoManifest } from '../../../src/lib/map/manifest.ts';
import type { EncodedTile } from './tiler.ts';

/** Path of the manifest inside the output folder. */
export function manifestPath(outDir: string): string {
	return join(outDir, 'manifest.json');
}

/** The manifest on disk, or null when absent or unreadable. */
export function readManifest(outDir: string): GeoManifest | null {
	try {
		return JSON.parse(readFileSync(manifestPath(outDir), 'utf8')) as GeoManifest;
	} catch {
		return null;
	}
}

/** Number of files under `dir`, recursively. */
function countFiles(dir: string): number {
	let n = 0;
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		n += entry.isDirectory() ? countFiles(join(dir, entry.name)) : 1;
	}
	return n;
}

/** Folders of a build, relative to the output folder, from its manifest's URL templates. */
export function versionDirs(m: GeoManifest): { tiles: string; fonts: string } {
	// '/geo/tiles/<hash>/{z}/…' → 'tiles/<hash>'
	const dir = (template: string): string => template.split('/').slice(2, 4).join('/');
	return { tiles: dir(m.tiles[0] ?? ''), fonts: dir(m.glyphs) };
}

/** Whether the output holds a complete build for `buildKey`: manifest, every tile, the fonts. */
export function isUpToDate(outDir: string, buildKey: string): boolean {
	const manifest = readManifest(outDir);
	if (!manifest || manifest.buildKey !== buildKey) return false;
	const { tiles, fonts } = versionDirs(manifest);
	if (!existsSync(join(outDir, fonts)) || !existsSync(join(outDir, tiles))) return false;
	return countFiles(join(outDir, tiles)) === manifest.stats.tileCount;
}

/** Writes `files` (relative path → bytes) into `parent/<version>`, staged then renamed. */
export function writeVersioned(
	parent: string,
	version: string,
	files: Iterable<[string, Uint8Array | string]>
): void {
	mkdirSync(parent, { recursive: true });
	const staging = join(parent, `.staging-${version}-${process.pid}`);
	rmSync(staging, { recursive: true, force: true });
	for (const [rel, data] of files) {
		const path = join(staging, rel);
		mkdirSync(join(path, '..'), { recursive: true });
		writeFileSync(path, data);
	}
	const target = join(parent, version);
	rmSync(target, { recursive: true, force: true });
	renameSync(staging, target);
}

/** Removes every version folder of `parent` but `keep`: call after the new manifest is out. */
export function pruneVersions(parent: string, keep: string): void {
	if (!existsSync(parent)) return;
	for (const entry of readdirSync(parent)) {
		if (entry !== keep) rmSync(join(parent, entry), { recursive: true, force: true });
	}
}

/** Tile files as relative paths for writeVersioned. */
export function* tileFiles(tiles: EncodedTile[]): Generator<[string, Uint8Array]> {
	for (const t of tiles) yield [`${t.z}/${t.x}/${t.y}.pbf`, t.data];
}

/** Writes the manifest atomically (temp file + rename). */
export function writeManifest(outDir: string, manifest: GeoManifest): void {
	mkdirSync(outDir, { recursive: true });
	const tmp = `${manifestPath(outDir)}.${process.pid}.tmp`;
	writeFileSync(tmp, JSON.stringify(manifest, null, '\t') + '\n');
	renameSync(tmp, manifestPath(outDir));
}
