import { describe, expect, it } from 'vitest';
import type { Feature, Polygon } from 'geojson';
import { communeAtPoint, fitView, sceneOf, tilesFor } from '../../src/lib/map/first-paint.ts';
import { openingAttribute, openingPadding } from '../../src/lib/map/first-paint-early.ts';
import { tileZoom } from '../../scripts/lib/geo/tiler.ts';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { shouldCompress } from '../../src/lib/server/compression.ts';
import { cacheFor } from '../../src/lib/offline/sw/visited.ts';
import { CACHE_NAMES } from '../../src/lib/offline/sw/policy.ts';
import { GEO_BOUNDS } from '../../src/lib/map/geo-contract.ts';

const PAD = { top: 12, right: 12, bottom: 24, left: 12 };

describe('first paint view', () => {
	it.each([
		['phone map', 390, 490, 4],
		['desktop map', 880, 672, 4],
		['wide screen map', 1920, 1000, 5]
	])('fits Vietnam on a %s like MapLibre (tile zoom z%d)', (_name, w, h, z) => {
		const view = fitView(GEO_BOUNDS, w, h, PAD);
		expect(Math.floor(view.zoom)).toBe(z);
		const tiles = tilesFor(view, w, h);
		expect(tiles.every(([tz]) => tz === z)).toBe(true);
		// Every corner of the bounds lies in one of the tiles.
		const n = 2 ** z;
		const tx = (lon: number) => Math.floor(((lon + 180) / 360) * n);
		const ty = (lat: number) => {
			const s = Math.sin((lat * Math.PI) / 180);
			return Math.floor((0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * n);
		};
		for (const [lon, lat] of [
			[GEO_BOUNDS[0], GEO_BOUNDS[1]],
			[GEO_BOUNDS[2], GEO_BOUNDS[3]]
		] as const) {
			expect(tiles).toContainEqual([z, tx(lon), ty(lat)]);
		}
	});

	it('centres the bounds in the padded box', () => {
		const even = fitView(GEO_BOUNDS, 400, 600, { top: 0, right: 0, bottom: 0, left: 0 });
		const shifted = fitView(GEO_BOUNDS, 400, 600, { top: 0, right: 0, bottom: 40, left: 0 });
		expect(shifted.cy).toBeGreaterThan(even.cy); // room at the bottom moves the map up
		expect(shifted.zoom).toBeLessThanOrEqual(even.zoom);
	});
});

describe('a tap on the first paint', () => {
	// Four communes on a 2 × 1 degree block near Hà Nội: A and B side by side, C a ring with D in
	// its hole, tiled exactly as the build tiles them.
	const square = (w: number, s: number, e: number, n: number) => [
		[w, s],
		[e, s],
		[e, n],
		[w, n],
		[w, s]
	];
	const commune = (code: string, rings: number[][][]): Feature<Polygon> => ({
		type: 'Feature',
		properties: { code, p: code === 'D' ? '02' : '01' },
		geometry: { type: 'Polygon', coordinates: rings }
	});
	const features = [
		commune('A', [square(105, 21, 105.5, 21.5)]),
		commune('B', [square(105.5, 21, 106, 21.5)]),
		commune('C', [square(106, 21, 107, 22), square(106.3, 21.3, 106.7, 21.7)]),
		commune('D', [square(106.3, 21.3, 106.7, 21.7)])
	];
	const [w, h] = [800, 600];
	const view = fitView([105, 21, 107, 22], w, h, { top: 0, right: 0, bottom: 0, left: 0 });
	const z = Math.floor(view.zoom);
	const { tiles } = tileZoom(z, [{ name: 'communes', features }], { tolerance: 1, buffer: 64 });
	const scene = sceneOf(
		tiles.map((t) => ({ ...t, data: t.data.slice().buffer })),
		view,
		w,
		h
	);
	const world = 512 * 2 ** view.zoom;
	const screen = (lon: number, lat: number) => {
		const s = Math.sin((lat * Math.PI) / 180);
		const my = 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI);
		return [((lon + 180) / 360 - view.cx) * world + w / 2, (my - view.cy) * world + h / 2] as const;
	};

	it.each([
		[105.25, 21.25, 'A', '01'],
		[105.75, 21.25, 'B', '01'],
		[106.15, 21.85, 'C', '01'],
		[106.5, 21.5, 'D', '02'] // inside C's hole: D, not C
	])('at %f, %f picks %s', (lon, lat, code, province) => {
		const [x, y] = screen(lon, lat);
		expect(communeAtPoint(scene, x, y)).toEqual({ commune: code, province });
	});

	it('decodes the same rings as the library does', () => {
		const expected = tiles.flatMap((t) => {
			const layer = new VectorTile(new PbfReader(t.data)).layers.communes!;
			const span = world / 2 ** t.z;
			const [ox, oy] = [
				t.x * span - (view.cx * world - w / 2),
				t.y * span - (view.cy * world - h / 2)
			];
			const k = span / layer.extent;
			return Array.from({ length: layer.length }, (_, i) =>
				layer
					.feature(i)
					.loadGeometry()
					.map((r) => r.flatMap((p) => [ox + p.x * k, oy + p.y * k]))
			);
		});
		const got = scene.communes.map((c) => c.rings.map((r) => Array.from(r)));
		expect(got).toEqual(expected);
		expect(got.flat(2).length).toBeGreaterThan(40);
	});

	it('picks nothing over the sea', () => {
		const [x, y] = screen(105.25, 21.75);
		expect(communeAtPoint(scene, x, y)).toBeNull();
	});
});

