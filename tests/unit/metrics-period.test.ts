import { describe, expect, it } from 'vitest';
import { twelveMonthsTo, vnDayNumber } from '../../src/lib/server/metrics/period.ts';

describe('the metrics period', () => {
	it('starts at 00:00 Vietnam time on the same calendar day a year earlier', () => {
		// 03/12/2026 18:33 in Vietnam
		const p = twelveMonthsTo(new Date('2026-12-03T11:33:00Z'));
		expect(p.start.toISOString()).toBe('2025-12-02T17:00:00.000Z');
		expect(p.end.toISOString()).toBe('2026-12-03T11:33:00.000Z');
		// 03/12/2026 05:00 in Vietnam is still 02/12 in UTC: the Vietnam day decides
		expect(twelveMonthsTo(new Date('2026-12-02T22:00:00Z')).start.toISOString()).toBe(
			'2025-12-02T17:00:00.000Z'
		);
	});

	it('moves 29 February to 1 March', () => {
		expect(twelveMonthsTo(new Date('2028-02-29T03:00:00Z')).start.toISOString()).toBe(
			'2027-02-28T17:00:00.000Z'
		);
	});

	it('starts exactly on a day of the day tables', () => {
		const { start } = twelveMonthsTo(new Date('2026-06-15T09:00:00Z'));
		expect(vnDayNumber(start.getTime())).toBe(vnDayNumber(start.getTime() - 1) + 1);
		expect(vnDayNumber(Date.parse('2026-06-14T16:59:59.999Z'))).toBe(
			vnDayNumber(Date.parse('2026-06-14T17:00:00Z')) - 1
		);
	});

	it('refuses an invalid date', () => {
		expect(() => twelveMonthsTo(new Date(Number.NaN))).toThrow(RangeError);
	});
});
