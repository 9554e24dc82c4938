import { describe, expect, it } from 'vitest';
import {
	validateStyleMin,
	type LayerSpecification,
	type StyleSpecification
} from '@maplibre/maplibre-gl-style-spec';
import {
	ARCHIPELAGO_CODES,
	BOUNDARY_ATTRIBUTION,
	GEO_LAYERS,
	GLYPH_FONTSTACK
} from '../../src/lib/map/geo-contract.ts';
import { buildMapStyle, GEO_SOURCE_ID, LAYER_IDS } from '../../src/lib/map/style.ts';
import { mergeWithBasemap } from '../../src/lib/map/basemap.ts';
import { absoluteTemplate } from '../../src/lib/map/manifest.ts';
import { BASE_STYLE } from './support/base-style.ts';

const tilesUrl = 'https://tungngo.example/geo/tiles/abc123/{z}/{x}/{y}.pbf';
const glyphsUrl = 'https://tungngo.example/geo/fonts/def456/{fontstack}/{range}.pbf';

const own = buildMapStyle({ tilesUrl, glyphsUrl });
const overlay = buildMapStyle({ tilesUrl, glyphsUrl, basemapStyleUrl: 'https://b.example/s.json' });
const layer = (style: StyleSpecification, id: string): LayerSpecification | undefined =>
	style.layers.find((l) => l.id === id);

describe('app style', () => {
	it.each([
		['own style', own],
		['overlay style', overlay],
		['style without glyphs', buildMapStyle({ tilesUrl })]
	])('%s passes the MapLibre style validator', (_name, style) => {
		expect(validateStyleMin(style)).toEqual([]);
	});

	it('credits the boundary source as the data README requires', () => {
		const source = own.sources[GEO_SOURCE_ID];
		expect(source).toMatchObject({ type: 'vector', attribution: BOUNDARY_ATTRIBUTION });
		expect(BOUNDARY_ATTRIBUTION).toBe(
			'Ranh giới hành chính: Bản đồ ĐVHC sau sắp xếp (sapnhap.bando.com.vn, NXB TN-MT & Bản đồ Việt Nam), qua dự án vietnamese-provinces-database (MIT)'
		);
	});

	it('promotes commune and province codes to feature ids for feature-state', () => {
		expect(own.sources[GEO_SOURCE_ID]).toMatchObject({
			tiles: [tilesUrl],
			promoteId: { communes: 'code', provinces: 'code' }
		});
	});

	it('colours communes from feature-state only', () => {
		const fill = layer(own, LAYER_IDS.communeFill);
		expect(fill?.type).toBe('fill');
		expect(JSON.stringify(fill?.paint)).toContain('"feature-state","cls"');
	});

	it('reads only layers the tiles contain', () => {
		const known = new Set<string>(Object.values(GEO_LAYERS));
		for (const l of own.layers) {
			if ('source-layer' in l) expect(known.has(l['source-layer'] as string)).toBe(true);
		}
	});

	it('labels with the shipped glyphs, or device fonts when no glyph URL is given', () => {
		expect(own.glyphs).toBe(glyphsUrl);
		expect(buildMapStyle({ tilesUrl }).glyphs).toBeUndefined();
		const label = layer(own, LAYER_IDS.communeLabel);
		expect(label?.type === 'symbol' && label.layout?.['text-font']).toEqual([GLYPH_FONTSTACK]);
	});

	it('names Hoàng Sa and Trường Sa at every zoom below the commune labels', () => {
		const l = layer(own, LAYER_IDS.archipelagoLabel);
		expect(JSON.stringify(l && 'filter' in l ? l.filter : undefined)).toBe(
			JSON.stringify(['in', ['get', 'code'], ['literal', [...ARCHIPELAGO_CODES]]])
		);
		expect(l?.minzoom).toBeUndefined();
	});

	it('draws over a base map without a background and with translucent fills', () => {
		expect(layer(overlay, LAYER_IDS.background)).toBeUndefined();
		expect(layer(own, LAYER_IDS.background)).toBeDefined();
		const fill = layer(overlay, LAYER_IDS.communeFill);
		expect(fill?.type === 'fill' && fill.paint?.['fill-opacity']).toEqual(
			expect.arrayContaining(['case'])
		);
	});
});

describe('merging with a base map', () => {
	const base = BASE_STYLE;
	const merged = mergeWithBasemap(base, overlay);
	const ids = merged.layers.map((l) => l.id);

	it('puts commune fills under the base map labels and our labels on top', () => {
		expect(ids.indexOf(LAYER_IDS.communeFill)).toBeGreaterThan(ids.indexOf('roads'));
		expect(ids.indexOf(LAYER_IDS.communeFill)).toBeLessThan(ids.indexOf('places'));
		expect(ids.at(-1)).toBe(LAYER_IDS.provinceLabel);
	});

	it("keeps the base map's glyphs and switches our labels to its font", () => {
		expect(merged.glyphs).toBe(base.glyphs);
		const label = merged.layers.find((l) => l.id === LAYER_IDS.communeLabel);
		expect(label?.type === 'symbol' && label.layout?.['text-font']).toEqual(['Open Sans Regular']);
		expect(validateStyleMin(merged)).toEqual([]);
	});

	it('refuses a base map that already uses our ids', () => {
		const clash = { ...base, sources: { ...base.sources, [GEO_SOURCE_ID]: base.sources.osm! } };
		expect(() => mergeWithBasemap(clash, overlay)).toThrow(/source id/);
	});
});

describe('absolute URL templates', () => {
	it.each([
		[
			'/geo/tiles/h/{z}/{x}/{y}.pbf',
			'https://a.example',
			'https://a.example/geo/tiles/h/{z}/{x}/{y}.pbf'
		],
		['/geo/x/{range}.pbf', 'http://127.0.0.1:8787/', 'http://127.0.0.1:8787/geo/x/{range}.pbf'],
		['https://cdn.example/{z}.pbf', 'https://a.example', 'https://cdn.example/{z}.pbf']
	])('%s on %s keeps its placeholders', (template, origin, expected) => {
		expect(absoluteTemplate(template, origin)).toBe(expected);
	});
});
