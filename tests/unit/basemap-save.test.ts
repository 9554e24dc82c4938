/**
 * The base map saved with a route, against a real local HTTP server serving a base style: the
 * tiles of the route's area at the walking zooms the archive has, the size estimate, the
 * commune's budget, and spotting a newer base map (its tile URLs carry the archive's version).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planBasemap, staleBasemaps } from '../../src/lib/offline/field/basemap-save.ts';
import { BASEMAP_BUDGET_BYTES } from '../../src/lib/domain/field/tiles.ts';
import type { RoutePack, SavedRoute } from '../../src/lib/offline/field/saved-route-types.ts';

let server: Server;
let origin = '';
let version = 'a1';
const style = () => ({
	version: 8,
	metadata: { 'tungngo:meanTileBytes': 2_000 },
	sources: {
		protomaps: {
			type: 'vector',
			tiles: [`${origin}/api/basemap/tiles/{z}/{x}/{y}.mvt?v=${version}`],
			minzoom: 10,
			maxzoom: 15
		},
		satellite: { type: 'raster', tiles: ['https://imagery.example/{z}/{x}/{y}.jpg'] }
	},
	layers: []
});

beforeAll(async () => {
	server = createServer((req, res) => {
		if (req.url === '/api/basemap/style.json') {
			res.writeHead(200, { 'content-type': 'application/json' });
			res.end(JSON.stringify(style()));
		} else {
			res.writeHead(503);
			res.end();
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** A route of two houses 300 m apart in Định Hóa. */
const pack = (
	over: Partial<RoutePack['route']> = {},
	styleUrl = `${origin}/api/basemap/style.json`
): RoutePack => ({
	route: {
		id: 'r1',
		name: 'Tuyến 1',
		plannedOn: null,
		status: 'assigned',
		provinceCode: '19',
		communeCode: '05569',
		distanceM: null,
		estimatedMinutes: null,
		...over
	},
	commune: null,
	stops: [
		{ lon: 105.64, lat: 21.9 },
		{ lon: 105.643, lat: 21.9 }
	].map((p, i) => ({
		seq: i,
		revisit: false,
		householdId: `h${i}`,
		address: `Số ${i}`,
		alleyKey: '',
		adults: 2,
		...p,
		doNotContact: false,
		lastOutcome: null,
		lastVisitAt: null,
		revisitOn: null
	})),
	memberId: null,
	basemapStyleUrl: styleUrl,
	packedAt: 0
});

const saved = (p: RoutePack, id: string, bytes: number, templates: string[]): SavedRoute => ({
	...p,
	route: { ...p.route, id },
	id,
	savedAt: 0,
	bytes,
	assets: [],
	complete: true,
	basemap: { templates, tiles: 10, bytes, skipped: null }
});

describe('planBasemap', () => {
	it("lists the style, the commune's graph and the vector tiles at z14–15 only", async () => {
		const plan = (await planBasemap(pack(), []))!;
		expect(plan.urls[0]).toBe(`${origin}/api/basemap/style.json`);
		expect(plan.urls[1]).toBe('/api/basemap/graphs/05569');
		const tiles = plan.urls.slice(2);
		expect(tiles.length).toBe(plan.tiles);
		// The archive stops at z15 (the map draws 16–17 from it); satellite imagery is not saved.
		const zooms = new Set(tiles.map((u) => Number(/tiles\/(\d+)\//.exec(u)![1])));
		expect([...zooms].sort()).toEqual([14, 15]);
		expect(
			tiles.every((u) => u.startsWith(`${origin}/api/basemap/tiles/`) && u.endsWith('?v=a1'))
		).toBe(true);
		// Tiles as served (decompressed, × 1,5 the archive's mean), the style as read, the graph.
		const styleBytes = JSON.stringify(style()).length;
		expect(plan.estimate).toBe(Math.round(plan.tiles * 2_000 * 1.5 + styleBytes + 4_000));
		expect(plan.overBudget).toBe(false);
	});

	it("holds the commune's budget, counting only that commune's other saved routes", async () => {
		const p = pack();
		const plan = (await planBasemap(p, []))!;
		const nearlyFull = BASEMAP_BUDGET_BYTES - plan.estimate + 1;
		const same = saved(p, 'r0', nearlyFull, plan.templates);
		const other = saved(pack({ communeCode: '05570' }), 'r9', BASEMAP_BUDGET_BYTES, plan.templates);
		expect((await planBasemap(p, [other]))!.overBudget).toBe(false);
		const over = (await planBasemap(p, [same, other]))!;
		expect(over.overBudget).toBe(true);
		expect(over.communeBytes).toBe(nearlyFull);
		// Saving the same route again does not count its own previous copy.
		expect((await planBasemap(p, [saved(p, 'r1', nearlyFull, plan.templates)]))!.overBudget).toBe(
			false
		);
	});

	it('is null without a base map, and throws when its style cannot be read', async () => {
		expect(await planBasemap(pack({}, null as unknown as string), [])).toBeNull();
		await expect(planBasemap(pack({}, `${origin}/down`), [])).rejects.toThrow(/HTTP 503/);
	});
});

describe('staleBasemaps', () => {
	it('finds the saved routes whose base map a newer archive replaced', async () => {
		version = 'a1';
		const p = pack();
		const current = (await planBasemap(p, []))!.templates;
		const fresh = saved(p, 'r1', 1000, current);
		const old = saved(p, 'r2', 1000, [current[0]!.replace('v=a1', 'v=old')]);
		const none: SavedRoute = { ...saved(p, 'r3', 1000, []), basemap: undefined };
		expect((await staleBasemaps([fresh, old, none])).map((r) => r.id)).toEqual(['r2']);
		version = 'b2';
		expect((await staleBasemaps([fresh, old])).map((r) => r.id)).toEqual(['r1', 'r2']);
		version = 'a1';
	});

	it('leaves every saved route as it is when the style cannot be reached', async () => {
		const p = pack({}, `${origin}/down`);
		expect(await staleBasemaps([saved(p, 'r1', 1000, ['x'])])).toEqual([]);
	});
});
