/**
 * The self-hosted base map: a PMTiles archive written by scripts/lib/basemap/pmtiles-write.ts,
 * put in the local R2 bucket of wrangler.toml (BASEMAP), served as z/x/y tiles and a style.
 * getPlatformProxy's `caches` is a no-op, and the app runs in Node here, so a small in-memory
 * `caches.default` stands in for the Workers Cache API (as in edge-cache.test.ts); R2 is real.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import type { StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import { openTestDb, type TestDb } from './support/db.ts';
import { createApiApp } from '../../src/lib/server/api/app.ts';
import { basemapCacheKey } from '../../src/lib/server/basemap/edge-cache.ts';
import { writePmtiles, type PmtilesTile } from '../../scripts/lib/basemap/pmtiles-write.ts';

const entries = new Map<string, Response>();
const fakeCaches = {
	default: {
		match: async (key: string) => entries.get(key)?.clone(),
		put: async (key: string, res: Response) => void entries.set(key, res.clone())
	}
};

/** The archive's box: z12 3242/1792 and its children down to z14 (Thái Nguyên). */
const BOX = { 12: [3242, 1792, 1], 13: [6484, 3584, 2], 14: [12968, 7168, 4] } as const;
const mvt = (z: number, x: number, y: number, edition = '') =>
	new TextEncoder().encode(`mvt ${z}/${x}/${y}${edition}`);

function boxTiles(edition = ''): PmtilesTile[] {
	return Object.entries(BOX).flatMap(([zoom, [x0, y0, n]]) => {
		const z = Number(zoom);
		return Array.from({ length: n * n }, (_, i) => {
			const [x, y] = [x0 + (i % n), y0 + Math.floor(i / n)];
			return { z, x, y, data: gzipSync(mvt(z, x, y, edition)) };
		});
	});
}

const archive = (edition = '') =>
	writePmtiles(boxTiles(edition), {
		minZoom: 12,
		maxZoom: 14,
		bounds: [104.941, 21.616, 105.029, 21.698],
		metadata: { vector_layers: [{ id: 'roads', fields: {} }] },
		tileCompression: 'gzip'
	});

/** The geometry manifest as scripts/build-geo.ts writes it (only what the base map reads matters). */
const manifest = {
	tilejson: '3.0.0',
	name: 'test',
	tiles: ['/geo/tiles/abc/{z}/{x}/{y}.pbf'],
	glyphs: '/geo/fonts/f0f0/{fontstack}/{range}.pbf',
	fontstack: 'noto-sans-regular',
	bounds: [102, 7, 118, 23.4],
	center: [110, 15, 4],
	minzoom: 2,
	maxzoom: 10,
	attribution: '',
	vector_layers: [],
	buildKey: 'k',
	counts: { communes: 0, provinces: 0 },
	stats: { tileCount: 0, bytes: 0, gzipBytes: 0, byZoom: {}, glyphBytes: 0, glyphGzipBytes: 0 }
};
const assets = { fetch: async () => Response.json(manifest) };

let t: TestDb;
const app = createApiApp();

/** A GET through the app with an execution context whose waitUntil work is awaited. */
async function get(path: string, env: Record<string, unknown> = {}, headers = {}) {
	const pending: Promise<unknown>[] = [];
	const ctx = { waitUntil: (p: Promise<unknown>) => pending.push(p), passThroughOnException() {} };
	const res = await app.fetch(
		new Request(`http://localhost${path}`, { headers }),
		{ ...t.env, BASEMAP_PMTILES: 'test.pmtiles', ASSETS: assets, ...env },
		ctx as unknown as ExecutionContext
	);
	await Promise.all(pending);
	return res;
}

beforeAll(async () => {
	(globalThis as { caches?: unknown }).caches = fakeCaches;
	t = await openTestDb();
	await (t.env.BASEMAP as R2Bucket).put('test.pmtiles', archive());
});
afterAll(async () => {
	delete (globalThis as { caches?: unknown }).caches;
	await t.close();
});

