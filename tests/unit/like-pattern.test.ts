import { describe, expect, it } from 'vitest';
import {
	MAX_LIKE_PATTERN_BYTES,
	containsPattern,
	utf8Prefix
} from '../../src/lib/server/db/queries/like-pattern.ts';

const bytes = (s: string) => new TextEncoder().encode(s).length;

describe('containsPattern', () => {
	it.each([
		['a short query', 'dinh hoa', '%dinh hoa%'],
		['an empty query', '', '%%'],
		['LIKE wildcards, which are dropped', '50%_off', '%50off%'],
		['48 ASCII letters, the most that fit', 'a'.repeat(48), `%${'a'.repeat(48)}%`],
		['49 ASCII letters, cut to 48', 'a'.repeat(49), `%${'a'.repeat(48)}%`]
	])('wraps %s', (_, text, pattern) => {
		expect(containsPattern(text)).toBe(pattern);
	});

	it.each([
		['80 ASCII letters', 'x'.repeat(80)],
		['80 Vietnamese letters', 'Định Hoá Thái Nguyên '.repeat(4)],
		['80 letters of 3 bytes', 'ệ'.repeat(80)],
		['emoji of 4 bytes', '🏠'.repeat(30)],
		['wildcards around long text', `%_${'ă'.repeat(60)}_%`]
	])('never passes the D1 limit of 50 bytes, nor splits a letter: %s', (_, text) => {
		const pattern = containsPattern(text);
		expect(bytes(pattern)).toBeLessThanOrEqual(MAX_LIKE_PATTERN_BYTES);
		expect(pattern).not.toContain('\uFFFD');
		expect(text.replace(/[%_]/g, '').startsWith(pattern.slice(1, -1))).toBe(true);
	});
});

describe('utf8Prefix', () => {
	it.each([
		['ệệệ', 6, 'ệệ'],
		['ệệệ', 5, 'ệ'],
		['aệ', 3, 'a'],
		['🏠a', 3, ''],
		['abc', 10, 'abc']
	])('keeps whole letters of %s within %i bytes', (text, max, prefix) => {
		expect(utf8Prefix(text, max)).toBe(prefix);
	});
});
