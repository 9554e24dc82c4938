/** A small third-party base map style, for the tests that put the app's layers over one. */
import type { StyleSpecification } from '@maplibre/maplibre-gl-style-spec';

export const BASE_STYLE: StyleSpecification = {
	version: 8,
	glyphs: 'https://b.example/fonts/{fontstack}/{range}.pbf',
	sources: { osm: { type: 'vector', url: 'https://b.example/tiles.json' } },
	layers: [
		{ id: 'bg', type: 'background', paint: { 'background-color': '#fff' } },
		{ id: 'roads', type: 'line', source: 'osm', 'source-layer': 'roads' },
		{
			id: 'places',
			type: 'symbol',
			source: 'osm',
			'source-layer': 'places',
			layout: { 'text-font': ['Open Sans Regular'] }
		}
	]
};
