/**
 * The stored form of a street graph: one binary file per commune beside its map tiles, which
 * phones download, so it is small (a Uint8Array; serve it as application/octet-stream and let
 * the transport gzip it). Only the essentials are stored; lengths, projection, adjacency and
 * the spatial index are rebuilt on decoding (assemble.ts), so decode(encode(g)) is g.
 *
 * Layout, version 1 (varint = unsigned LEB128; zigzag maps signed to unsigned):
 *   "TNSG" (4 bytes), version (1 byte), varint nodeCount, varint edgeCount,
 *   nodeCount × zigzag varint: lonE6 minus the previous node's (the first from 0),
 *   nodeCount × zigzag varint: latE6, likewise,
 *   edgeCount × varint: edgeFrom minus the previous edge's (edges are sorted by from),
 *   edgeCount × varint: edgeTo − edgeFrom (≥ 1),
 *   edgeCount × 1 byte: the mode mask.
 * Columns rather than records: alike bytes side by side compress better. Nodes numbered in the
 * order the lines visit them make most deltas a segment long (2 bytes) and most edges (1, 1).
 */
import { assembleGraph } from './assemble.ts';
import type { StreetGraph } from './types.ts';

const MAGIC = [0x54, 0x4e, 0x53, 0x47]; // "TNSG"
/** Bump when the layout changes; decoders refuse other versions. */
export const STREET_GRAPH_FORMAT_VERSION = 1;

class ByteWriter {
	bytes = new Uint8Array(1024);
	length = 0;
	byte(b: number) {
		if (this.length === this.bytes.length) {
			const grown = new Uint8Array(this.bytes.length * 2);
			grown.set(this.bytes);
			this.bytes = grown;
		}
		this.bytes[this.length++] = b;
	}
	varint(n: number) {
		while (n >= 0x80) {
			this.byte((n % 0x80) | 0x80);
			n = Math.floor(n / 0x80);
		}
		this.byte(n);
	}
	zigzag(n: number) {
		this.varint(n >= 0 ? 2 * n : -2 * n - 1);
	}
}

class ByteReader {
	pos = 0;
	readonly bytes: Uint8Array;
	constructor(bytes: Uint8Array) {
		this.bytes = bytes;
	}
	byte(): number {
		if (this.pos >= this.bytes.length) throw new RangeError('Street graph: truncated file');
		return this.bytes[this.pos++]!;
	}
	varint(): number {
		let n = 0;
		let scale = 1;
		for (;;) {
			const b = this.byte();
			n += (b & 0x7f) * scale;
			if (b < 0x80) return n;
			scale *= 0x80;
			if (scale > 2 ** 49) throw new RangeError('Street graph: varint too long');
		}
	}
	zigzag(): number {
		const n = this.varint();
		return n % 2 === 0 ? n / 2 : -(n + 1) / 2;
	}
}

/** The stored bytes of `g` (format STREET_GRAPH_FORMAT_VERSION). */
export function encodeStreetGraph(g: StreetGraph): Uint8Array {
	const w = new ByteWriter();
	for (const b of MAGIC) w.byte(b);
	w.byte(STREET_GRAPH_FORMAT_VERSION);
	w.varint(g.nodeCount);
	w.varint(g.edgeCount);
	for (const column of [g.lonE6, g.latE6]) {
		let prev = 0;
		for (const v of column) {
			w.zigzag(v - prev);
			prev = v;
		}
	}
	let prev = 0;
	for (const a of g.edgeFrom) {
		w.varint(a - prev);
		prev = a;
	}
	for (let e = 0; e < g.edgeCount; e++) w.varint(g.edgeTo[e]! - g.edgeFrom[e]!);
	for (const m of g.edgeModes) w.byte(m);
	return w.bytes.slice(0, w.length);
}

/**
 * The graph stored in `bytes`.
 * @throws RangeError when the bytes are not a street graph of this format version, or are
 *   truncated or inconsistent.
 */
export function decodeStreetGraph(bytes: Uint8Array): StreetGraph {
	const r = new ByteReader(bytes);
	if (MAGIC.some((b) => r.byte() !== b)) throw new RangeError('Not a street graph file');
	const version = r.byte();
	if (version !== STREET_GRAPH_FORMAT_VERSION)
		throw new RangeError(`Street graph format ${version}, expected ${STREET_GRAPH_FORMAT_VERSION}`);
	const nodeCount = r.varint();
	const edgeCount = r.varint();
	if (nodeCount > bytes.length || edgeCount > bytes.length)
		throw new RangeError('Street graph: counts exceed the file');
	const lonE6 = new Int32Array(nodeCount);
	const latE6 = new Int32Array(nodeCount);
	for (const column of [lonE6, latE6]) {
		let prev = 0;
		for (let i = 0; i < nodeCount; i++) column[i] = prev += r.zigzag();
	}
	const edgeFrom = new Uint32Array(edgeCount);
	const edgeTo = new Uint32Array(edgeCount);
	let prev = 0;
	for (let e = 0; e < edgeCount; e++) edgeFrom[e] = prev += r.varint();
	for (let e = 0; e < edgeCount; e++) {
		const d = r.varint();
		edgeTo[e] = edgeFrom[e]! + d;
		if (d < 1 || edgeTo[e]! >= nodeCount) throw new RangeError('Street graph: bad edge');
	}
	const edgeModes = new Uint8Array(edgeCount);
	for (let e = 0; e < edgeCount; e++) edgeModes[e] = r.byte();
	if (r.pos !== bytes.length) throw new RangeError('Street graph: trailing bytes');
	return assembleGraph({ lonE6, latE6, edgeFrom, edgeTo, edgeModes });
}
