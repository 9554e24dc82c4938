/**
 * Reading the ways of an OpenStreetMap extract (.osm.pbf) with osmium-tool (Debian package
 * `osmium-tool`): `osmium tags-filter w/highway` keeps the highways and the nodes they use,
 * then `osmium export -f geojsonseq` gives each way as one GeoJSON line, streamed here. A
 * country extract (Vietnam, ~300 MB) is read without holding the file in memory.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { LonLat } from '../../../src/lib/domain/routing/types.ts';
import type { OsmTags } from './osm-ways.ts';

/** One way: its id, its tags and its vertices. */
export interface OsmWay {
	id: number;
	tags: OsmTags;
	coords: LonLat[];
}

/** Anything that yields ways: osmium on a PBF here, plain arrays in tests. */
export type OsmWaySource = Iterable<OsmWay> | AsyncIterable<OsmWay>;

/** A PBF that cannot be read, or osmium missing; the message says which and what to do. */
export class OsmReadError extends Error {}

const OSMIUM = process.env.OSMIUM_PATH ?? 'osmium';

/** Whether osmium-tool can be run. */
export function osmiumAvailable(): boolean {
	return spawnSync(OSMIUM, ['--version'], { stdio: 'ignore' }).status === 0;
}

function runOsmium(args: string[], what: string) {
	const r = spawnSync(OSMIUM, args, { encoding: 'utf8' });
	if (r.error) throw new OsmReadError(`Cannot run ${OSMIUM}: ${r.error.message}`);
	if (r.status !== 0) throw new OsmReadError(`${what}: ${r.stderr.trim() || `exit ${r.status}`}`);
}

/**
 * The highway ways of `pbf`, as osmium exports them (a closed way, such as a roundabout, as
 * its ring). Ways with fewer than two located nodes are left out by osmium.
 * @throws OsmReadError when the file is missing or not a readable OSM file, or osmium-tool
 *   is not installed.
 */
export async function* readOsmWays(pbf: string): AsyncGenerator<OsmWay> {
	if (!existsSync(pbf)) throw new OsmReadError(`OSM file not found: ${pbf}`);
	if (!osmiumAvailable())
		throw new OsmReadError(
			`osmium-tool is needed to read ${pbf}: apt-get install osmium-tool (or set OSMIUM_PATH)`
		);
	const tmp = mkdtempSync(join(tmpdir(), 'tung-ngo-osm-'));
	try {
		const highways = join(tmp, 'highways.osm.pbf');
		runOsmium(
			['tags-filter', pbf, 'w/highway', '-o', highways, '--overwrite', '--no-progress'],
			`Cannot read ${pbf} as an OSM file`
		);
		yield* exportWays(highways);
	} finally {
		rmSync(tmp, { recursive: true, force: true });
	}
}

async function* exportWays(file: string): AsyncGenerator<OsmWay> {
	const args = ['export', file, '-f', 'geojsonseq', '--geometry-types=linestring', '-a', 'id'];
	const child = spawn(OSMIUM, [...args, '-x', 'print_record_separator=false', '-o', '-'], {
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let stderr = '';
	child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
	const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
	for await (const line of createInterface({ input: child.stdout, crlfDelay: Infinity })) {
		// Without print_record_separator=false each record would start with RS (0x1e, RFC 8142).
		const text = (line.startsWith('\u001e') ? line.slice(1) : line).trim();
		if (!text) continue;
		const f = JSON.parse(text) as {
			geometry: { type: string; coordinates: LonLat[] };
			properties: Record<string, string | number>;
		};
		if (f.geometry.type !== 'LineString') continue;
		const { '@id': id, ...tags } = f.properties;
		yield { id: Number(id), tags: tags as OsmTags, coords: f.geometry.coordinates };
	}
	const code = await exited;
	if (code !== 0) throw new OsmReadError(`osmium export failed: ${stderr.trim() || code}`);
}
