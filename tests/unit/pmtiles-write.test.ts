/**
 * The PMTiles writer, read back through the `pmtiles` package's own reader (an in-memory
 * Source): every tile, the header and the metadata survive, and a large archive gets leaf
 * directories the reader follows.
 */
import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { Compression, PMTiles, TileType, type Source } from 'pmtiles';
import {
	writePmtiles,
	type PmtilesMeta,
	type PmtilesTile
} from '../../scripts/lib/basemap/pmtiles-write.ts';

function memorySource(bytes: Uint8Array): Source {
	return {
		getKey: () => 'memory',
		getBytes: async (offset, length) => ({
			data: bytes.slice(offset, offset + length).buffer as ArrayBuffer
		})
	};
}

const encoder = new TextEncoder();
const tileBytes = (z: number, x: number, y: number, pad = 0) =>
	encoder.encode(`tile ${z}/${x}/${y}${'.'.repeat(pad)}`);

/** Every tile of z12–z14 inside a small box of Thái Nguyên (x, y ranges per zoom). */
function smallPyramid(): PmtilesTile[] {
	const tiles: PmtilesTile[] = [];
	for (const [z, x0, y0, n] of [
		[12, 3242, 1792, 2],
		[13, 6484, 3584, 3],
		[14, 12968, 7168, 4]
	] as const) {
		for (let x = x0; x < x0 + n; x++) {
			for (let y = y0; y < y0 + n; y++) tiles.push({ z, x, y, data: tileBytes(z, x, y) });
		}
	}
	return tiles;
}

const META: PmtilesMeta = {
	minZoom: 12,
	maxZoom: 14,
	bounds: [105.0, 21.4, 105.1, 21.5],
	center: [105.05, 21.45, 13],
	metadata: { name: 'test', vector_layers: [{ id: 'roads', fields: { kind: 'String' } }] },
	tileCompression: 'none'
};

const toText = (buf: AllowSharedBufferSource | undefined) =>
	buf ? new TextDecoder().decode(buf) : buf;

describe('writePmtiles', () => {
	it('writes an archive whose every tile the pmtiles reader finds', async () => {
		const tiles = smallPyramid();
		const reader = new PMTiles(memorySource(writePmtiles(tiles, META)));
		for (const t of tiles) {
			const got = await reader.getZxy(t.z, t.x, t.y);
			expect(toText(got?.data), `${t.z}/${t.x}/${t.y}`).toBe(`tile ${t.z}/${t.x}/${t.y}`);
		}
	});

	it('writes the header fields and the JSON metadata', async () => {
		const tiles = smallPyramid();
		const reader = new PMTiles(memorySource(writePmtiles(tiles, META)));
		expect(await reader.getHeader()).toMatchObject({
			specVersion: 3,
			minZoom: 12,
			maxZoom: 14,
			minLon: 105.0,
			minLat: 21.4,
			maxLon: 105.1,
			maxLat: 21.5,
			centerLon: 105.05,
			centerLat: 21.45,
			centerZoom: 13,
			tileType: TileType.Mvt,
			tileCompression: Compression.None,
			internalCompression: Compression.Gzip,
			clustered: true,
			numAddressedTiles: tiles.length,
			numTileEntries: tiles.length,
			numTileContents: tiles.length,
			leafDirectoryLength: 0
		});
		expect(await reader.getMetadata()).toEqual(META.metadata);
	});

	it.each([
		['a tile inside the zooms but not written', 13, 6000, 3000],
		['a zoom above the archive', 15, 25936, 14336],
		['a zoom below the archive', 11, 1621, 896]
	])('answers undefined for %s', async (_, z, x, y) => {
		const reader = new PMTiles(memorySource(writePmtiles(smallPyramid(), META)));
		expect(await reader.getZxy(z, x, y)).toBeUndefined();
	});

	it('stores gzipped tiles as given and marks them gzip (the reader unzips them)', async () => {
		const tiles = smallPyramid().map((t) => ({ ...t, data: gzipSync(t.data) }));
		const bytes = writePmtiles(tiles, { ...META, tileCompression: 'gzip' });
		const reader = new PMTiles(memorySource(bytes));
		expect((await reader.getHeader()).tileCompression).toBe(Compression.Gzip);
		expect(toText((await reader.getZxy(14, 12969, 7170))?.data)).toBe('tile 14/12969/7170');
	});

	it('stores identical tiles once and a run of them as one entry', async () => {
		const sea = encoder.encode('sea');
		const tiles = [0, 1, 2, 3].flatMap((x) => [0, 1, 2, 3].map((y) => ({ z: 2, x, y, data: sea })));
		tiles[5] = { ...tiles[5]!, data: encoder.encode('island') };
		const reader = new PMTiles(
			memorySource(writePmtiles(tiles, { ...META, minZoom: 2, maxZoom: 2 }))
		);
		const header = await reader.getHeader();
		expect(header.numAddressedTiles).toBe(16);
		expect(header.numTileContents).toBe(2);
		expect(header.numTileEntries).toBeLessThan(16);
		for (const t of tiles) {
			expect(toText((await reader.getZxy(t.z, t.x, t.y))?.data)).toBe(toText(t.data));
		}
	});

	it('splits a directory past 16 KiB into leaf directories the reader follows', async () => {
		// Scattered tiles of varied length: their entries do not compress into 16 KiB.
		let seed = 7;
		const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
		const tiles: PmtilesTile[] = [];
		for (let x = 12800; x < 12960; x++) {
			for (let y = 7100; y < 7260; y++) {
				if (random() < 0.7) tiles.push({ z: 14, x, y, data: tileBytes(14, x, y, random() * 200) });
			}
		}
		const bytes = writePmtiles(tiles, { ...META, minZoom: 14 });
		const reader = new PMTiles(memorySource(bytes));
		const header = await reader.getHeader();
		expect(header.leafDirectoryLength).toBeGreaterThan(0);
		expect(header.rootDirectoryOffset + header.rootDirectoryLength).toBeLessThanOrEqual(16_384);
		for (const t of tiles) {
			const got = toText((await reader.getZxy(t.z, t.x, t.y))?.data);
			if (got !== toText(t.data)) expect(got, `${t.x}/${t.y}`).toBe(toText(t.data));
		}
		expect(await reader.getZxy(14, 12799, 7100)).toBeUndefined();
	});

	it('refuses a tile given twice', () => {
		const t = { z: 3, x: 1, y: 1, data: encoder.encode('a') };
		expect(() => writePmtiles([t, t], META)).toThrow(/twice/);
	});
});
