/**
 * The leader's day, pure parts: progress over an area, a member's sync state from their
 * devices, the week, and the words the page uses (durations, days, whom a route may go to).
 */
import { describe, expect, it } from 'vitest';
import {
	addDays,
	areaProgress,
	memberSync,
	weekOf,
	type DeviceWatermark,
	type ProgressHousehold
} from '../../src/lib/domain/team-overview.ts';
import type { VisitSummary } from '../../src/lib/domain/routing/status.ts';
import { translator } from '../../src/lib/i18n/index.ts';
import { dayLabel, duration, fullDay } from '../../src/lib/components/home/home-format.ts';
import { assigneeOptions } from '../../src/lib/components/plan/route-actions.ts';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 23, 3); // 23/11/2026 10:00 in Vietnam
const TODAY = '2026-11-23';
const YEAR_AGO = Date.UTC(2025, 10, 23, 3);
const t = translator('vi');

const never: VisitSummary = {
	lastOutcome: null,
	lastVisitedAt: null,
	revisitOn: null,
	notHomeStreak: 0
};
const hh = (
	over: Partial<VisitSummary> = {},
	h: Partial<Omit<ProgressHousehold, 'visits'>> = {}
): ProgressHousehold => ({
	doNotContact: false,
	routeId: 'r1',
	...h,
	visits: { ...never, ...over }
});

describe('areaProgress', () => {
	const cases: [string, ProgressHousehold, Partial<ReturnType<typeof areaProgress>>][] = [
		['a household never visited, on a route', hh(), { visited: 0, reached: 0, gaps: 0 }],
		['a household on no route is a gap', hh({}, { routeId: null }), { gaps: 1 }],
		[
			'a do-not-contact household on no route is not a gap',
			hh({}, { routeId: null, doNotContact: true }),
			{ gaps: 0 }
		],
		[
			'met within 12 months: visited and reached',
			hh({ lastOutcome: 'met', lastVisitedAt: NOW - 10 * DAY }),
			{ visited: 1, reached: 1 }
		],
		[
			'met more than 12 months ago: visited, not reached',
			hh({ lastOutcome: 'met', lastVisitedAt: YEAR_AGO - DAY }),
			{ visited: 1, reached: 0 }
		],
		[
			'not at home 3 days ago: a revisit is due (after 2 days)',
			hh({ lastOutcome: 'not_home', lastVisitedAt: NOW - 3 * DAY, notHomeStreak: 1 }),
			{ visited: 1, reached: 0, revisitsDue: 1 }
		],
		[
			'not at home yesterday: no revisit due yet',
			hh({ lastOutcome: 'not_home', lastVisitedAt: NOW - DAY, notHomeStreak: 1 }),
			{ visited: 1, revisitsDue: 0 }
		]
	];
	it.each(cases)('%s', (_, h, expected) => {
		expect(areaProgress([h], TODAY, YEAR_AGO)).toMatchObject({ households: 1, ...expected });
	});

	it('counts nothing for an empty area', () => {
		expect(areaProgress([], TODAY, YEAR_AGO)).toEqual({
			households: 0,
			visited: 0,
			reached: 0,
			revisitsDue: 0,
			gaps: 0
		});
	});
});

describe('memberSync', () => {
	const device = (over: Partial<DeviceWatermark>): DeviceWatermark => ({
		lastSeenAt: NOW - 3_600_000,
		pending: 0,
		oldestPendingAt: null,
		replacedBy: null,
		...over
	});
	it('is null for a member who never synced', () => {
		expect(memberSync([], NOW)).toBeNull();
	});
	it.each([
		['everything sent', [device({})], { pending: 0, oldestPendingAt: null, late: false }],
		[
			'a few visits waiting since this morning',
			[device({ pending: 2, oldestPendingAt: NOW - 2 * 3_600_000 })],
			{ pending: 2, late: false }
		],
		[
			'a phone silent for two days with visits on it',
			[device({ lastSeenAt: NOW - 2 * DAY, pending: 4, oldestPendingAt: NOW - 2 * DAY - 60_000 })],
			{ pending: 4, late: true, lastSeenAt: NOW - 2 * DAY }
		],
		[
			'a phone in touch whose oldest visit has waited 30 hours',
			[device({ pending: 1, oldestPendingAt: NOW - 30 * 3_600_000 })],
			{ pending: 1, late: true }
		],
		[
			'two phones: pending summed, latest contact, oldest visit',
			[
				device({ lastSeenAt: NOW - DAY, pending: 1, oldestPendingAt: NOW - DAY - 1 }),
				device({ lastSeenAt: NOW - 60_000, pending: 2, oldestPendingAt: NOW - 3_600_000 })
			],
			{ pending: 3, lastSeenAt: NOW - 60_000, oldestPendingAt: NOW - DAY - 1, late: true }
		],
		[
			'a replaced phone: its lost visits are not pending',
			[device({ pending: 5, oldestPendingAt: NOW - 5 * DAY, replacedBy: 'other' })],
			{ pending: 0, late: false }
		]
	])('%s', (_, devices, expected) => {
		expect(memberSync(devices, NOW)).toMatchObject(expected);
	});
});

describe('the week', () => {
	it('runs from today to six days later, across a month end', () => {
		expect(weekOf('2026-11-28')).toEqual({ from: '2026-11-28', to: '2026-12-04' });
		expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
	});
});

describe('words of the day', () => {
	it.each([
		[45, '45 phút'],
		[60, '1 giờ'],
		[130, '2 giờ 10 phút'],
		[178, '3 giờ']
	])('%i minutes read "%s"', (m, text) => {
		expect(duration(t, m)).toBe(text);
	});
	it.each([
		['2026-11-23', 'Hôm nay'],
		['2026-11-24', 'Ngày mai'],
		['2026-11-26', 'Thứ Năm 26/11/2026'],
		['2026-11-29', 'Chủ Nhật 29/11/2026']
	])('%s reads "%s" on 23/11/2026', (day, text) => {
		expect(dayLabel(t, day, TODAY)).toBe(text);
	});
	it('names today with its weekday', () => {
		expect(fullDay(t, TODAY)).toBe('Thứ Hai 23/11/2026');
	});
});

describe('whom a route may go to', () => {
	const byTeam = {
		A: [
			{ id: 'a1', fullName: 'Lò Văn An', active: true },
			{ id: 'a2', fullName: 'Hà Thị Bình', active: false }
		],
		B: [{ id: 'b1', fullName: 'Ma Văn Cường', active: true }]
	};
	it.each([
		['its own team’s active members', null, null, ['Lò Văn An']],
		[
			'its current assignee even when inactive, marked',
			'a2',
			null,
			['Hà Thị Bình (đã nghỉ)', 'Lò Văn An']
		],
		[
			'a current assignee no longer listed, by the route’s name',
			'x9',
			'Nông Thị Dung',
			['Nông Thị Dung (đã nghỉ)', 'Lò Văn An']
		]
	])('offers %s', (_, current, name, expected) => {
		const options = assigneeOptions(
			t,
			{ teamId: 'A', assigneeMemberId: current, assigneeName: name },
			byTeam
		);
		expect(options.map((o) => o.label)).toEqual(expected);
	});
	it('never offers another team’s member', () => {
		const options = assigneeOptions(
			t,
			{ teamId: 'B', assigneeMemberId: null, assigneeName: null },
			byTeam
		);
		expect(options).toEqual([{ id: 'b1', label: 'Ma Văn Cường' }]);
	});
});
