import { describe, expect, it } from 'vitest';
import {
	buildCalendar,
	busySlots,
	periodDays,
	type CalendarItem
} from '../../src/lib/domain/routing/calendar.ts';

const item = (over: Partial<CalendarItem> & { id: string }): CalendarItem => ({
	memberId: 'lan',
	day: '2026-12-07',
	session: 'morning',
	households: 10,
	distanceM: 2000,
	minutes: 120,
	sessionMinutes: 180,
	flag: null,
	...over
});

describe('the plan calendar', () => {
	it('puts outings in their member’s row and day, with totals per member, day and plan', () => {
		const cal = buildCalendar(
			[
				item({ id: 'a' }),
				item({ id: 'b', day: '2026-12-08', households: 5, distanceM: 500, minutes: 60 }),
				item({ id: 'c', memberId: 'hoa', session: 'afternoon' })
			],
			['lan', 'hoa'],
			['2026-12-07', '2026-12-08']
		);
		expect(cal.rows.map((r) => r.memberId)).toEqual(['lan', 'hoa']);
		expect(cal.rows[0]!.cells.map((c) => c.map((i) => i.id))).toEqual([['a'], ['b']]);
		expect(cal.rows[0]!.total).toEqual({
			outings: 2,
			households: 15,
			distanceM: 2500,
			minutes: 180
		});
		expect(cal.dayTotals[0]).toEqual({ outings: 2, households: 20, distanceM: 4000, minutes: 240 });
		expect(cal.total.outings).toBe(3);
		expect(cal.conflicts.size).toBe(0);
	});

	it('orders a day’s outings morning, afternoon, evening', () => {
		const cal = buildCalendar(
			[
				item({ id: 'e', session: 'evening' }),
				item({ id: 'm' }),
				item({ id: 'a', session: 'afternoon' })
			],
			['lan'],
			['2026-12-07']
		);
		expect(cal.rows[0]!.cells[0]!.map((i) => i.id)).toEqual(['m', 'a', 'e']);
	});

	it.each([
		[
			'two outings in one session of a member',
			[item({ id: 'a' }), item({ id: 'b' })],
			{ a: ['double_booked'], b: ['double_booked'] }
		],
		[
			'an outing longer than its session',
			[item({ id: 'a', minutes: 200 })],
			{ a: ['over_session'] }
		],
		[
			'nothing for two members in the same session',
			[item({ id: 'a' }), item({ id: 'b', memberId: 'hoa' })],
			{}
		],
		[
			'nothing for an outing planned by size',
			[item({ id: 'a', minutes: 400, sessionMinutes: null })],
			{}
		]
	])('shows a conflict for %s', (_, items, want) => {
		const cal = buildCalendar(items, ['lan', 'hoa'], ['2026-12-07']);
		expect(Object.fromEntries(cal.conflicts)).toEqual(want);
	});

	it('keeps a row for outings nobody has yet, and lists undated ones apart', () => {
		const cal = buildCalendar(
			[
				item({ id: 'a', memberId: null, day: null, session: null }),
				item({ id: 'b', day: '2027-01-01' })
			],
			['lan'],
			['2026-12-07']
		);
		expect(cal.rows.map((r) => r.memberId)).toEqual(['lan', null]);
		expect(cal.rows[1]!.undated.map((i) => i.id)).toEqual(['a']);
		expect(cal.rows[0]!.undated.map((i) => i.id)).toEqual(['b']);
	});
});

describe('the days of a period', () => {
	it.each([
		['2026-12-07', '2026-12-13', false, 7],
		['2026-12-07', '2026-12-13', true, 6],
		['2026-12-13', '2026-12-07', false, 0],
		['2026-12-30', '2027-01-02', false, 4]
	])('from %s to %s (Sundays left out: %s) has %i days', (from, to, skip, n) => {
		const d = periodDays(from, to, skip);
		expect(d).toHaveLength(n);
		if (skip) expect(d).not.toContain('2026-12-13');
	});
});

describe('slots held by saved outings', () => {
	it('holds the session of a saved outing, the whole day when it has none', () => {
		expect(
			busySlots([
				{ memberId: 'lan', day: '2026-12-07', session: 'afternoon' },
				{ memberId: 'hoa', day: '2026-12-08', session: null },
				{ memberId: null, day: '2026-12-08', session: 'morning' }
			]).sort()
		).toEqual([
			'hoa|2026-12-08|afternoon',
			'hoa|2026-12-08|evening',
			'hoa|2026-12-08|morning',
			'lan|2026-12-07|afternoon'
		]);
	});
});
