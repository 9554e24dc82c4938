/**
 * The style the map starts with, with the base map served by a real local HTTP server: merged
 * when the base style loads, the app's own style when it is broken or down.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mapStyle } from '../../src/lib/map/map-style.ts';
import { GEO_SOURCE_ID } from '../../src/lib/map/style.ts';
import { BASE_STYLE } from './support/base-style.ts';

let server: Server;
let origin = '';
beforeAll(async () => {
	server = createServer((req, res) => {
		if (req.url === '/style.json') {
			res.writeHead(200, { 'content-type': 'application/json' });
			res.end(JSON.stringify(BASE_STYLE));
		} else if (req.url === '/not-json') {
			res.writeHead(200, { 'content-type': 'application/json' });
			res.end('<html>');
		} else {
			res.writeHead(500);
			res.end();
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const app = {
	tilesUrl: '/geo/tiles/abc/{z}/{x}/{y}.pbf',
	glyphsUrl: '/geo/fonts/def/{fontstack}/{range}.pbf'
};

describe('the style the map starts with', () => {
	it("is the app's own with no base map, its tile and glyph URLs made absolute", async () => {
		const { style, basemap } = await mapStyle({
			...app,
			basemapStyleUrl: null,
			origin: 'https://tn.example'
		});
		expect(basemap).toBe('none');
		const source = style.sources[GEO_SOURCE_ID] as { tiles: string[] };
		expect(source.tiles).toEqual(['https://tn.example/geo/tiles/abc/{z}/{x}/{y}.pbf']);
		expect(style.glyphs).toBe('https://tn.example/geo/fonts/def/{fontstack}/{range}.pbf');
		expect(style.sources.osm).toBeUndefined();
	});

	it('is merged over the base map when its style loads', async () => {
		const { style, basemap } = await mapStyle({
			...app,
			basemapStyleUrl: `${origin}/style.json`,
			origin
		});
		expect(basemap).toBe('shown');
		expect(style.sources.osm).toBeDefined();
		expect(style.sources[GEO_SOURCE_ID]).toBeDefined();
		expect(style.layers.map((l) => l.id).slice(0, 2)).toEqual(['bg', 'roads']);
	});

	it.each(['/down', '/not-json'])(
		"falls back to the app's own when the base map answers %s",
		async (path) => {
			const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
			const { style, basemap } = await mapStyle({
				...app,
				basemapStyleUrl: `${origin}${path}`,
				origin
			});
			expect(basemap).toBe('unavailable');
			expect(style.sources.osm).toBeUndefined();
			expect(style.layers.some((l) => l.type === 'background')).toBe(true);
			expect(warn).toHaveBeenCalledWith(
				'Base map unavailable, using the built-in style',
				expect.anything()
			);
			warn.mockRestore();
		}
	);
});
