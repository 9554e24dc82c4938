/**
 * With a street graph, the walking order weighs near legs along the streets: two houses close
 * as the crow flies but far apart by the streets (the two arms of a U) are not walked one after
 * the other. The pair memo the order uses remembers values by integer pairs.
 */
import { describe, expect, it } from 'vitest';
import { PairMemo } from '../../src/lib/domain/routing/pair-memo.ts';
import { planTeam, type TeamPlanInput } from '../../src/lib/domain/routing/team-plan.ts';
import { buildStreetGraph } from '../../src/lib/domain/streets/build.ts';
import { at, hamlet, house, options } from './support/team-world.ts';

/** A U 60 m wide with 100 m arms: the arms' tops are 60 m apart, 260 m by the streets. */
const U = buildStreetGraph([
	{
		kind: 'street',
		coords: [at(0, 100), at(0, 0), at(60, 0), at(60, 100)]
	}
]);
const west = house(5, 100, 'a'); // top of the west arm, by the cultural house
const bottom = house(30, 5, 'a');
const east = house(55, 100, 'a'); // top of the east arm: 50 m from west across the gap

const input = (streets: TeamPlanInput['streets']): TeamPlanInput => ({
	households: [west, bottom, east],
	hamlets: [hamlet('a', -5, 100)],
	members: [{ id: 'm1', sessionMinutes: 240, start: { kind: 'hamlet' } }],
	options: options({ travelMode: 'foot', days: ['2026-12-07'] }),
	streets
});

describe('the walking order along the streets', () => {
	it('crosses the gap between the arms without streets (west, east, then bottom)', () => {
		const o = planTeam(input(null)).outings[0]!;
		expect(o.householdIds).toEqual([west.id, east.id, bottom.id]);
	});

	it('walks down one arm and up the other with them (west, bottom, east)', () => {
		const o = planTeam(input(U)).outings[0]!;
		expect(o.householdIds).toEqual([west.id, bottom.id, east.id]);
		// 10 m from the cultural house, 5 + 100 + 30 + 5 down, 5 + 30 + 100 + 5 up: 290 m.
		expect(o.distanceM).toBe(290);
	});
});

describe('PairMemo', () => {
	it('holds values by key through growth, NaN for keys never set', () => {
		const memo = new PairMemo();
		for (let k = 0; k < 5000; k++) memo.set(k * 7919, k / 2);
		memo.set(7919, -1);
		expect(memo.get(0)).toBe(0);
		expect(memo.get(7919)).toBe(-1);
		expect(memo.get(4999 * 7919)).toBe(4999 / 2);
		expect(memo.get(3)).toBeNaN();
	});
});
