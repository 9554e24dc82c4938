/**
 * Reads the boundary files of the reference data directory into minimal, typed shapes:
 * only what the tiles carry (codes, names) plus what the build needs (island flag).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import polylabel from 'polylabel';
import { ringAreaWorld, toWorld, type PolygonCoords, type Position } from './mercator.ts';

/** Boundary inputs by role; their bytes feed the build hash. */
export const INPUT_FILES = {
	communesWeb: 'vn2025_communes_web.geojson',
	communesDetailed: 'vn2025_communes_detailed.geojson',
	provincesWeb: 'vn2025_provinces_web.geojson',
	provincesDetailed: 'vn2025_provinces_detailed.geojson',
	communeLabels: 'vn2025_commune_labels.geojson'
} as const;

export type Detail = 'web' | 'detailed';

/** A commune or province outline. `province` is the province code ('' for provinces). */
export interface AreaUnit {
	code: string;
	province: string;
	/** Island special zones (đặc khu): every part stays visible at every zoom. */
	island: boolean;
	polygons: PolygonCoords[];
}

/** A label anchor. */
export interface LabelPoint {
	code: string;
	name: string;
	point: Position;
}

interface RawFeature {
	geometry: { type: string; coordinates: unknown } | null;
	properties: Record<string, unknown> | null;
}

function readFeatures(dataDir: string, file: string): RawFeature[] {
	const json = JSON.parse(readFileSync(join(dataDir, file), 'utf8')) as { features?: unknown };
	if (!Array.isArray(json.features)) throw new Error(`${file}: not a FeatureCollection`);
	return json.features as RawFeature[];
}

function stringProp(f: RawFeature, key: string, file: string): string {
	const v = f.properties?.[key];
	if (typeof v !== 'string' || v === '') throw new Error(`${file}: feature without "${key}"`);
	// Labels are drawn from precomposed glyphs, so names must be NFC.
	return v.normalize('NFC');
}

function polygonsOf(f: RawFeature, file: string): PolygonCoords[] {
	const g = f.geometry;
	if (g?.type === 'Polygon') return [g.coordinates as PolygonCoords];
	if (g?.type === 'MultiPolygon') return g.coordinates as PolygonCoords[];
	throw new Error(`${file}: unexpected geometry ${g?.type ?? 'null'}`);
}

/** Commune outlines at the given detail. Throws on a malformed file. */
export function loadCommunes(dataDir: string, detail: Detail): AreaUnit[] {
	const file = detail === 'web' ? INPUT_FILES.communesWeb : INPUT_FILES.communesDetailed;
	return readFeatures(dataDir, file).map((f) => ({
		code: stringProp(f, 'code', file),
		province: stringProp(f, 'provinceCode', file),
		island: f.properties?.unitType === 'Đặc khu',
		polygons: polygonsOf(f, file)
	}));
}

/** Province outlines at the given detail, with their short names for labels. */
export function loadProvinces(dataDir: string, detail: Detail): (AreaUnit & { name: string })[] {
	const file = detail === 'web' ? INPUT_FILES.provincesWeb : INPUT_FILES.provincesDetailed;
	return readFeatures(dataDir, file).map((f) => ({
		code: stringProp(f, 'code', file),
		name: stringProp(f, 'name', file),
		province: '',
		island: false,
		polygons: polygonsOf(f, file)
	}));
}

/** One point per commune, always inside its polygon (docs/domain.md, "Reference data"). */
export function loadCommuneLabels(dataDir: string): LabelPoint[] {
	const file = INPUT_FILES.communeLabels;
	return readFeatures(dataDir, file).map((f) => {
		if (f.geometry?.type !== 'Point') throw new Error(`${file}: expected points`);
		return {
			code: stringProp(f, 'code', file),
			name: stringProp(f, 'name', file),
			point: f.geometry.coordinates as Position
		};
	});
}

/**
 * Province label anchors: the pole of inaccessibility of each province's largest part, so
 * Đà Nẵng's and Khánh Hòa's labels sit on the mainland, not out among their archipelagos.
 */
export function provinceLabels(provinces: (AreaUnit & { name: string })[]): LabelPoint[] {
	return provinces.map((p) => {
		const largest = [...p.polygons].sort(
			(a, b) => ringAreaWorld((b[0] ?? []).map(toWorld)) - ringAreaWorld((a[0] ?? []).map(toWorld))
		)[0];
		if (!largest) throw new Error(`province ${p.code} has no geometry`);
		const [x, y] = polylabel(largest, 0.001);
		return { code: p.code, name: p.name, point: [x, y] };
	});
}
