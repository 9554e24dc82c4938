import { describe, expect, it } from 'vitest';
import { loadLocale, translator } from '../../src/lib/i18n/index.ts';
import { formatDay, formatDuration, formatWhen } from '../../src/lib/i18n/duration.ts';

const vi = translator('vi');
await loadLocale('en');
const en = translator('en');

describe('durations and days in a plan', () => {
	it.each([
		[0, '0 phút'],
		[45, '45 phút'],
		[180, '3 giờ'],
		[170.4, '2 giờ 50 phút'],
		[-5, '0 phút']
	])('reads %s minutes as "%s"', (m, want) => {
		expect(formatDuration(vi, m)).toBe(want);
	});

	it('keeps the words in English and the numbers as they are', () => {
		expect(formatDuration(en, 170)).toBe('2 h 50 min');
	});

	it.each([
		['2026-12-07', 'T2 07/12'],
		['2026-12-13', 'CN 13/12'],
		['2027-01-02', 'T7 02/01']
	])('names %s "%s"', (day, want) => {
		expect(formatDay(vi, day)).toBe(want);
	});

	it.each([
		['2026-12-09', 'morning', '09/12/2026 · Sáng'],
		['2026-12-09', null, '09/12/2026'],
		[null, 'evening', '—']
	] as const)('says when an outing is (%s, %s)', (day, session, want) => {
		expect(formatWhen(vi, day, session)).toBe(want);
	});
});
