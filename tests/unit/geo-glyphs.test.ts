import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
	buildGlyphRanges,
	glyphSourceDir,
	rangeOf,
	rangesFor,
	readGlyphRange,
	subsetGlyphRange,
	VIETNAMESE_CODEPOINTS
} from '../../scripts/lib/geo/glyphs.ts';
import { dataDir } from '../../scripts/lib/paths.ts';

const shipped = new Set(VIETNAMESE_CODEPOINTS);
const labelsFile = join(dataDir(), 'vn2025_commune_labels.geojson');

describe('Vietnamese glyph coverage', () => {
	it.each([
		[
			'every tone on every vowel',
			'aàáảãạ ăằắẳẵặ âầấẩẫậ eèéẻẽẹ êềếểễệ iìíỉĩị oòóỏõọ ôồốổỗộ ơờớởỡợ uùúủũụ ưừứửữự yỳýỷỹỵ'
		],
		[
			'capitals',
			'AÀÁẢÃẠ ĂẰẮẲẴẶ ÂẦẤẨẪẬ Đ EÈÉẺẼẸ ÊỀẾỂỄỆ IÌÍỈĨỊ OÒÓỎÕỌ ÔỒỐỔỖỘ ƠỜỚỞỠỢ UÙÚỦŨỤ ƯỪỨỬỮỰ YỲÝỶỸỴ'
		],
		['decomposed (NFD) text', 'Thanh Hóa'.normalize('NFD')],
		['punctuation and digits', 'Số 12, ngách 3/45 – “Kiệt 5” (tổ 7)…']
	])('ships %s', (_label, text) => {
		const missing = [...text].filter((c) => !shipped.has(c.codePointAt(0) ?? 0));
		expect(missing).toEqual([]);
	});

	it.skipIf(!existsSync(labelsFile))(
		'ships every character of every commune and province name',
		() => {
			const json = JSON.parse(readFileSync(labelsFile, 'utf8')) as {
				features: { properties: { name: string; provinceName: string } }[];
			};
			const chars = new Set<string>();
			for (const f of json.features)
				for (const c of f.properties.name + f.properties.provinceName) chars.add(c);
			expect([...chars].filter((c) => !shipped.has(c.codePointAt(0) ?? 0))).toEqual([]);
		}
	);

	it.each([
		['A', '0-255'],
		['ư', '256-511'],
		['ệ', '7680-7935']
	])('looks up "%s" in range %s', (char, range) => {
		expect(rangeOf(char.codePointAt(0) ?? 0)).toBe(range);
	});
});

describe('glyph subsetting', () => {
	it('finds every needed range in the source package', () => {
		for (const range of rangesFor(VIETNAMESE_CODEPOINTS).keys()) {
			expect(existsSync(join(glyphSourceDir(), `${range}.pbf`)), range).toBe(true);
		}
	});

	it('keeps exactly the asked glyphs, byte for byte, under our font stack name', () => {
		const src = readFileSync(join(glyphSourceDir(), '7680-7935.pbf'));
		const keep = new Set([0x1ea0, 0x1ec7, 0x1ef9]);
		const out = readGlyphRange(subsetGlyphRange(src, keep, 'noto-sans-regular'));
		const original = readGlyphRange(src).glyphs.filter((g) => keep.has(g.id));
		expect(out.range).toBe('7680-7935');
		expect(out.glyphs.map((g) => g.id)).toEqual([0x1ea0, 0x1ec7, 0x1ef9]);
		const plain = (gs: typeof original): unknown[] =>
			gs.map((g) => ({ ...g, bitmap: Array.from(g.bitmap ?? []) }));
		expect(plain(out.glyphs)).toEqual(plain(original));
	});

	it('ships the three ranges every Vietnamese label needs, smaller than the originals', () => {
		const ranges = buildGlyphRanges('noto-sans-regular');
		for (const range of ['0-255', '256-511', '7680-7935']) {
			const subset = ranges.get(range);
			const original = readFileSync(join(glyphSourceDir(), `${range}.pbf`));
			expect(subset?.length, range).toBeGreaterThan(0);
			expect(subset?.length, range).toBeLessThan(original.length);
		}
	});
});
