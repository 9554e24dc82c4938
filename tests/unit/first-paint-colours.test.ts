import { describe, expect, it } from 'vitest';
import { paintAttribute, readPaintAttribute } from '../../src/lib/map/first-paint-colours.ts';
import { classColor } from '../../src/lib/map/feature-state.ts';
import { CLASS_NO_DATA, CLASS_SUPPRESSED } from '../../src/lib/map/expressions.ts';

const PALETTE = ['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c'];

describe("the first paint's colours in the server's HTML", () => {
	it('gives every commune the colour the map gives it, selection included', () => {
		const classes = new Map<string, number>([
			['05569', 4],
			['00004', 0],
			['27418', CLASS_NO_DATA],
			['26734', CLASS_SUPPRESSED],
			['00007', 4]
		]);
		const read = readPaintAttribute(paintAttribute(classes, PALETTE, '19', '05569'))!;
		for (const [code, cls] of classes) expect(read.colorOf(code)).toBe(classColor(cls, PALETTE));
		expect(read.colorOf('99999')).toBe(classColor(undefined, PALETTE));
		expect([read.selectedProvince, read.selectedCommune]).toEqual(['19', '05569']);
	});

	it('stays small: 6 characters a commune and each colour once', () => {
		const classes = new Map<string, number>();
		for (let i = 0; i < 3321; i++) classes.set(String(i * 7).padStart(5, '0'), i % 5);
		const attr = paintAttribute(classes, PALETTE, null, null);
		expect(attr.length).toBeLessThan(3321 * 6 + 200);
		const read = readPaintAttribute(attr)!;
		expect(read.colorOf('00014')).toBe(PALETTE[2]);
		expect(read.selectedCommune).toBeNull();
	});

	it('reads nothing from an absent or damaged attribute (the app then draws after hydration)', () => {
		expect(readPaintAttribute(undefined)).toBeNull();
		expect(readPaintAttribute('{"c":')).toBeNull();
		expect(readPaintAttribute('{"k":"055690"}')).toBeNull();
		expect(readPaintAttribute(paintAttribute(null, PALETTE, null, null))!.colorOf('05569')).toBe(
			classColor(undefined, PALETTE)
		);
	});
});
