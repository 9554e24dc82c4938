import { describe, expect, it } from 'vitest';
import {
	dayNumberToDate,
	dayNumberWeekStart,
	progressPeriod,
	progressTable,
	vnDayNumber,
	weekOfInstant,
	weekStartOf,
	weeksBetween,
	type ProgressAggregate,
	type ProgressPeriod
} from '../../src/lib/domain/progress.ts';

describe('Vietnam weeks', () => {
	it.each([
		['2026-11-30', '2026-11-30'], // a Monday is its own week's start
		['2026-12-03', '2026-11-30'], // Thursday
		['2026-12-06', '2026-11-30'], // Sunday ends the week
		['2026-12-07', '2026-12-07'],
		['2027-01-01', '2026-12-28'] // across the new year
	])('puts %s in the week of Monday %s', (day, monday) => {
		expect(weekStartOf(day)).toBe(monday);
	});

	it('puts a visit on Sunday 23:30 Vietnam time in that week, and 00:30 Monday in the next', () => {
		const sunday2330 = Date.parse('2026-12-06T23:30:00+07:00');
		const monday0030 = Date.parse('2026-12-07T00:30:00+07:00');
		expect(weekOfInstant(sunday2330)).toBe('2026-11-30');
		expect(weekOfInstant(monday0030)).toBe('2026-12-07');
		// Sunday 23:30 in Vietnam is Sunday 16:30 UTC: a UTC week would agree, but Monday 00:30
		// Vietnam is still Sunday in UTC.
		expect(new Date(monday0030).getUTCDay()).toBe(0);
	});

	it('computes the same week from the day number the shard SQL uses', () => {
		for (const iso of [
			'2026-12-06T23:30:00+07:00',
			'2026-12-07T00:00:00+07:00',
			'1970-01-05T01:00:00+07:00'
		]) {
			const ms = Date.parse(iso);
			expect(dayNumberToDate(dayNumberWeekStart(vnDayNumber(ms))), iso).toBe(weekOfInstant(ms));
		}
	});

	it('numbers weeks as ISO does (week 1 holds the year’s first Thursday)', () => {
		const [w] = weeksBetween('2026-12-28', '2026-12-28');
		expect(w).toEqual({ start: '2026-12-28', end: '2027-01-03', week: 53, year: 2026 });
		expect(weeksBetween('2027-01-04', '2027-01-04')[0]).toMatchObject({ week: 1, year: 2027 });
		expect(weeksBetween('2025-12-29', '2025-12-29')[0]).toMatchObject({ week: 1, year: 2026 });
	});
});

describe('the period asked for', () => {
	it('defaults to the last 12 weeks up to the current one', () => {
		const p = progressPeriod({}, '2026-12-03') as ProgressPeriod;
		expect(p.weeks).toHaveLength(12);
		expect(p.to).toBe('2026-12-06');
		expect(p.from).toBe('2026-09-14');
		expect(p.startMs).toBe(Date.parse('2026-09-14T00:00:00+07:00'));
		expect(p.endMs).toBe(Date.parse('2026-12-07T00:00:00+07:00'));
	});

	it('widens a period to whole weeks', () => {
		const p = progressPeriod({ from: '2026-11-04', to: '2026-11-18' }, '2026-12-03');
		expect(p).toMatchObject({ from: '2026-11-02', to: '2026-11-22' });
		expect((p as ProgressPeriod).weeks.map((w) => w.start)).toEqual([
			'2026-11-02',
			'2026-11-09',
			'2026-11-16'
		]);
	});

	it.each([
		[{ from: '2026-12-01', to: '2026-11-01' }, 'to'],
		[{ from: '2025-01-01', to: '2026-12-01' }, 'from']
	])('refuses %o, naming the field', (asked, field) => {
		expect(progressPeriod(asked, '2026-12-03')).toMatchObject({ field });
	});
});

