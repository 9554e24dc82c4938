/**
 * The geometry build: reference boundaries → vector tiles, Vietnamese glyph ranges and the
 * manifest, skipped when the build key (inputs + code + library versions) is unchanged.
 */
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import {
	BOUNDARY_ATTRIBUTION,
	COMMUNE_LABEL_MIN_ZOOM,
	GEO_BOUNDS,
	GEO_LAYERS,
	GEO_MAX_ZOOM,
	GEO_MIN_ZOOM,
	GLYPH_FONTSTACK
} from '../../../src/lib/map/geo-contract.ts';
import type { GeoManifest } from '../../../src/lib/map/manifest.ts';
import { computeBuildKey, shortHash } from './build-key.ts';
import { buildGlyphRanges, GLYPH_NOTICE } from './glyphs.ts';
import type { Position } from './mercator.ts';
import {
	loadCommuneLabels,
	loadCommunes,
	loadProvinces,
	provinceLabels,
	type AreaUnit,
	type Detail
} from './sources.ts';
import { emptyTilesWithin, type EncodedTile } from './tiler.ts';
import { writeOutlines } from './outlines.ts';
import {
	isUpToDate,
	pruneVersions,
	readManifest,
	tileFiles,
	writeManifest,
	writeVersioned
} from './write-output.ts';
import { tileZoomComplete, type PlanInputs } from './zoom-plan.ts';

export interface BuildOptions {
	/** Rebuild even when the build key is unchanged. */
	force?: boolean;
	log?: (line: string) => void;
}

export interface BuildResult {
	skipped: boolean;
	manifest: GeoManifest;
	ms: number;
}

/** Site path the output folder is served at. */
const SERVED_AT = '/geo';

/** Inputs for the zoom plan, reading each outline file at most once. */
export function planInputs(dataDir: string): PlanInputs {
	const communes = new Map<Detail, AreaUnit[]>();
	const provinces = new Map<Detail, ReturnType<typeof loadProvinces>>();
	const provincesAt = (d: Detail): ReturnType<typeof loadProvinces> => {
		if (!provinces.has(d)) provinces.set(d, loadProvinces(dataDir, d));
		return provinces.get(d) ?? [];
	};
	return {
		communes(d) {
			if (!communes.has(d)) communes.set(d, loadCommunes(dataDir, d));
			return communes.get(d) ?? [];
		},
		provinces: provincesAt,
		communeLabels: loadCommuneLabels(dataDir),
		provinceLabels: provinceLabels(provincesAt('web'))
	};
}

/** [west, south, east, north] of all outline vertices. */
export function boundsOf(units: AreaUnit[]): [number, number, number, number] {
	const b: [number, number, number, number] = [180, 90, -180, -90];
	for (const u of units) {
		for (const ring of u.polygons.flat()) {
			for (const [x, y] of ring as Position[]) {
				b[0] = Math.min(b[0], x);
				b[1] = Math.min(b[1], y);
				b[2] = Math.max(b[2], x);
				b[3] = Math.max(b[3], y);
			}
		}
	}
	return b.map((v) => Math.round(v * 1e4) / 1e4) as [number, number, number, number];
}

function zoomStats(tiles: EncodedTile[]): GeoManifest['stats']['byZoom'] {
	const byZoom: GeoManifest['stats']['byZoom'] = {};
	for (const t of tiles) {
		const s = (byZoom[String(t.z)] ??= { tiles: 0, empty: 0, bytes: 0, gzipBytes: 0 });
		if (t.data.length === 0) {
			s.empty += 1;
			continue;
		}
		s.tiles += 1;
		s.bytes += t.data.length;
		s.gzipBytes += gzipSync(t.data).length;
	}
	return byZoom;
}

function vectorLayers(): GeoManifest['vector_layers'] {
	const all = { minzoom: GEO_MIN_ZOOM, maxzoom: GEO_MAX_ZOOM };
	const named = { code: 'String', name: 'String' };
	return [
		{ id: GEO_LAYERS.communes, fields: { code: 'String', p: 'String' }, ...all },
		{ id: GEO_LAYERS.provinces, fields: { code: 'String' }, ...all },
		// Below COMMUNE_LABEL_MIN_ZOOM this layer holds only Hoàng Sa and Trường Sa.
		{ id: GEO_LAYERS.communeLabels, fields: named, ...all },
		{ id: GEO_LAYERS.provinceLabels, fields: named, ...all }
	];
}

interface Built {
	tiles: EncodedTile[];
	glyphs: Map<string, Uint8Array>;
	inputs: PlanInputs;
}