describe('GET /api/basemap/tiles/:z/:x/:y.mvt', () => {
	it.each([
		['the north-west corner at z14', 14, 12968, 7168],
		['the north-east corner at z14', 14, 12971, 7168],
		['the south-west corner at z14', 14, 12968, 7171],
		['the south-east corner at z14', 14, 12971, 7171],
		['the north edge at z13', 13, 6485, 3584],
		['the only tile at z12', 12, 3242, 1792]
	])('serves %s with its bytes and headers', async (_, z, x, y) => {
		const res = await get(`/api/basemap/tiles/${z}/${x}/${y}.mvt`);
		expect(res.status).toBe(200);
		expect(new Uint8Array(await res.arrayBuffer())).toEqual(mvt(z, x, y));
		expect(res.headers.get('content-type')).toBe('application/vnd.mapbox-vector-tile');
		expect(res.headers.get('cache-control')).toMatch(/^public, max-age=\d+/);
		const { etag } = (await (t.env.BASEMAP as R2Bucket).head('test.pmtiles'))!;
		expect(res.headers.get('etag')).toBe(`"${etag}"`);
	});

	it.each([
		['just east of the box', '14/12972/7168'],
		['just west of the box', '14/12967/7170'],
		['just south of the box', '14/12969/7172'],
		['just north of the box', '13/6485/3583'],
		['a zoom above the archive', '15/25936/14336'],
		['a zoom below the archive', '11/1621/896'],
		['x past the zoom grid', '12/4096/1792'],
		['a zoom past any grid', '40/1/1']
	])('answers 404 not_found for a tile %s', async (_, zxy) => {
		const res = await get(`/api/basemap/tiles/${zxy}.mvt`);
		expect(res.status).toBe(404);
		expect(await res.json()).toMatchObject({ code: 'not_found' });
	});

	it.each([['a/1/1'], ['14/1.5/7168'], ['14/12968/-1'], ['14/0x10/7168'], ['14/12968/']])(
		'answers 400 invalid_tile for %s',
		async (zxy) => {
			const res = await get(`/api/basemap/tiles/${zxy}.mvt`);
			expect(res.status).toBe(400);
			expect(await res.json()).toMatchObject({ code: 'invalid_tile' });
		}
	);

	it('answers 404 when no archive is configured or its object is missing', async () => {
		for (const key of ['', 'missing.pmtiles']) {
			const res = await get('/api/basemap/tiles/14/12968/7168.mvt', { BASEMAP_PMTILES: key });
			expect(res.status, key).toBe(404);
			expect(await res.json()).toMatchObject({ code: 'not_found' });
		}
	});

	it('answers 304 to a client that holds the tile', async () => {
		const first = await get('/api/basemap/tiles/14/12969/7169.mvt');
		const again = await get(
			'/api/basemap/tiles/14/12969/7169.mvt',
			{},
			{
				'If-None-Match': first.headers.get('etag')!
			}
		);
		expect(again.status).toBe(304);
	});

	it('serves a second request from the edge cache, even with the archive gone from R2', async () => {
		const bucket = t.env.BASEMAP as R2Bucket;
		await bucket.put('cached.pmtiles', archive());
		const { etag } = (await bucket.head('cached.pmtiles'))!;
		const env = { BASEMAP_PMTILES: 'cached.pmtiles' };
		const path = '/api/basemap/tiles/14/12970/7170.mvt';
		expect((await get(path, env)).status).toBe(200);
		const key = basemapCacheKey(`http://localhost${path}`, etag);
		expect(entries.has(key)).toBe(true);
		await bucket.delete('cached.pmtiles');
		// Another tile now needs R2 and fails; the cached one does not.
		expect((await get('/api/basemap/tiles/14/12971/7170.mvt', env)).status).toBe(404);
		const res = await get(`${path}?junk=1`, env);
		expect(res.status).toBe(200);
		expect(new Uint8Array(await res.arrayBuffer())).toEqual(mvt(14, 12970, 7170));
	});

	it('serves an archive replaced under the same key (its reads are conditional)', async () => {
		const bucket = t.env.BASEMAP as R2Bucket;
		const env = { BASEMAP_PMTILES: 'swap.pmtiles' };
		await bucket.put('swap.pmtiles', archive());
		expect((await get('/api/basemap/tiles/14/12968/7169.mvt', env)).status).toBe(200);
		await bucket.put('swap.pmtiles', archive(' v2'));
		const res = await get('/api/basemap/tiles/14/12969/7171.mvt', env);
		expect(new Uint8Array(await res.arrayBuffer())).toEqual(mvt(14, 12969, 7171, ' v2'));
		// Read under the old header's etag: neither cached nor given that etag.
		expect(res.headers.get('cache-control')).toBe('no-store');
		expect(res.headers.get('etag')).toBeNull();
		const next = await get('/api/basemap/tiles/14/12969/7171.mvt', env);
		const { etag } = (await bucket.head('swap.pmtiles'))!;
		expect(next.headers.get('etag')).toBe(`"${etag}"`);
	});

	it('keys the cache by the archive etag, so a new archive is a new entry', () => {
		const url = 'https://tungngo.vn/api/basemap/tiles/14/1/2.mvt?x=1';
		expect(basemapCacheKey(url, 'a')).not.toBe(basemapCacheKey(url, 'b'));
		expect(basemapCacheKey(url, 'a')).toBe(
			basemapCacheKey('https://tungngo.vn/api/basemap/tiles/14/1/2.mvt', 'a')
		);
	});
});

