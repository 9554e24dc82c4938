/**
 * Cuts one zoom level of vector tiles: one geojson-vt index per layer, merged per tile and
 * encoded with vt-pbf. A zoom is tiled on its own so each zoom can get its own inputs
 * (web or detailed outlines, islands kept visible at that zoom).
 */
import GeoJSONVT, { type LegacyFeature, type LegacyTile } from 'geojson-vt';
import { fromGeojsonVt } from 'vt-pbf';
import type { Feature } from 'geojson';
import { TILE_EXTENT, type GeoLayerName } from '../../../src/lib/map/geo-contract.ts';
import { tileRange } from './mercator.ts';

/** The features of one source layer at one zoom. */
export interface LayerData<N extends string = GeoLayerName> {
	name: N;
	features: Feature[];
}

export interface TilingOptions {
	/** Simplification tolerance in tile units (TILE_EXTENT units per tile side). */
	tolerance: number;
	/** Tile buffer in tile units: must exceed half the widest line drawn from polygons. */
	buffer: number;
}

export interface EncodedTile {
	z: number;
	x: number;
	y: number;
	/** Uncompressed Mapbox Vector Tile bytes. */
	data: Uint8Array;
}

/** One zoom's tiles and, per layer, the `code` of every feature written with geometry. */
export interface ZoomTiles<N extends string = GeoLayerName> {
	tiles: EncodedTile[];
	written: Map<N, Set<string>>;
}

/** Drops consecutive repeats that rounding to integer tile units creates: pure bytes saved. */
function dedupeRing(ring: [number, number][]): [number, number][] {
	const out: [number, number][] = [];
	for (const p of ring) {
		const last = out[out.length - 1];
		if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
	}
	return out;
}

/**
 * The feature with repeated points removed and polygon rings that collapsed to fewer than three
 * distinct points dropped: they have no area, and vt-pbf would encode a one-point ring as a
 * MoveTo without coordinates, corrupting the whole tile. Null when nothing is left.
 */
function cleanFeature(f: LegacyFeature): LegacyFeature | null {
	if (f.type === 1) return f;
	const minPoints = f.type === 3 ? 4 : 2;
	const geometry = f.geometry.map(dedupeRing).filter((r) => r.length >= minPoints);
	return geometry.length > 0 ? { ...f, geometry } : null;
}

function buildIndex(features: Feature[], z: number, opts: TilingOptions): GeoJSONVT {
	return new GeoJSONVT(
		{ type: 'FeatureCollection', features },
		{
			// One zoom above the target: geojson-vt does not simplify at its maxZoom at all.
			maxZoom: z + 1,
			indexMaxZoom: z,
			indexMaxPoints: 0,
			tolerance: opts.tolerance,
			extent: TILE_EXTENT,
			buffer: opts.buffer
		}
	);
}

/** Every non-empty tile of zoom `z` with all the given layers, sorted by x then y. */
export function tileZoom<N extends string = GeoLayerName>(
	z: number,
	layers: LayerData<N>[],
	opts: TilingOptions
): ZoomTiles<N> {
	const indexes = layers.map((l) => ({ name: l.name, index: buildIndex(l.features, z, opts) }));
	const coords = new Map<string, { x: number; y: number }>();
	for (const { index } of indexes) {
		for (const c of index.tileCoords) if (c.z === z) coords.set(`${c.x}/${c.y}`, c);
	}
	const sorted = [...coords.values()].sort((a, b) => a.x - b.x || a.y - b.y);
	const tiles: EncodedTile[] = [];
	const written = new Map(layers.map((l) => [l.name, new Set<string>()]));
	for (const { x, y } of sorted) {
		const tileLayers: Record<string, LegacyTile> = {};
		for (const { name, index } of indexes) {
			const features = (index.getTile(z, x, y)?.features ?? []).flatMap((f) => {
				const clean = cleanFeature(f);
				return clean ? [clean] : [];
			});
			if (features.length > 0) tileLayers[name] = { features };
			for (const f of features) written.get(name)?.add(String(f.tags?.code));
		}
		if (Object.keys(tileLayers).length === 0) continue;
		tiles.push({ z, x, y, data: fromGeojsonVt(tileLayers, { version: 2, extent: TILE_EXTENT }) });
	}
	return { tiles, written };
}

/**
 * Empty (zero-byte, valid) tiles for every tile of zoom `z` inside `bounds` that `tiles` lacks,
 * so the client's requests over open sea get an empty 200, not a 404 from the worker.
 */
export function emptyTilesWithin(
	z: number,
	bounds: [number, number, number, number],
	tiles: EncodedTile[]
): EncodedTile[] {
	const have = new Set(tiles.map((t) => `${t.x}/${t.y}`));
	const { x0, x1, y0, y1 } = tileRange(bounds, z);
	const empty: EncodedTile[] = [];
	for (let x = x0; x <= x1; x++) {
		for (let y = y0; y <= y1; y++) {
			if (!have.has(`${x}/${y}`)) empty.push({ z, x, y, data: new Uint8Array(0) });
		}
	}
	return empty;
}
