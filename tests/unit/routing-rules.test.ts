import { describe, expect, it } from 'vitest';
import { checkCoverage } from '../../src/lib/domain/routing/coverage.ts';
import {
	householdStatus,
	revisitSuggestion,
	type VisitSummary
} from '../../src/lib/domain/routing/status.ts';
import { householdsInPolygon, polygonProblem } from '../../src/lib/domain/routing/selection.ts';
import type { LonLat } from '../../src/lib/domain/routing/types.ts';

const at = (iso: string) => Date.parse(iso);
const visit = (v: Partial<VisitSummary>): VisitSummary => ({
	lastOutcome: null,
	lastVisitedAt: null,
	revisitOn: null,
	notHomeStreak: 0,
	...v
});

describe('revisit suggestions', () => {
	it.each([
		[1, '2026-11-12', 'evening'],
		[2, '2026-11-15', 'evening'],
		[3, '2026-11-19', 'weekend']
	] as const)('suggests try %i after a daytime "not home" on %s', (streak, due, time) => {
		const s = revisitSuggestion(
			visit({
				lastOutcome: 'not_home',
				lastVisitedAt: at('2026-11-10T02:00:00Z'),
				notHomeStreak: streak
			})
		);
		expect(s).toEqual({ attempt: streak, dueOn: due, timeOfDay: time });
	});

	it('stops after three revisits', () => {
		const v = visit({
			lastOutcome: 'not_home',
			lastVisitedAt: at('2026-11-10T02:00:00Z'),
			notHomeStreak: 4
		});
		expect(revisitSuggestion(v)).toBeNull();
	});

	it("uses the member's own revisit date", () => {
		const v = visit({
			lastOutcome: 'not_home',
			lastVisitedAt: at('2026-11-10T02:00:00Z'),
			revisitOn: '2026-11-11',
			notHomeStreak: 1
		});
		expect(revisitSuggestion(v)?.dueOn).toBe('2026-11-11');
	});

	it('suggests nothing for a household that was met', () => {
		expect(revisitSuggestion(visit({ lastOutcome: 'met', lastVisitedAt: 1 }))).toBeNull();
	});
});

describe('householdStatus', () => {
	const today = '2026-11-20';
	it.each([
		['never visited', false, visit({}), 'never'],
		['met', false, visit({ lastOutcome: 'met', lastVisitedAt: 1 }), 'met'],
		['refused', false, visit({ lastOutcome: 'refused', lastVisitedAt: 1 }), 'refused'],
		[
			'flagged do-not-contact',
			true,
			visit({ lastOutcome: 'met', lastVisitedAt: 1 }),
			'do_not_contact'
		],
		[
			'not home, revisit not yet due',
			false,
			visit({
				lastOutcome: 'not_home',
				lastVisitedAt: at('2026-11-19T02:00:00Z'),
				notHomeStreak: 1
			}),
			'not_home'
		],
		[
			'not home, revisit due',
			false,
			visit({
				lastOutcome: 'not_home',
				lastVisitedAt: at('2026-11-10T02:00:00Z'),
				notHomeStreak: 1
			}),
			'revisit_due'
		]
	] as const)('colours a household that is %s', (_, dnc, v, want) => {
		expect(householdStatus({ doNotContact: dnc }, v, today)).toBe(want);
	});
});

describe('coverage', () => {
	it('finds households on no route and on two routes', () => {
		const r = checkCoverage(
			['a', 'b', 'c'],
			[
				{ routeId: 'r1', householdId: 'a', revisit: false },
				{ routeId: 'r2', householdId: 'a', revisit: false },
				{ routeId: 'r2', householdId: 'b', revisit: false },
				{ routeId: 'r3', householdId: 'b', revisit: true }
			]
		);
		expect(r).toEqual({ missing: ['c'], duplicated: ['a'] });
	});
});

describe('polygon selection', () => {
	const square: LonLat[] = [
		[105, 21],
		[105.01, 21],
		[105.01, 21.01],
		[105, 21.01]
	];
	it('accepts a simple polygon and selects the households inside', () => {
		expect(polygonProblem(square)).toBeNull();
		const hs = [
			{ id: 'in', lon: 105.005, lat: 21.005 },
			{ id: 'out', lon: 105.02, lat: 21.005 },
			{ id: 'nowhere', lon: null, lat: null }
		];
		expect(householdsInPolygon(hs, square).map((h) => h.id)).toEqual(['in']);
	});

	it('refuses a self-intersecting polygon (a bow tie)', () => {
		const bowTie: LonLat[] = [square[0]!, square[2]!, square[1]!, square[3]!];
		expect(polygonProblem(bowTie)).toBe('self_intersecting');
	});

	it('refuses fewer than three distinct points', () => {
		expect(polygonProblem([square[0]!, square[1]!, square[1]!])).toBe('too_few_points');
	});
});