describe('GET /api/basemap/style.json', () => {
	const styleOf = async (env: Record<string, unknown> = {}) => {
		const res = await get('/api/basemap/style.json', env);
		expect(res.status).toBe(200);
		return (await res.json()) as StyleSpecification;
	};

	it('points its vector source at the tiles, with the archive zooms and bounds', async () => {
		const style = await styleOf();
		expect(style.sources.protomaps).toMatchObject({
			type: 'vector',
			tiles: [
				expect.stringMatching(
					/^http:\/\/localhost\/api\/basemap\/tiles\/\{z\}\/\{x\}\/\{y\}\.mvt\?v=[0-9a-f]{12}$/
				)
			],
			minzoom: 12,
			maxzoom: 14,
			bounds: [104.941, 21.616, 105.029, 21.698],
			attribution: expect.stringMatching(/© OpenStreetMap.*Protomaps/)
		});
	});

	it('labels with the shipped glyphs and font stack only, without sprite icons', async () => {
		const style = await styleOf();
		expect(style.glyphs).toBe('http://localhost/geo/fonts/f0f0/{fontstack}/{range}.pbf');
		expect(style.sprite).toBeUndefined();
		const text = JSON.stringify(style.layers);
		expect(text).not.toMatch(/Noto Sans|icon-image/);
		const symbols = style.layers.filter((l) => l.type === 'symbol');
		expect(symbols.length).toBeGreaterThan(5);
		for (const l of symbols) expect(l.layout?.['text-font'], l.id).toEqual(['noto-sans-regular']);
	});

	it('adds a hidden satellite layer over the land and water fills only when configured', async () => {
		const plain = await styleOf();
		expect(plain.sources.satellite).toBeUndefined();
		expect(plain.layers.some((l) => l.id === 'satellite')).toBe(false);
		const url = 'https://imagery.example/{z}/{x}/{y}.jpg';
		const style = await styleOf({ BASEMAP_SATELLITE_URL: url });
		expect(style.sources.satellite).toMatchObject({ type: 'raster', tiles: [url] });
		const ids = style.layers.map((l) => l.id);
		const at = ids.indexOf('satellite');
		expect(style.layers[at]).toMatchObject({ type: 'raster', layout: { visibility: 'none' } });
		// The opaque fills would hide it; roads and labels stay on top of it.
		for (const fill of ['background', 'earth', 'landcover', 'water']) {
			expect(ids.indexOf(fill), fill).toBeLessThan(at);
		}
		expect(ids[at + 1]).toMatch(/^roads_/);
		expect(ids.indexOf('places_locality')).toBeGreaterThan(at);
	});

	it('answers 404 when no archive is configured', async () => {
		const res = await get('/api/basemap/style.json', { BASEMAP_PMTILES: '' });
		expect(res.status).toBe(404);
	});

	it("versions its tile URLs by the archive, and says the archive's mean tile size", async () => {
		const key = 'versioned.pmtiles';
		const bucket = t.env.BASEMAP as R2Bucket;
		await bucket.put(key, archive());
		const first = await styleOf({ BASEMAP_PMTILES: key });
		const template = (first.sources.protomaps as { tiles: string[] }).tiles[0]!;
		const tile = await get(
			template.replace('http://localhost', '').replace('{z}/{x}/{y}', '14/12968/7168'),
			{ BASEMAP_PMTILES: key }
		);
		expect(new Uint8Array(await tile.arrayBuffer())).toEqual(mvt(14, 12968, 7168));
		expect(first.metadata).toMatchObject({ 'tungngo:meanTileBytes': expect.any(Number) });
		expect((first.metadata as Record<string, number>)['tungngo:meanTileBytes']).toBeGreaterThan(10);
		// A new build (uploaded under a new key here: the header is cached per isolate for minutes).
		await bucket.put('versioned-2.pmtiles', archive('-new'));
		const second = await styleOf({ BASEMAP_PMTILES: 'versioned-2.pmtiles' });
		expect((second.sources.protomaps as { tiles: string[] }).tiles[0]).not.toBe(template);
	});
});

describe('GET /api/basemap/graphs/:code', () => {
	it('serves the commune graph from R2 with a revalidating cache policy and its ETag', async () => {
		const bytes = new Uint8Array([84, 78, 83, 71, 1, 2, 3]);
		await (t.env.BASEMAP as R2Bucket).put('graphs/05569.bin', bytes);
		const res = await get('/api/basemap/graphs/05569');
		expect(res.status).toBe(200);
		expect(res.headers.get('Content-Type')).toBe('application/octet-stream');
		expect(res.headers.get('Cache-Control')).toMatch(/max-age=300/);
		expect(new Uint8Array(await res.arrayBuffer())).toEqual(bytes);
		const etag = res.headers.get('ETag')!;
		const again = await get('/api/basemap/graphs/05569', {}, { 'If-None-Match': etag });
		expect(again.status).toBe(304);
	});

	it('answers 404 for a commune without a graph and 400 for a malformed code', async () => {
		expect((await get('/api/basemap/graphs/99999')).status).toBe(404);
		const bad = await get('/api/basemap/graphs/05569.bin');
		expect(bad.status).toBe(400);
		expect(await bad.json()).toMatchObject({ code: 'invalid_code' });
	});
});