describe('the progress table', () => {
	const weeks = weeksBetween('2026-11-16', '2026-11-29');
	const [w1] = weeks.map((w) => w.start) as [string];
	const a = (
		level: ProgressAggregate['level'],
		week: string | null,
		teamId: string | null,
		memberId: string | null,
		n: [number, number, number, number]
	): ProgressAggregate => ({
		level,
		week,
		teamId,
		memberId,
		visits: n[0],
		households: n[1],
		reached: n[2],
		peopleHelped: n[3]
	});
	const table = progressTable({
		weeks,
		services: ['vneid', 'vssid'],
		teams: [
			{ id: 'A', name: 'Tổ A' },
			{ id: 'B', name: 'Tổ B' }
		],
		members: [
			{ id: 'a1', teamId: 'A', name: 'Lan', shown: true },
			{ id: 'a2', teamId: 'A', name: 'Hùng', shown: true },
			{ id: 'a3', teamId: 'A', name: 'Nghỉ', shown: false },
			{ id: 'b1', teamId: 'B', name: 'Mai', shown: true }
		],
		aggregates: [
			a('week_team_member', w1, 'A', 'a1', [3, 2, 2, 4]),
			a('week_team_member', w1, 'A', 'a2', [1, 1, 0, 0]),
			a('week_team', w1, 'A', null, [4, 2, 2, 4]), // a2 visited one of a1's houses
			a('week', w1, null, null, [4, 2, 2, 4]),
			a('team_member', null, 'A', 'a1', [3, 2, 2, 4]),
			a('team_member', null, 'A', 'a2', [1, 1, 0, 0]),
			a('team', null, 'A', null, [4, 2, 2, 4]),
			a('all', null, null, null, [4, 2, 2, 4])
		],
		serviceAggregates: [
			{ week: w1, teamId: 'A', memberId: 'a1', serviceCode: 'vneid', helped: 3 },
			{ week: w1, teamId: 'A', memberId: 'a1', serviceCode: 'vssid', helped: 1 },
			{ week: w1, teamId: 'A', memberId: 'a2', serviceCode: 'vneid', helped: 2 }
		]
	});

	it('has a column per week and zeros for weeks without visits', () => {
		const [teamA, teamB] = table.teams;
		expect(teamA!.weeks.map((f) => f.visits)).toEqual([4, 0]);
		expect(teamA!.weeks[1]).toEqual({
			visits: 0,
			households: 0,
			reached: 0,
			peopleHelped: 0,
			helped: { vneid: 0, vssid: 0 }
		});
		expect(teamB!.weeks.map((f) => f.visits)).toEqual([0, 0]);
		expect(teamB!.members.map((m) => m.name)).toEqual(['Mai']);
		expect(table.weekTotals.map((f) => f.visits)).toEqual([4, 0]);
	});

	it('takes distinct households at each level, never the sum of the members', () => {
		const [teamA] = table.teams;
		const sum = teamA!.members.reduce((n, m) => n + m.weeks[0]!.households, 0);
		expect(sum).toBe(3);
		expect(teamA!.weeks[0]!.households).toBe(2);
		expect(table.total).toMatchObject({ visits: 4, households: 2, reached: 2 });
	});

	it('sums people helped per service upward', () => {
		const [teamA] = table.teams;
		expect(teamA!.members.find((m) => m.id === 'a1')!.total.helped).toEqual({ vneid: 3, vssid: 1 });
		expect(teamA!.weeks[0]!.helped).toEqual({ vneid: 5, vssid: 1 });
		expect(table.total.helped).toEqual({ vneid: 5, vssid: 1 });
	});

	it('leaves out an inactive member without visits, keeps one who has them', () => {
		const [teamA] = table.teams;
		expect(teamA!.members.map((m) => m.id)).toEqual(['a1', 'a2']);
		const withMoved = progressTable({
			weeks,
			services: [],
			teams: [{ id: 'A', name: 'Tổ A' }],
			members: [],
			aggregates: [a('team_member', null, 'A', 'gone', [1, 1, 1, 0])],
			serviceAggregates: []
		});
		expect(withMoved.teams[0]!.members).toMatchObject([{ id: 'gone', name: null }]);
	});
});
