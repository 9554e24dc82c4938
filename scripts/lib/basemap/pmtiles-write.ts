/**
 * A PMTiles v3 writer (https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md): one file
 * holding a tile pyramid, read with HTTP range requests (the worker reads it from R2). The
 * `pmtiles` package only reads archives, so the writing is ours; its `zxyToTileId` gives the
 * Hilbert ids the entries are sorted by.
 *
 * Layout: header (127 bytes) · root directory · JSON metadata · leaf directories · tile data.
 * Directories and metadata are gzipped; tiles are stored as given (the caller gzips MVT bytes
 * when `tileCompression` is 'gzip'). Identical tiles are stored once; a run of consecutive tile
 * ids with identical bytes is one entry.
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { zxyToTileId } from 'pmtiles';

export interface PmtilesTile {
	z: number;
	x: number;
	y: number;
	data: Uint8Array;
}

export interface PmtilesMeta {
	minZoom: number;
	maxZoom: number;
	/** [west, south, east, north] in degrees. */
	bounds: [number, number, number, number];
	/** [lon, lat, zoom]; default the middle of `bounds` at `minZoom`. */
	center?: [number, number, number];
	/** The archive's JSON metadata (vector_layers, attribution, …). */
	metadata: object;
	tileCompression: 'gzip' | 'none';
}

interface Entry {
	tileId: number;
	offset: number;
	length: number;
	runLength: number;
}

const HEADER_BYTES = 127;
/** The spec: the header and the root directory fit in the first 16 KiB a reader fetches. */
const ROOT_MAX_BYTES = 16_384 - HEADER_BYTES;
/** Spec enums: compression 1 none, 2 gzip; tile type 1 MVT. */
const COMPRESSION = { none: 1, gzip: 2 } as const;
const TILE_TYPE_MVT = 1;

function writeVarint(out: number[], value: number): void {
	let v = value;
	while (v >= 0x80) {
		out.push((v % 0x80) | 0x80);
		v = Math.floor(v / 0x80);
	}
	out.push(v);
}

/** A directory as the spec serialises it (ids as deltas, columns one after another), gzipped. */
function serializeDirectory(entries: Entry[]): Uint8Array {
	const out: number[] = [];
	writeVarint(out, entries.length);
	let last = 0;
	for (const e of entries) {
		writeVarint(out, e.tileId - last);
		last = e.tileId;
	}
	for (const e of entries) writeVarint(out, e.runLength);
	for (const e of entries) writeVarint(out, e.length);
	entries.forEach((e, i) => {
		const prev = entries[i - 1];
		// 0: "right after the previous entry's bytes", else offset + 1.
		const follows = prev !== undefined && e.offset === prev.offset + prev.length;
		writeVarint(out, follows ? 0 : e.offset + 1);
	});
	return gzipSync(Uint8Array.from(out));
}

/** Tile data (each distinct content once, in tile id order) and the entries that address it. */
function layoutTiles(tiles: PmtilesTile[]): { entries: Entry[]; chunks: Uint8Array[] } {
	const sorted = tiles
		.map((t) => ({ id: zxyToTileId(t.z, t.x, t.y), data: t.data }))
		.sort((a, b) => a.id - b.id);
	const entries: Entry[] = [];
	const chunks: Uint8Array[] = [];
	const stored = new Map<string, { offset: number; length: number }>();
	let size = 0;
	let lastHash = '';
	for (const [i, t] of sorted.entries()) {
		if (i > 0 && sorted[i - 1]!.id === t.id) throw new Error(`tile id ${t.id} given twice`);
		const hash = createHash('sha256').update(t.data).digest('hex');
		const last = entries.at(-1);
		if (last && hash === lastHash && last.tileId + last.runLength === t.id) {
			last.runLength++;
			continue;
		}
		let place = stored.get(hash);
		if (!place) {
			place = { offset: size, length: t.data.length };
			stored.set(hash, place);
			chunks.push(t.data);
			size += t.data.length;
		}
		entries.push({ tileId: t.id, ...place, runLength: 1 });
		lastHash = hash;
	}
	return { entries, chunks };
}

