/**
 * SDF glyph ranges for the map's labels, served from our own origin (no glyph server online).
 *
 * Source: the prebuilt Noto Sans Regular ranges of the npm package tileserver-gl-styles (the
 * OpenMapTiles font build; Noto Sans is SIL OFL 1.1). Each range file is cut down to the
 * characters Vietnamese text uses, so a phone loads ~60 KB instead of ~330 KB for the three
 * ranges every Vietnamese label touches (0-255, 256-511, 7680-7935).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PbfReader, PbfWriter } from 'pbf';

/** Font name inside the source package. */
export const GLYPH_SOURCE_FONT = 'Noto Sans Regular';

/** Folder with the source package's range files. */
export function glyphSourceDir(): string {
	const pkg = createRequire(import.meta.url).resolve('tileserver-gl-styles/package.json');
	return join(dirname(pkg), 'fonts', GLYPH_SOURCE_FONT);
}

const span = (from: number, to: number): number[] =>
	Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** Latin-1 letters of the Vietnamese alphabet: À Á Â Ã È É Ê Ì Í Ò Ó Ô Õ Ù Ú Ý, both cases. */
const LATIN1_VIETNAMESE = [...'ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúý'].map((c) => c.codePointAt(0) ?? 0);

/**
 * Code points shipped: printable ASCII, the Vietnamese letters (those in Latin-1, Ă Đ Ĩ Ũ Ơ Ư
 * and the precomposed tone letters U+1EA0–U+1EF9), the five tone marks for text that arrives
 * decomposed (NFD), a few symbols (no-break space, « » ° · ×), typographic dashes and quotes,
 * and the đồng sign. The rest of Latin-1 is left out: it is a third of the 0-255 range.
 */
export const VIETNAMESE_CODEPOINTS: readonly number[] = [
	...span(0x20, 0x7e),
	...LATIN1_VIETNAMESE,
	...[0xa0, 0xab, 0xb0, 0xb7, 0xbb, 0xd7],
	...[0x102, 0x103, 0x110, 0x111, 0x128, 0x129, 0x168, 0x169, 0x1a0, 0x1a1, 0x1af, 0x1b0],
	...[0x300, 0x301, 0x303, 0x309, 0x323],
	...span(0x1ea0, 0x1ef9),
	...[0x2013, 0x2014, 0x2018, 0x2019, 0x201c, 0x201d, 0x2026, 0x20ab]
];

/** Range file name ("7680-7935") holding a code point. */
export function rangeOf(codepoint: number): string {
	const start = Math.floor(codepoint / 256) * 256;
	return `${start}-${start + 255}`;
}

/** The range files needed for the given code points, with the code points each must keep. */
export function rangesFor(codepoints: readonly number[]): Map<string, Set<number>> {
	const ranges = new Map<string, Set<number>>();
	for (const cp of codepoints) {
		const key = rangeOf(cp);
		const set = ranges.get(key) ?? new Set<number>();
		set.add(cp);
		ranges.set(key, set);
	}
	return ranges;
}

interface Glyph {
	id: number;
	bitmap?: Uint8Array;
	width: number;
	height: number;
	left: number;
	top: number;
	advance: number;
}

function readGlyph(pbf: PbfReader, end: number): Glyph {
	const g: Glyph = { id: 0, width: 0, height: 0, left: 0, top: 0, advance: 0 };
	pbf.readFields(
		(tag, glyph, p) => {
			if (tag === 1) glyph.id = p.readVarint();
			else if (tag === 2) glyph.bitmap = p.readBytes();
			else if (tag === 3) glyph.width = p.readVarint();
			else if (tag === 4) glyph.height = p.readVarint();
			else if (tag === 5) glyph.left = p.readSVarint();
			else if (tag === 6) glyph.top = p.readSVarint();
			else if (tag === 7) glyph.advance = p.readVarint();
		},
		g,
		end
	);
	return g;
}

/** Parses a glyph range PBF (one fontstack) into its glyphs. */
export function readGlyphRange(buf: Uint8Array): { range: string; glyphs: Glyph[] } {
	const out = { range: '', glyphs: [] as Glyph[] };
	new PbfReader(buf).readFields((tag, res, pbf) => {
		if (tag !== 1) return;
		const end = pbf.readVarint() + pbf.pos;
		pbf.readFields(
			(t, r, p) => {
				if (t === 2) r.range = p.readString();
				else if (t === 3) r.glyphs.push(readGlyph(p, p.readVarint() + p.pos));
			},
			res,
			end
		);
	}, out);
	return out;
}

function writeGlyph(g: Glyph, pbf: PbfWriter): void {
	pbf.writeVarintField(1, g.id);
	if (g.bitmap && g.bitmap.length > 0) pbf.writeBytesField(2, g.bitmap);
	pbf.writeVarintField(3, g.width);
	pbf.writeVarintField(4, g.height);
	pbf.writeSVarintField(5, g.left);
	pbf.writeSVarintField(6, g.top);
	pbf.writeVarintField(7, g.advance);
}

/** A range PBF holding only the glyphs in `keep`, under the font stack name `fontstack`. */
export function subsetGlyphRange(
	buf: Uint8Array,
	keep: Set<number>,
	fontstack: string
): Uint8Array {
	const { range, glyphs } = readGlyphRange(buf);
	const pbf = new PbfWriter();
	pbf.writeMessage(
		1,
		(_: unknown, p: PbfWriter) => {
			p.writeStringField(1, fontstack);
			p.writeStringField(2, range);
			for (const g of glyphs) if (keep.has(g.id)) p.writeMessage(3, writeGlyph, g);
		},
		null
	);
	return pbf.finish();
}

/** Subset range files by range name, read from the source package. */
export function buildGlyphRanges(fontstack: string): Map<string, Uint8Array> {
	const out = new Map<string, Uint8Array>();
	for (const [range, keep] of rangesFor(VIETNAMESE_CODEPOINTS)) {
		const src = readFileSync(join(glyphSourceDir(), `${range}.pbf`));
		out.set(range, subsetGlyphRange(src, keep, fontstack));
	}
	return out;
}

/** Licence notice shipped next to the glyphs (the OFL asks for it with derived fonts). */
export const GLYPH_NOTICE =
	'Glyphs: Noto Sans Regular, rendered as SDF ranges by the OpenMapTiles font build\n' +
	'(npm tileserver-gl-styles) and subset for Vietnamese by scripts/build-geo.ts.\n' +
	'Copyright 2022 The Noto Project Authors (github.com/notofonts/latin-greek-cyrillic).\n' +
	'Licensed under the SIL Open Font License, Version 1.1: https://openfontlicense.org\n';
