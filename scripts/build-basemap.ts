/**
 * Builds the demo's base map: the streets, alleys and paths the demo households stand on
 * (written by seed-demo into .wrangler/basemap/demo-streets.geojson) become vector tiles in the
 * Protomaps base-map schema (layers `earth` and `roads`, kinds and kind_detail as Protomaps
 * builds use them), packed into one PMTiles archive and put into the local R2 bucket `BASEMAP`
 * under the key the Worker serves (`BASEMAP_PMTILES` in wrangler.toml), with a street graph per
 * commune (`graphs/{code}.bin`, src/lib/domain/streets) for distances and paths along the
 * streets. The production archive (Vietnam cut from a Protomaps build) and graphs (from an OSM
 * extract, scripts/build-street-graphs.ts) are served by the same paths: docs/basemap.md.
 *
 *   node scripts/build-basemap.ts [--no-upload]
 *
 * Env: TUNG_NGO_BASEMAP_DIR (output), TUNG_NGO_PERSIST_DIR (local R2 state).
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { Feature, FeatureCollection, LineString, Polygon } from 'geojson';
import { getPlatformProxy } from 'wrangler';
import { tileZoom } from './lib/geo/tiler.ts';
import { writePmtiles, type PmtilesTile } from './lib/basemap/pmtiles-write.ts';
import { basemapOutDir, persistDir, repoRoot, SetupError } from './lib/paths.ts';
import type { DemoStreet } from '../src/lib/server/demo/streets.ts';
import { buildStreetGraph } from '../src/lib/domain/streets/build.ts';
import { encodeStreetGraph } from '../src/lib/domain/streets/codec.ts';

const { values } = parseArgs({ options: { 'no-upload': { type: 'boolean', default: false } } });

const MIN_ZOOM = 10;
/** Protomaps builds stop at z15; MapLibre draws the walking zooms (16–18) from them. */
const MAX_ZOOM = 15;

type StreetProps = Omit<DemoStreet, 'coords'>;

/** Our kinds in the Protomaps schema: what its style draws, at which zoom it appears. */
const SCHEMA: Record<DemoStreet['kind'], { kind: string; kind_detail: string; min_zoom: number }> =
	{
		road: { kind: 'minor_road', kind_detail: 'unclassified', min_zoom: 10 },
		street: { kind: 'major_road', kind_detail: 'tertiary', min_zoom: 10 },
		alley: { kind: 'minor_road', kind_detail: 'service', min_zoom: 13 },
		path: { kind: 'path', kind_detail: 'footway', min_zoom: 13 }
	};

function roadFeature(f: Feature<LineString, StreetProps>): Feature<LineString> {
	const p = f.properties;
	const schema = SCHEMA[p.kind];
	return {
		type: 'Feature',
		geometry: f.geometry,
		properties: {
			...schema,
			...(p.name ? { name: p.name, 'name:vi': p.name } : {}),
			width: p.widthM
		}
	};
}

/** Land under each commune's streets (its box and 1.5 km round it): the style's `earth`. */
function earthFeatures(streets: Feature<LineString, StreetProps>[]): Feature<Polygon>[] {
	const boxes = new Map<string, [number, number, number, number]>();
	for (const f of streets) {
		const b = boxes.get(f.properties.communeCode) ?? [180, 90, -180, -90];
		for (const [lon, lat] of f.geometry.coordinates as [number, number][]) {
			b[0] = Math.min(b[0], lon);
			b[1] = Math.min(b[1], lat);
			b[2] = Math.max(b[2], lon);
			b[3] = Math.max(b[3], lat);
		}
		boxes.set(f.properties.communeCode, b);
	}
	const m = 0.015;
	return [...boxes.values()].map(([w, s, e, n]) => ({
		type: 'Feature',
		properties: { kind: 'earth' },
		geometry: {
			type: 'Polygon',
			coordinates: [
				[
					[w - m, s - m],
					[e + m, s - m],
					[e + m, n + m],
					[w - m, n + m],
					[w - m, s - m]
				]
			]
		}
	}));
}

function boundsOf(features: Feature<Polygon>[]): [number, number, number, number] {
	const pts = features.flatMap((f) => f.geometry.coordinates[0]!);
	return [
		Math.min(...pts.map((p) => p[0]!)),
		Math.min(...pts.map((p) => p[1]!)),
		Math.max(...pts.map((p) => p[0]!)),
		Math.max(...pts.map((p) => p[1]!))
	];
}

/** The archive's key in the BASEMAP bucket: wrangler.toml's BASEMAP_PMTILES. */
function archiveKey(): string {
	const toml = readFileSync(join(repoRoot, 'wrangler.toml'), 'utf8');
	return /^BASEMAP_PMTILES\s*=\s*"([^"]+)"/m.exec(toml)?.[1] ?? 'basemap.pmtiles';
}

