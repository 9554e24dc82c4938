/**
 * What goes into the tiles at each zoom: which outline detail, which layers, how simplified.
 *
 * Scale (512 px tiles): z4 ≈ 4.9 km/px (a phone showing all of Vietnam), z5 ≈ 2.4 km/px (a
 * desktop), z9 ≈ 150 m/px. The _web outlines keep a vertex every few hundred metres, enough up
 * to z8; from z9 the _detailed outlines (a vertex every ~100 m) are used, and past z10 MapLibre
 * over-zooms the z10 tiles, which stay sharp to about z12.
 */
import type { Feature } from 'geojson';
import {
	ARCHIPELAGO_CODES,
	COMMUNE_LABEL_MIN_ZOOM,
	GEO_LAYERS,
	GEO_MAX_ZOOM,
	TILE_EXTENT,
	TILE_SIZE
} from '../../../src/lib/map/geo-contract.ts';
import { DEFAULT_ISLAND_MIN_PX, keepVisible } from './keep-visible.ts';
import type { Position } from './mercator.ts';
import type { AreaUnit, Detail, LabelPoint } from './sources.ts';
import { tileZoom, type EncodedTile, type LayerData, type TilingOptions } from './tiler.ts';

/** From this zoom the _detailed outlines are tiled. */
export const DETAILED_FROM_ZOOM = 9;

/** geojson-vt's default: 3 units of 4096 ≈ 0.4 px, below what anyone can see. */
export const TILING: TilingOptions = { tolerance: 3, buffer: 64 };

/** Inputs the plan draws from; outlines are fetched by detail so tests can skip _detailed. */
export interface PlanInputs {
	communes(detail: Detail): AreaUnit[];
	provinces(detail: Detail): AreaUnit[];
	communeLabels: LabelPoint[];
	provinceLabels: LabelPoint[];
}

/** Outline detail tiled at zoom `z`. */
export function detailAt(z: number): Detail {
	return z >= DETAILED_FROM_ZOOM ? 'detailed' : 'web';
}

function polygonFeature(unit: AreaUnit, properties: Record<string, string>): Feature {
	return {
		type: 'Feature',
		properties,
		geometry: { type: 'MultiPolygon', coordinates: unit.polygons }
	};
}

function pointFeature(label: LabelPoint): Feature {
	return {
		type: 'Feature',
		properties: { code: label.code, name: label.name },
		geometry: { type: 'Point', coordinates: label.point }
	};
}

/** Commune labels at zoom `z`: all from COMMUNE_LABEL_MIN_ZOOM, else only the archipelagos. */
export function communeLabelsAt(z: number, labels: LabelPoint[]): LabelPoint[] {
	if (z >= COMMUNE_LABEL_MIN_ZOOM) return labels;
	const keep = new Set<string>(ARCHIPELAGO_CODES);
	return labels.filter((l) => keep.has(l.code));
}

/** Codes per polygon layer that must get a fallback square (see tileZoomComplete). */
export interface ForcedUnits {
	communes: ReadonlySet<string>;
	provinces: ReadonlySet<string>;
}

const NONE: ForcedUnits = { communes: new Set(), provinces: new Set() };

/** The four layers' features for zoom `z`, with small units and islets kept visible. */
export function layersAtZoom(z: number, inputs: PlanInputs, force = NONE): LayerData[] {
	const tolerancePx = (TILING.tolerance / TILE_EXTENT) * TILE_SIZE;
	// At the last zoom tiles are over-zoomed, so an enlarged islet would grow on screen.
	const islandMinPx = z < GEO_MAX_ZOOM ? DEFAULT_ISLAND_MIN_PX : 0;
	const opts = { tolerancePx, islandMinPx };
	const anchors = new Map<string, Position>(inputs.communeLabels.map((l) => [l.code, l.point]));
	const provinceAnchors = new Map<string, Position>(
		inputs.provinceLabels.map((l) => [l.code, l.point])
	);
	const detail = detailAt(z);
	const communes = keepVisible(inputs.communes(detail), z, anchors, {
		...opts,
		force: force.communes
	});
	const provinces = keepVisible(inputs.provinces(detail), z, provinceAnchors, {
		...opts,
		force: force.provinces
	});
	return [
		{
			name: GEO_LAYERS.communes,
			features: communes.map((u) => polygonFeature(u, { code: u.code, p: u.province }))
		},
		{
			name: GEO_LAYERS.provinces,
			features: provinces.map((u) => polygonFeature(u, { code: u.code }))
		},
		{
			name: GEO_LAYERS.communeLabels,
			features: communeLabelsAt(z, inputs.communeLabels).map(pointFeature)
		},
		{ name: GEO_LAYERS.provinceLabels, features: inputs.provinceLabels.map(pointFeature) }
	];
}

function lost(units: AreaUnit[], written: Set<string> | undefined): string[] {
	return units.map((u) => u.code).filter((code) => !written?.has(code));
}

/**
 * The tiles of zoom `z`, with every commune and province present with an area. Simplification
 * can flatten a small unit's rings to lines even when they are above geojson-vt's size cut; the
 * units a first pass lost are tiled again with a fallback square. Throws if any is still lost.
 */
export function tileZoomComplete(z: number, inputs: PlanInputs): EncodedTile[] {
	let force = NONE;
	for (let pass = 0; pass < 2; pass++) {
		const { tiles, written } = tileZoom(z, layersAtZoom(z, inputs, force), TILING);
		const communes = lost(inputs.communes(detailAt(z)), written.get(GEO_LAYERS.communes));
		const provinces = lost(inputs.provinces(detailAt(z)), written.get(GEO_LAYERS.provinces));
		if (communes.length === 0 && provinces.length === 0) return tiles;
		force = {
			communes: new Set([...force.communes, ...communes]),
			provinces: new Set([...force.provinces, ...provinces])
		};
	}
	const missing = [...force.communes, ...force.provinces].join(', ');
	throw new Error(`z${z}: units without geometry after the fallback pass: ${missing}`);
}
