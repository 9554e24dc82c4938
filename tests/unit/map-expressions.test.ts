import { describe, expect, it } from 'vitest';
import {
	CLASS_NO_DATA,
	CLASS_SUPPRESSED,
	classFillColor,
	highlightOpacity,
	overlayFillOpacity,
	paletteColors,
	PALETTE_CLASSES,
	SPECIAL_COLORS,
	type PaletteName
} from '../../src/lib/map/expressions.ts';
import { evaluatePaint as evaluate, hex } from './support/paint.ts';

describe('palettes', () => {
	const cases = Object.entries(PALETTE_CLASSES).flatMap(([name, counts]) =>
		counts.map((n) => [name as PaletteName, n] as const)
	);

	it.each(cases)('%s with %i classes gives that many distinct hex colours', (name, n) => {
		const colors = paletteColors(name, n);
		expect(colors).toHaveLength(n);
		expect(new Set(colors).size).toBe(n);
		for (const c of colors) expect(c).toMatch(/^#[0-9a-f]{6}$/);
	});

	it('keeps ColorBrewer YlGnBu exactly (5 classes)', () => {
		expect(paletteColors('ylgnbu', 5)).toEqual([
			'#ffffcc',
			'#a1dab4',
			'#41b6c4',
			'#2c7fb8',
			'#253494'
		]);
	});

	it.each([
		['ylgnbu', 2],
		['ylgnbu', 10],
		['cividis', 7]
	] as const)('refuses %s with %i classes', (name, n) => {
		expect(() => paletteColors(name, n)).toThrow(RangeError);
	});

	it('never uses the special colours inside a palette', () => {
		const special = new Set<string>(Object.values(SPECIAL_COLORS));
		for (const [name, counts] of Object.entries(PALETTE_CLASSES)) {
			for (const n of counts) {
				for (const c of paletteColors(name as PaletteName, n)) expect(special.has(c)).toBe(false);
			}
		}
	});
});

describe('class fill colour', () => {
	const palette = paletteColors('ylgnbu', 5);
	const expr = classFillColor(palette);

	it.each([
		['class 0', { cls: 0 }, palette[0]],
		['class 4', { cls: 4 }, palette[4]],
		['no data', { cls: CLASS_NO_DATA }, SPECIAL_COLORS.noData],
		['suppressed', { cls: CLASS_SUPPRESSED }, SPECIAL_COLORS.suppressed],
		['state not loaded yet', {}, SPECIAL_COLORS.pending],
		['class outside the palette', { cls: 9 }, SPECIAL_COLORS.pending]
	])('colours %s from feature-state', (_label, state, expected) => {
		expect(hex(evaluate('fill-color', expr, state))).toBe(expected);
	});

	it('shows no data and suppressed in different colours from every class', () => {
		const colors = [...palette, SPECIAL_COLORS.noData, SPECIAL_COLORS.suppressed];
		expect(new Set(colors).size).toBe(colors.length);
	});

	it('rejects an empty palette', () => {
		expect(() => classFillColor([])).toThrow(RangeError);
	});
});

describe('overlay and highlight', () => {
	it.each([
		[{}, 0],
		[{ cls: 2 }, 0.65],
		[{ cls: CLASS_NO_DATA }, 0.65]
	])('overlay opacity for state %j is %d', (state, expected) => {
		expect(evaluate('fill-opacity', overlayFillOpacity(0.65), state)).toBe(expected);
	});

	it.each([
		[{ selected: true }, 1],
		[{ hover: true }, 0.6],
		[{ selected: true, hover: true }, 1],
		[{}, 0]
	])('highlight opacity for %j is %d', (state, expected) => {
		expect(evaluate('line-opacity', highlightOpacity(), state)).toBe(expected);
	});
});