/**
 * The root directory, and the leaf directories when the root alone would not fit in 16 KiB:
 * leaves of `leafSize` entries (doubled until the root of leaf pointers fits).
 */
function buildDirectories(entries: Entry[]): { root: Uint8Array; leaves: Uint8Array } {
	const root = serializeDirectory(entries);
	if (root.length <= ROOT_MAX_BYTES) return { root, leaves: new Uint8Array(0) };
	for (let leafSize = 4096; ; leafSize *= 2) {
		const pointers: Entry[] = [];
		const leafBytes: Uint8Array[] = [];
		let offset = 0;
		for (let i = 0; i < entries.length; i += leafSize) {
			const leaf = serializeDirectory(entries.slice(i, i + leafSize));
			pointers.push({ tileId: entries[i]!.tileId, offset, length: leaf.length, runLength: 0 });
			leafBytes.push(leaf);
			offset += leaf.length;
		}
		const pointerRoot = serializeDirectory(pointers);
		if (pointerRoot.length <= ROOT_MAX_BYTES) {
			return { root: pointerRoot, leaves: concat(leafBytes) };
		}
	}
}

function concat(parts: Uint8Array[]): Uint8Array {
	const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
	let at = 0;
	for (const p of parts) {
		out.set(p, at);
		at += p.length;
	}
	return out;
}

interface Sections {
	root: Uint8Array;
	metadata: Uint8Array;
	leaves: Uint8Array;
	tileData: number;
	addressed: number;
	entries: number;
	contents: number;
}

function header(meta: PmtilesMeta, s: Sections): Uint8Array {
	const bytes = new Uint8Array(HEADER_BYTES);
	const view = new DataView(bytes.buffer);
	bytes.set(new TextEncoder().encode('PMTiles'), 0);
	bytes[7] = 3;
	const u64 = (at: number, v: number) => view.setBigUint64(at, BigInt(v), true);
	const rootAt = HEADER_BYTES;
	const metaAt = rootAt + s.root.length;
	const leavesAt = metaAt + s.metadata.length;
	const tilesAt = leavesAt + s.leaves.length;
	[
		rootAt,
		s.root.length,
		metaAt,
		s.metadata.length,
		leavesAt,
		s.leaves.length,
		tilesAt,
		s.tileData,
		s.addressed,
		s.entries,
		s.contents
	].forEach((v, i) => u64(8 + i * 8, v));
	bytes[96] = 1; // clustered: tile data follows tile id order
	bytes[97] = COMPRESSION.gzip;
	bytes[98] = COMPRESSION[meta.tileCompression];
	bytes[99] = TILE_TYPE_MVT;
	bytes[100] = meta.minZoom;
	bytes[101] = meta.maxZoom;
	const [w, south, e, n] = meta.bounds;
	const e7 = (at: number, deg: number) => view.setInt32(at, Math.round(deg * 1e7), true);
	[w, south, e, n].forEach((deg, i) => e7(102 + i * 4, deg));
	const [lon, lat, zoom] = meta.center ?? [(w + e) / 2, (south + n) / 2, meta.minZoom];
	bytes[118] = zoom;
	e7(119, lon);
	e7(123, lat);
	return bytes;
}

/**
 * The PMTiles v3 archive of `tiles` (MVT). Throws when a tile is given twice or lies outside
 * its zoom level.
 */
export function writePmtiles(tiles: PmtilesTile[], meta: PmtilesMeta): Uint8Array {
	const { entries, chunks } = layoutTiles(tiles);
	const { root, leaves } = buildDirectories(entries);
	const metadata = gzipSync(new TextEncoder().encode(JSON.stringify(meta.metadata)));
	const tileData = concat(chunks);
	const head = header(meta, {
		root,
		metadata,
		leaves,
		tileData: tileData.length,
		addressed: tiles.length,
		entries: entries.length,
		contents: chunks.length
	});
	return concat([head, root, metadata, leaves, tileData]);
}
