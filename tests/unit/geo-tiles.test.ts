import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import {
	ARCHIPELAGO_CODES,
	COMMUNE_LABEL_MIN_ZOOM,
	GEO_LAYERS,
	GEO_MAX_ZOOM,
	GEO_MIN_ZOOM
} from '../../src/lib/map/geo-contract.ts';
import { planInputs } from '../../scripts/lib/geo/build.ts';
import type { EncodedTile } from '../../scripts/lib/geo/tiler.ts';
import { detailAt, tileZoomComplete, type PlanInputs } from '../../scripts/lib/geo/zoom-plan.ts';
import { dataDir } from '../../scripts/lib/paths.ts';

const hasData = existsSync(join(dataDir(), 'vn2025_communes_web.geojson'));

/** Polygon rings per code in one layer of the given tiles, decoded as MapLibre would. */
function ringsByCode(tiles: EncodedTile[], layer: string): Map<string, number[]> {
	const out = new Map<string, number[]>();
	for (const t of tiles) {
		const l = new VectorTile(new PbfReader(t.data)).layers[layer];
		for (let i = 0; l && i < l.length; i++) {
			const f = l.feature(i);
			const code = String(f.properties.code);
			const areas = out.get(code) ?? [];
			for (const ring of f.loadGeometry()) {
				let twice = 0;
				for (let a = 0, b = ring.length - 1; a < ring.length; b = a++) {
					twice += (ring[b]!.x - ring[a]!.x) * (ring[b]!.y + ring[a]!.y);
				}
				areas.push(Math.abs(twice) / 2);
			}
			out.set(code, areas);
		}
	}
	return out;
}

describe.skipIf(!hasData)('tiles at the national zooms', () => {
	let inputs: PlanInputs;
	beforeAll(() => {
		inputs = planInputs(dataDir());
	});

	// z4: a phone fitted to Vietnam (z3 with wide padding); z5: a desktop.
	it.each([2, 3, 4, 5, 6])('holds every one of the 3,321 communes at z%i', (z) => {
		const tiles = tileZoomComplete(z, inputs);
		const codes = ringsByCode(tiles, GEO_LAYERS.communes);
		const expected = inputs.communes('web').map((c) => c.code);
		expect(expected).toHaveLength(3321);
		expect([...codes.keys()].sort()).toEqual([...expected].sort());
		// Present means drawn: every commune has some area on screen.
		for (const [code, areas] of codes) expect(Math.max(...areas), code).toBeGreaterThan(0);
	});

	it('holds all 34 provinces and their labels at z4', () => {
		const tiles = tileZoomComplete(4, inputs);
		expect(ringsByCode(tiles, GEO_LAYERS.provinces).size).toBe(34);
		const names = new Set<string>();
		for (const t of tiles) {
			const l = new VectorTile(new PbfReader(t.data)).layers[GEO_LAYERS.provinceLabels];
			for (let i = 0; l && i < l.length; i++) names.add(String(l.feature(i).properties.name));
		}
		expect(names).toContain('Hà Nội');
		expect(names).toContain('Đắk Lắk');
		expect(names.size).toBe(34);
	});
});

describe.skipIf(!hasData)('Hoàng Sa and Trường Sa', () => {
	let inputs: PlanInputs;
	beforeAll(() => {
		const all = planInputs(dataDir());
		const keep = new Set<string>(ARCHIPELAGO_CODES);
		// Only the archipelagos, so the detailed zooms stay fast; units are tiled independently.
		inputs = {
			...all,
			communes: (d) => all.communes(d).filter((c) => keep.has(c.code)),
			provinces: () => []
		};
	});

	const zooms = Array.from({ length: GEO_MAX_ZOOM - GEO_MIN_ZOOM + 1 }, (_, i) => GEO_MIN_ZOOM + i);

	it.each(zooms)('keeps every island part of both, drawn and labelled, at z%i', (z) => {
		const tiles = tileZoomComplete(z, inputs);
		const rings = ringsByCode(tiles, GEO_LAYERS.communes);
		for (const unit of inputs.communes(detailAt(z))) {
			const areas = rings.get(unit.code) ?? [];
			// Clipping can split a part across tiles, never remove one.
			expect(areas.filter((a) => a > 0).length, unit.code).toBeGreaterThanOrEqual(
				unit.polygons.length
			);
		}
		const labels = new Set<string>();
		for (const t of tiles) {
			const l = new VectorTile(new PbfReader(t.data)).layers[GEO_LAYERS.communeLabels];
			for (let i = 0; l && i < l.length; i++) labels.add(String(l.feature(i).properties.name));
		}
		// Below COMMUNE_LABEL_MIN_ZOOM they are the only commune labels in the tiles.
		if (z < COMMUNE_LABEL_MIN_ZOOM) expect(labels).toEqual(new Set(['Hoàng Sa', 'Trường Sa']));
		else expect([...labels]).toEqual(expect.arrayContaining(['Hoàng Sa', 'Trường Sa']));
	});

	it('has the parts the data README lists (46 and 140)', () => {
		const parts = new Map(inputs.communes('web').map((c) => [c.code, c.polygons.length]));
		expect(parts.get('20333')).toBe(46);
		expect(parts.get('22736')).toBe(140);
	});
});
