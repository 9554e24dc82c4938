import { describe, expect, it } from 'vitest';
import {
	NO_DATA_CLASS,
	SUPPRESSED_CLASS,
	classify,
	classOfValue,
	legendClasses
} from '../../src/lib/domain/metric-classes.ts';

const BREAKS = [0.2, 0.4, 0.6, 0.8];

describe('classify', () => {
	it.each([
		[0, 0],
		[0.19, 0],
		[0.2, 1],
		[0.39, 1],
		[0.4, 2],
		[0.8, 4],
		[1, 4]
	])('puts %f in class %i', (value, cls) => {
		expect(classify({ status: 'value', value }, BREAKS)).toBe(cls);
	});

	it('gives "no data" and "suppressed" classes of their own, never class 0', () => {
		expect(classify({ status: 'no_data', value: null }, BREAKS)).toBe(NO_DATA_CLASS);
		expect(classify({ status: 'suppressed', value: null }, BREAKS)).toBe(SUPPRESSED_CLASS);
		expect(NO_DATA_CLASS).not.toBe(SUPPRESSED_CLASS);
		expect(NO_DATA_CLASS).toBeLessThan(0);
		expect(SUPPRESSED_CLASS).toBeLessThan(0);
	});

	it('works with no breaks (one class) and rejects unordered breaks', () => {
		expect(classOfValue(42, [])).toBe(0);
		expect(() => classOfValue(1, [2, 1])).toThrow(RangeError);
		expect(() => classOfValue(1, [1, 1])).toThrow(RangeError);
		expect(() => classOfValue(1, [Number.NaN])).toThrow(RangeError);
	});
});

describe('legendClasses', () => {
	it('lists value classes low to high, then no data and suppressed', () => {
		expect(legendClasses([10, 20])).toEqual([
			{ cls: 0, from: null, to: 10, kind: 'value' },
			{ cls: 1, from: 10, to: 20, kind: 'value' },
			{ cls: 2, from: 20, to: null, kind: 'value' },
			{ cls: NO_DATA_CLASS, from: null, to: null, kind: 'no_data' },
			{ cls: SUPPRESSED_CLASS, from: null, to: null, kind: 'suppressed' }
		]);
	});
});