/** Throws when the data reach outside GEO_BOUNDS: MapLibre would never request those tiles. */
export function assertWithinBounds(bounds: [number, number, number, number]): void {
	const [w, s, e, n] = GEO_BOUNDS;
	if (bounds[0] < w || bounds[1] < s || bounds[2] > e || bounds[3] > n) {
		throw new Error(`boundaries ${bounds.join(',')} exceed GEO_BOUNDS ${GEO_BOUNDS.join(',')}`);
	}
}

function generate(dataDir: string, log: (line: string) => void): Built {
	const inputs = planInputs(dataDir);
	assertWithinBounds(boundsOf(inputs.communes('web')));
	const tiles: EncodedTile[] = [];
	for (let z = GEO_MIN_ZOOM; z <= GEO_MAX_ZOOM; z++) {
		const t0 = performance.now();
		const zoomTiles = tileZoomComplete(z, inputs);
		const empty = emptyTilesWithin(z, GEO_BOUNDS, zoomTiles);
		tiles.push(...zoomTiles, ...empty);
		const kb = zoomTiles.reduce((n, t) => n + t.data.length, 0) / 1024;
		const ms = (performance.now() - t0).toFixed(0);
		log(
			`  z${z}: ${zoomTiles.length} tiles (+${empty.length} empty), ${kb.toFixed(0)} KB, ${ms} ms`
		);
	}
	return { tiles, glyphs: buildGlyphRanges(GLYPH_FONTSTACK), inputs };
}

function makeManifest(
	built: Built,
	buildKey: string,
	tilesHash: string,
	fontsHash: string
): GeoManifest {
	const { tiles, glyphs, inputs } = built;
	const communes = inputs.communes('web');
	const bounds = boundsOf(communes);
	const byZoom = zoomStats(tiles);
	const glyphFiles = [...glyphs.values()];
	return {
		tilejson: '3.0.0',
		name: 'Từng Ngõ administrative units 2025',
		tiles: [`${SERVED_AT}/tiles/${tilesHash}/{z}/{x}/{y}.pbf`],
		glyphs: `${SERVED_AT}/fonts/${fontsHash}/{fontstack}/{range}.pbf`,
		fontstack: GLYPH_FONTSTACK,
		bounds,
		center: [(bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2, 4],
		minzoom: GEO_MIN_ZOOM,
		maxzoom: GEO_MAX_ZOOM,
		attribution: BOUNDARY_ATTRIBUTION,
		vector_layers: vectorLayers(),
		buildKey,
		counts: { communes: communes.length, provinces: inputs.provinces('web').length },
		stats: {
			tileCount: tiles.length,
			bytes: Object.values(byZoom).reduce((n, s) => n + s.bytes, 0),
			gzipBytes: Object.values(byZoom).reduce((n, s) => n + s.gzipBytes, 0),
			byZoom,
			glyphBytes: glyphFiles.reduce((n, g) => n + g.length, 0),
			glyphGzipBytes: glyphFiles.reduce((n, g) => n + gzipSync(g).length, 0)
		}
	};
}

/** Builds (or confirms up to date) the geometry output in `outDir`. Throws on bad inputs. */
export function buildGeo(dataDir: string, outDir: string, opts: BuildOptions = {}): BuildResult {
	const log = opts.log ?? (() => {});
	const t0 = performance.now();
	const buildKey = computeBuildKey(dataDir);
	const existing = readManifest(outDir);
	if (!opts.force && existing && isUpToDate(outDir, buildKey)) {
		return { skipped: true, manifest: existing, ms: performance.now() - t0 };
	}
	log(`Tiling z${GEO_MIN_ZOOM}–z${GEO_MAX_ZOOM} (commune labels from z${COMMUNE_LABEL_MIN_ZOOM})`);
	const built = generate(dataDir, log);
	const tilesHash = shortHash(built.tiles.flatMap((t) => [`${t.z}/${t.x}/${t.y}`, t.data]));
	const fontsHash = shortHash([...built.glyphs].flatMap(([range, data]) => [range, data]));
	const manifest = makeManifest(built, buildKey, tilesHash, fontsHash);
	writeVersioned(join(outDir, 'tiles'), tilesHash, tileFiles(built.tiles));
	const fontFiles: [string, Uint8Array | string][] = [...built.glyphs].map(([range, data]) => [
		`${GLYPH_FONTSTACK}/${range}.pbf`,
		data
	]);
	writeVersioned(join(outDir, 'fonts'), fontsHash, [...fontFiles, ['NOTICE.txt', GLYPH_NOTICE]]);
	const inputs = built.inputs;
	writeOutlines(outDir, inputs.communes('web'), inputs.provinces('web'));
	writeManifest(outDir, manifest);
	pruneVersions(join(outDir, 'tiles'), tilesHash);
	pruneVersions(join(outDir, 'fonts'), fontsHash);
	return { skipped: false, manifest, ms: performance.now() - t0 };
}
