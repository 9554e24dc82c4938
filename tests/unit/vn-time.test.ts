import { describe, expect, it } from 'vitest';
import { vnDayStart, vnToday } from '../../src/lib/domain/vn-time.ts';

describe('Vietnam days', () => {
	it('turns over at midnight in Hà Nội, not in UTC', () => {
		expect(vnToday(Date.parse('2026-12-02T16:59:59Z'))).toBe('2026-12-02');
		expect(vnToday(Date.parse('2026-12-02T17:00:00Z'))).toBe('2026-12-03');
	});

	it('starts a day at 00:00 in Vietnam', () => {
		expect(new Date(vnDayStart('2026-12-03')).toISOString()).toBe('2026-12-02T17:00:00.000Z');
		expect(vnToday(vnDayStart('2026-12-03'))).toBe('2026-12-03');
	});
});
