/**
 * Street graphs per commune from an OpenStreetMap extract: the highways a member can walk or
 * ride (scripts/lib/basemap/osm-ways.ts) are cut by the commune polygons of the reference data
 * (a way belongs to every commune it has a vertex in, kept whole), each commune's graph is
 * built (src/lib/domain/streets) and written as {code}.bin; with --upload, also put into the
 * local R2 bucket BASEMAP as graphs/{code}.bin, the key GET /api/basemap/graphs/{code} serves.
 * Production upload: docs/basemap.md.
 *
 *   node scripts/build-street-graphs.ts --pbf vietnam-latest.osm.pbf \
 *     [--communes 05569,00004] [--out dir] [--upload]
 *
 * Needs osmium-tool (apt-get install osmium-tool). Env: TUNG_NGO_DATA_DIR (commune polygons),
 * TUNG_NGO_BASEMAP_DIR (default output: its osm-graphs/), TUNG_NGO_PERSIST_DIR (local R2).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import {
	communeAreas,
	communeGraphs,
	cutWays,
	UnknownCommuneError
} from './lib/basemap/commune-cut.ts';
import { OsmReadError, readOsmWays, type OsmWaySource } from './lib/basemap/osm-read.ts';
import { basemapOutDir, persistDir, repoRoot, requireDataDir, SetupError } from './lib/paths.ts';

export const COMMUNES_FILE = 'vn2025_communes_detailed.geojson';

export interface BuildOptions {
	ways: OsmWaySource;
	/** Commune codes to build; every commune when empty. */
	communes?: string[];
	outDir: string;
	/** Put each graph into this bucket as graphs/{code}.bin. */
	bucket?: Pick<R2Bucket, 'put'>;
	log?: (line: string) => void;
}

/** Builds and writes the graphs; returns per commune its code, bytes, nodes and edges. */
export async function buildStreetGraphs(opts: BuildOptions) {
	const fc = JSON.parse(
		readFileSync(join(requireDataDir(), COMMUNES_FILE), 'utf8')
	) as FeatureCollection<Polygon | MultiPolygon, { code: string }>;
	const areas = communeAreas(fc, opts.communes);
	const cut = await cutWays(opts.ways, areas);
	opts.log?.(
		`${cut.ways.toLocaleString('en')} highway ways, ${cut.usable.toLocaleString('en')} usable, ` +
			`${cut.inCommunes.toLocaleString('en')} in ${cut.codes.length} of ${areas.length} communes`
	);
	mkdirSync(opts.outDir, { recursive: true });
	const written: { code: string; bytes: number; nodes: number; edges: number }[] = [];
	for (const g of communeGraphs(cut)) {
		writeFileSync(join(opts.outDir, `${g.code}.bin`), g.bytes);
		await opts.bucket?.put(`graphs/${g.code}.bin`, g.bytes, {
			httpMetadata: { contentType: 'application/octet-stream' }
		});
		written.push({ code: g.code, bytes: g.bytes.length, nodes: g.nodes, edges: g.edges });
	}
	return written;
}

async function main() {
	const { values } = parseArgs({
		options: {
			pbf: { type: 'string' },
			communes: { type: 'string' },
			out: { type: 'string' },
			upload: { type: 'boolean', default: false }
		}
	});
	if (!values.pbf)
		throw new SetupError(
			'Usage: node scripts/build-street-graphs.ts --pbf FILE.osm.pbf [--communes 05569,00004] [--out DIR] [--upload]'
		);
	const outDir = resolve(values.out ?? join(basemapOutDir(), 'osm-graphs'));
	const communes = values.communes
		?.split(',')
		.map((c) => c.trim())
		.filter(Boolean);
	const t0 = performance.now();
	// wrangler is imported only to upload: it takes seconds to load.
	const proxy = values.upload
		? await (
				await import('wrangler')
			).getPlatformProxy<{ BASEMAP: R2Bucket }>({
				configPath: join(repoRoot, 'wrangler.toml'),
				persist: { path: join(persistDir(), 'v3') }
			})
		: null;
	try {
		const written = await buildStreetGraphs({
			ways: readOsmWays(resolve(values.pbf)),
			communes,
			outDir,
			bucket: proxy?.env.BASEMAP,
			log: (line) => console.log(line)
		});
		const kb = Math.round(written.reduce((n, g) => n + g.bytes, 0) / 1024);
		console.log(
			`${written.length} street graphs, ${kb} KB → ${outDir}` +
				`${proxy ? ' and local R2 BASEMAP/graphs/' : ''} (${Math.round(performance.now() - t0)} ms)`
		);
		const empty = (communes ?? []).filter((c) => !written.some((g) => g.code === c));
		if (empty.length) console.log(`No usable ways in: ${empty.join(', ')} (no graph written)`);
	} finally {
		await proxy?.dispose();
	}
}

if (import.meta.url === `file://${process.argv[1]}`) {
	try {
		await main();
	} catch (err) {
		if (
			err instanceof SetupError ||
			err instanceof OsmReadError ||
			err instanceof UnknownCommuneError
		) {
			console.error(`✗ ${err.message}`);
			process.exit(1);
		}
		throw err;
	}
}