export function buildBasemap(streets: Feature<LineString, StreetProps>[]) {
	const roads = streets.map(roadFeature);
	const earth = earthFeatures(streets);
	const tiles: PmtilesTile[] = [];
	for (let z = MIN_ZOOM; z <= MAX_ZOOM; z++) {
		const shown = roads.filter((f) => (f.properties!.min_zoom as number) <= z);
		const { tiles: zoomTiles } = tileZoom(
			z,
			[
				{ name: 'earth', features: earth },
				{ name: 'roads', features: shown }
			],
			{ tolerance: z === MAX_ZOOM ? 1 : 3, buffer: 64 }
		);
		for (const t of zoomTiles) tiles.push({ ...t, data: gzipSync(t.data) });
	}
	const bounds = boundsOf(earth);
	const metadata = {
		name: 'Từng Ngõ demo streets',
		description: 'Synthetic streets of the demo communes, in the Protomaps base-map schema',
		attribution: 'Từng Ngõ demo',
		vector_layers: [
			{ id: 'earth', fields: {}, minzoom: MIN_ZOOM, maxzoom: MAX_ZOOM },
			{
				id: 'roads',
				fields: { kind: 'String', kind_detail: 'String', name: 'String', min_zoom: 'Number' },
				minzoom: MIN_ZOOM,
				maxzoom: MAX_ZOOM
			}
		]
	};
	const bytes = writePmtiles(tiles, {
		minZoom: MIN_ZOOM,
		maxZoom: MAX_ZOOM,
		bounds,
		metadata,
		tileCompression: 'gzip'
	});
	return { bytes, tiles: tiles.length, bounds };
}

/** One street graph per commune, from the commune's own streets. */
export function buildGraphs(streets: Feature<LineString, StreetProps>[]): Map<string, Uint8Array> {
	const byCommune = new Map<string, Feature<LineString, StreetProps>[]>();
	for (const f of streets) {
		const list = byCommune.get(f.properties.communeCode) ?? [];
		list.push(f);
		byCommune.set(f.properties.communeCode, list);
	}
	const out = new Map<string, Uint8Array>();
	for (const [code, list] of byCommune) {
		const graph = buildStreetGraph(
			list.map((f) => ({
				coords: f.geometry.coordinates as [number, number][],
				kind: f.properties.kind,
				widthM: f.properties.widthM
			}))
		);
		out.set(code, encodeStreetGraph(graph));
	}
	return out;
}

/** Puts the archive and the graphs into the local R2 bucket; graphs of other communes go. */
async function upload(key: string, bytes: Uint8Array, graphs: Map<string, Uint8Array>) {
	const proxy = await getPlatformProxy<{ BASEMAP: R2Bucket }>({
		configPath: join(repoRoot, 'wrangler.toml'),
		persist: { path: join(persistDir(), 'v3') }
	});
	try {
		const bucket = proxy.env.BASEMAP;
		await bucket.put(key, bytes, { httpMetadata: { contentType: 'application/vnd.pmtiles' } });
		const old = await bucket.list({ prefix: 'graphs/' });
		const keep = new Set([...graphs.keys()].map((c) => `graphs/${c}.bin`));
		for (const o of old.objects) if (!keep.has(o.key)) await bucket.delete(o.key);
		for (const [code, g] of graphs) {
			await bucket.put(`graphs/${code}.bin`, g, {
				httpMetadata: { contentType: 'application/octet-stream' }
			});
		}
	} finally {
		await proxy.dispose();
	}
}

if (import.meta.url === `file://${process.argv[1]}`) {
	try {
		const source = join(basemapOutDir(), 'demo-streets.geojson');
		if (!existsSync(source)) {
			// Not an error: the maps then say the base map is unavailable and show the app's style.
			console.log(`No demo streets at ${source}: seed the demo (node scripts/seed-demo.ts).`);
			process.exit(0);
		}
		const t0 = performance.now();
		const fc = JSON.parse(readFileSync(source, 'utf8')) as FeatureCollection<
			LineString,
			StreetProps
		>;
		const { bytes, tiles } = buildBasemap(fc.features);
		const file = join(basemapOutDir(), 'demo.pmtiles');
		writeFileSync(file, bytes);
		const graphs = buildGraphs(fc.features);
		const graphDir = join(basemapOutDir(), 'graphs');
		rmSync(graphDir, { recursive: true, force: true });
		mkdirSync(graphDir, { recursive: true });
		for (const [code, g] of graphs) writeFileSync(join(graphDir, `${code}.bin`), g);
		const key = archiveKey();
		if (!values['no-upload']) await upload(key, bytes, graphs);
		const kb = (n: number) => Math.round(n / 1024);
		const graphBytes = [...graphs.values()].reduce((n, g) => n + g.length, 0);
		console.log(
			`Base map: ${fc.features.length} streets → ${tiles} tiles z${MIN_ZOOM}–${MAX_ZOOM}, ` +
				`${kb(bytes.length)} KB; ${graphs.size} street graphs, ${kb(graphBytes)} KB → ` +
				`${basemapOutDir()}${values['no-upload'] ? '' : ` and local R2 BASEMAP/${key}, graphs/`} ` +
				`(${Math.round(performance.now() - t0)} ms)`
		);
	} catch (err) {
		if (err instanceof SetupError) {
			console.error(`✗ ${err.message}`);
			process.exit(1);
		}
		throw err;
	}
}