describe('compression of worker responses', () => {
	const h = (type: string, extra: Record<string, string> = {}) =>
		new Headers({ 'Content-Type': type, ...extra });
	it.each([
		['gzip, br', 200, h('text/html; charset=utf-8'), true],
		['gzip', 200, h('application/json'), false],
		[null, 200, h('text/html'), false],
		['gzip', 304, h('text/html'), false],
		['gzip', 200, h('text/csv'), false],
		['gzip', 200, h('text/html', { 'Content-Encoding': 'br' }), false]
	])('accept %s, status %d → %s', (accept, status, headers, expected) => {
		expect(shouldCompress(accept, status, headers)).toBe(expected);
	});
});

describe('what the service worker keeps from a first visit', () => {
	const origin = 'https://tungngo.vn';
	it.each([
		['https://tungngo.vn/geo/tiles/abc/4/12/7.pbf', CACHE_NAMES.geo],
		['https://tungngo.vn/api/metrics/communes?metric=teams', CACHE_NAMES.api],
		['https://tungngo.vn/?province=19', CACHE_NAMES.pages],
		['https://tungngo.vn/xa/05569', CACHE_NAMES.pages],
		['https://tungngo.vn/api/households', null],
		['https://tungngo.vn/quan-ly', null],
		['https://tiles.example.com/geo/tiles/1/1/1.pbf', null]
	])('%s → %s', (url, cache) => {
		expect(cacheFor(new URL(url), origin)).toBe(cache);
	});
});

describe('the opening view, before the page has hydrated', () => {
	it('fits a linked place with even padding and the country with room for the attribution', () => {
		expect(openingPadding(true, true)).toEqual({ top: 16, right: 16, bottom: 16, left: 16 });
		expect(openingPadding(true, false)).toEqual({ top: 40, right: 40, bottom: 40, left: 40 });
		expect(openingPadding(false, true)).toEqual({ top: 12, right: 12, bottom: 24, left: 12 });
		expect(openingPadding(false, false).bottom).toBe(30);
	});

	it('carries the opening on the canvas as JSON the early fetch reads back', () => {
		const opening = { bounds: [102.1, 8.2, 117.9, 23.4] as const, focus: false, maxZoom: 13 };
		const attr = openingAttribute('/geo/tiles/abc/{z}/{x}/{y}.pbf', {
			...opening,
			bounds: [...opening.bounds]
		});
		expect(JSON.parse(attr)).toEqual({
			tilesUrl: '/geo/tiles/abc/{z}/{x}/{y}.pbf',
			...opening,
			bounds: [...opening.bounds]
		});
	});
});
