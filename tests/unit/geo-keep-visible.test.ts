import { describe, expect, it } from 'vitest';
import GeoJSONVT from 'geojson-vt';
import {
	FALLBACK_TOLERANCES,
	keepVisible,
	partSizePx
} from '../../scripts/lib/geo/keep-visible.ts';
import { squareRing, type PolygonCoords, type Position } from '../../scripts/lib/geo/mercator.ts';
import type { AreaUnit } from '../../scripts/lib/geo/sources.ts';

const TOL_PX = 0.375;
const opts = { tolerancePx: TOL_PX, islandMinPx: 2 };

/** A square polygon of `km` kilometres a side at (lon, lat), roughly. */
function squareKm([lon, lat]: Position, km: number): PolygonCoords {
	const dLat = km / 111.32 / 2;
	const dLon = dLat / Math.cos((lat * Math.PI) / 180);
	return [
		[
			[lon - dLon, lat - dLat],
			[lon + dLon, lat - dLat],
			[lon + dLon, lat + dLat],
			[lon - dLon, lat + dLat],
			[lon - dLon, lat - dLat]
		]
	];
}

const ward: AreaUnit = {
	code: '00004',
	province: '01',
	island: false,
	polygons: [squareKm([105.84, 21.04], 1.7)]
};
const district: AreaUnit = {
	code: '01000',
	province: '01',
	island: false,
	polygons: [squareKm([105.5, 21.2], 40)]
};
const reefs: AreaUnit = {
	code: '22736',
	province: '56',
	island: true,
	polygons: [squareKm([114.3, 10.4], 0.3), squareKm([114.5, 10.6], 30)]
};
const anchors = new Map<string, Position>([['00004', [105.84, 21.04]]]);

describe('keeping units visible', () => {
	it.each([
		['a 1.7 km ward is sub-pixel at z4: it gains a fallback square', ward, 4, 2],
		['the same ward is large enough at z9: untouched', ward, 9, 1],
		['a 40 km unit is large at z4: untouched', district, 4, 1]
	] as const)('%s', (_why, unit, zoom, parts) => {
		const [out] = keepVisible([unit], zoom, anchors, opts);
		expect(out?.polygons).toHaveLength(parts);
	});

	it('puts the fallback square at the label point', () => {
		const [out] = keepVisible([ward], 4, anchors, opts);
		const square = out?.polygons[0]?.[0] ?? [];
		const cx = square.slice(0, 4).reduce((s, p) => s + p[0], 0) / 4;
		const cy = square.slice(0, 4).reduce((s, p) => s + p[1], 0) / 4;
		expect(cx).toBeCloseTo(105.84, 3);
		expect(cy).toBeCloseTo(21.04, 2);
		expect(partSizePx(out?.polygons[0] ?? [], 4)).toBeCloseTo(TOL_PX * FALLBACK_TOLERANCES, 1);
	});

	it('gives a forced unit the fallback square whatever its size', () => {
		const [out] = keepVisible([district], 4, anchors, { ...opts, force: new Set(['01000']) });
		expect(out?.polygons).toHaveLength(2);
	});

	it('draws every reef of an island zone at least islandMinPx wide, keeping large parts', () => {
		const [out] = keepVisible([reefs], 4, anchors, opts);
		expect(out?.polygons).toHaveLength(2);
		expect(partSizePx(out?.polygons[0] ?? [], 4)).toBeCloseTo(2, 1);
		expect(out?.polygons[1]).toBe(reefs.polygons[1]);
	});

	it('does not enlarge islets past the fallback size at the over-zoomed last zoom', () => {
		const [out] = keepVisible([reefs], 10, anchors, { ...opts, islandMinPx: 0 });
		expect(partSizePx(out?.polygons[0] ?? [], 10)).toBeGreaterThan(TOL_PX * FALLBACK_TOLERANCES);
		expect(out?.polygons[0]).toBe(reefs.polygons[0]);
	});
});

describe('the fallback square survives geojson-vt', () => {
	it.each([2, 4, 6, 8])('keeps all four corners at z%i', (z) => {
		const ring = squareRing([106.7, 10.78], TOL_PX * FALLBACK_TOLERANCES, z);
		const index = new GeoJSONVT(
			{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring] } },
			{ maxZoom: z + 1, indexMaxZoom: z, indexMaxPoints: 0, tolerance: 3 }
		);
		const rings = index.tileCoords
			.filter((c) => c.z === z)
			.flatMap((c) => index.getTile(z, c.x, c.y)?.features ?? [])
			.flatMap((f) => (f.type === 3 ? f.geometry : []));
		expect(rings).toHaveLength(1);
		expect(new Set(rings[0]?.map(String)).size).toBe(4);
	});
});
