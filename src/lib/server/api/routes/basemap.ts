/**
 * The self-hosted base map: vector tiles read from the PMTiles archive in R2 and the Protomaps
 * style over them (src/lib/server/basemap/). Public and the same for everyone; cached at the
 * edge under the archive's etag, so a new archive is served at once under new keys.
 */
import { Hono, type Context } from 'hono';
import type { AuthEnv } from '../middleware/env.ts';
import { ApiError } from '../errors.ts';
import {
	ArchiveMissingError,
	openArchive,
	parseTileAddress,
	readTile,
	tileInArchive
} from '../../basemap/archive.ts';
import {
	BASEMAP_CACHE_CONTROL,
	BASEMAP_PATHS,
	BASEMAP_REVALIDATE,
	streetGraphKey
} from '../../basemap/config.ts';
import { isCommuneCode } from '../../../domain/codes.ts';
import { basemapCacheKey, cachedResponse } from '../../basemap/edge-cache.ts';
import { shippedGlyphs } from '../../basemap/glyphs.ts';
import { buildBasemapStyle } from '../../basemap/style.ts';
import type { PMTiles } from 'pmtiles';
import { basemapOps as doc } from '../openapi/operations/public.ts';

const MVT_TYPE = 'application/vnd.mapbox-vector-tile';

/** The configured archive; 404 `not_found` when none is (BASEMAP_PMTILES empty). */
function configuredArchive(c: Context<AuthEnv>): Promise<PMTiles> {
	const key = c.env.BASEMAP_PMTILES;
	if (!key || !c.env.BASEMAP) throw new ApiError('not_found', 404, 'No base map is configured');
	return openArchive(c.env.BASEMAP, key);
}

/** `read`'s result; 404 `not_found` when the configured archive's object is missing. */
async function fromArchive<T>(read: Promise<T>): Promise<T> {
	try {
		return await read;
	} catch (err) {
		if (err instanceof ArchiveMissingError) {
			throw new ApiError('not_found', 404, 'The base map archive is missing');
		}
		throw err;
	}
}

/** The archive's header (cached per isolate) with its etag. */
async function headerOf(archive: PMTiles) {
	const header = await fromArchive(archive.getHeader());
	return { ...header, etag: header.etag ?? 'unknown' };
}

/** The runtime's waitUntil, when the request came with an execution context. */
function waitUntil(c: Context<AuthEnv>): ((p: Promise<unknown>) => void) | undefined {
	try {
		const ctx = c.executionCtx;
		return (p) => ctx.waitUntil(p);
	} catch {
		return undefined;
	}
}

/** A 304 when the client holds `res`'s ETag, else `res`. */
function unlessHeld(c: Context<AuthEnv>, res: Response): Response {
	const etag = res.headers.get('ETag');
	const held = (c.req.header('If-None-Match') ?? '').split(',').map((s) => s.trim());
	if (res.status !== 200 || !etag || !held.includes(etag)) return res;
	return new Response(null, { status: 304, headers: res.headers });
}

async function shortHash(text: string): Promise<string> {
	const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
	return [...new Uint8Array(digest).slice(0, 6)]
		.map((b) => b.toString(16).padStart(2, '0'))
		.join('');
}

export const basemapApi = new Hono<AuthEnv>()
	/**
	 * GET /api/basemap/tiles/:z/:x/:y.mvt: one vector tile (uncompressed MVT). 400
	 * `invalid_tile` when z, x or y is not a whole number; 404 outside the archive's zooms or
	 * grid, for a tile the archive lacks, and without a configured archive.
	 */
	.get('/tiles/:z/:x/:file', doc.getTilesByZByXByFile, async (c) => {
		const file = /^(.*)\.mvt$/.exec(c.req.param('file'));
		if (!file) throw new ApiError('not_found', 404, 'Tiles are served as .mvt');
		const t = parseTileAddress(c.req.param('z'), c.req.param('x'), file[1]!);
		if (!t) throw new ApiError('invalid_tile', 400, 'z, x and y must be whole numbers');
		const archive = await configuredArchive(c);
		const header = await headerOf(archive);
		const absent = () => new ApiError('not_found', 404, `No base map tile ${t.z}/${t.x}/${t.y}`);
		if (!tileInArchive(t, header)) throw absent();
		const key = basemapCacheKey(c.req.url, header.etag);
		const res = await cachedResponse(
			key,
			async () => {
				const bytes = await fromArchive(readTile(archive, t));
				if (!bytes) throw absent();
				// Read from an archive replaced since the header: not under the old etag's key.
				const replaced = (await archive.getHeader()).etag !== header.etag;
				const headers = new Headers({ 'Content-Type': MVT_TYPE, 'Cache-Control': 'no-store' });
				if (!replaced) {
					headers.set('Cache-Control', BASEMAP_CACHE_CONTROL);
					headers.set('ETag', `"${header.etag}"`);
				}
				return new Response(bytes, { headers });
			},
			waitUntil(c)
		);
		return unlessHeld(c, res);
	})
	/**
	 * GET /api/basemap/style.json: the MapLibre style over the archive's tiles (Protomaps light,
	 * Vietnamese labels in the shipped glyphs), with a hidden satellite layer when
	 * BASEMAP_SATELLITE_URL is set. 404 without a configured archive.
	 */
	.get('/style.json', doc.getStyleJson, async (c) => {
		const archive = await configuredArchive(c);
		const header = await headerOf(archive);
		const origin = new URL(c.req.url).origin;
		const glyphs = await shippedGlyphs(c.env.ASSETS, origin);
		const satelliteUrl = c.env.BASEMAP_SATELLITE_URL || null;
		const vary = { glyphs: glyphs?.path ?? '', satellite: satelliteUrl ?? '' };
		const key = basemapCacheKey(c.req.url, header.etag, vary);
		const etag = `"${header.etag}-${await shortHash(JSON.stringify(vary))}"`;
		const res = await cachedResponse(
			key,
			async () => {
				const style = buildBasemapStyle({
					// The archive's version in the tile URLs: a new archive is new URLs, so browsers and
					// phones (saved routes) never mix old and new tiles.
					tilesUrl: `${origin}${BASEMAP_PATHS.tiles}?v=${await shortHash(header.etag)}`,
					header,
					glyphs: glyphs && { url: `${origin}${glyphs.path}`, fontstack: glyphs.fontstack },
					satelliteUrl
				});
				return new Response(JSON.stringify(style), {
					headers: {
						'Content-Type': 'application/json; charset=utf-8',
						'Cache-Control': BASEMAP_REVALIDATE,
						ETag: etag
					}
				});
			},
			waitUntil(c)
		);
		return unlessHeld(c, res);
	})
	/**
	 * GET /api/basemap/graphs/:code: a commune's street graph (binary, src/lib/domain/streets),
	 * for distances and paths along the streets. 400 `invalid_code` for a malformed code; 404
	 * when the commune has none (the planner then uses straight lines × detour).
	 */
	.get('/graphs/:code', doc.getGraphsByCode, async (c) => {
		const code = c.req.param('code');
		if (!isCommuneCode(code))
			throw new ApiError('invalid_code', 400, 'A commune code has 5 digits');
		const bucket = c.env.BASEMAP;
		const obj = bucket ? await bucket.get(streetGraphKey(code)) : null;
		if (!obj) throw new ApiError('not_found', 404, `No street graph for commune ${code}`);
		const res = new Response(obj.body, {
			headers: {
				'Content-Type': 'application/octet-stream',
				'Cache-Control': BASEMAP_REVALIDATE,
				ETag: obj.httpEtag
			}
		});
		return unlessHeld(c, res);
	});
