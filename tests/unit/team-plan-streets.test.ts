import { describe, expect, it } from 'vitest';
import { estimateRoute } from '../../src/lib/domain/routing/estimate.ts';
import { haversineM } from '../../src/lib/domain/routing/geometry.ts';
import { streetLegs } from '../../src/lib/domain/routing/street-legs.ts';
import { planTeam, type TeamPlanInput } from '../../src/lib/domain/routing/team-plan.ts';
import type { TeamMember } from '../../src/lib/domain/routing/team-plan-types.ts';
import { travelModel } from '../../src/lib/domain/routing/travel.ts';
import { DETOUR_FACTOR } from '../../src/lib/domain/routing/types.ts';
import { buildStreetGraph } from '../../src/lib/domain/streets/build.ts';
import type { StreetLine } from '../../src/lib/domain/streets/types.ts';
import { at, hamlet, house, options } from './support/team-world.ts';

const line = (kind: StreetLine['kind'], pts: [number, number][]): StreetLine => ({
	kind,
	coords: pts.map(([x, y]) => at(x, y))
});

/**
 * A U of streets (metres): up the west arm x = 0 from (0,0) to (0,50), along the bottom y = 0
 * to (200,0), up the east arm x = 200 to (200,50). Houses stand 5 m off it.
 */
const U: StreetLine[] = [
	line('street', [
		[0, 50],
		[0, 0],
		[200, 0],
		[200, 50]
	])
];
/** The U closed at the top by a footpath: walked and pushed, never ridden. */
const U_WITH_PATH: StreetLine[] = [
	...U,
	line('path', [
		[0, 50],
		[200, 50]
	])
];

const west = () => house(5, 50, null, { alley: 'west' }); // 5 m off the west arm's top
const bottom = () => house(100, 5, null, { alley: 'bottom' }); // 5 m off the bottom's middle
const east = () => house(195, 50, null, { alley: 'east' }); // 5 m off the east arm's top
const field = () => house(100, 200, null, { alley: 'field' }); // 150 m from any street

const firstHouse: TeamMember = { id: 'm1', sessionMinutes: 240, start: { kind: 'first' } };
const input = (over: Partial<TeamPlanInput>): TeamPlanInput => ({
	households: [],
	hamlets: [],
	members: [firstHouse],
	options: options({ travelMode: 'foot', days: ['2026-12-07'] }),
	...over
});

describe('a team plan along the streets', () => {
	it('walks the U from arm to arm: 5 + 50 + 100 + 5 then 5 + 100 + 50 + 5 = 320 m', () => {
		const hs = [west(), bottom(), east()];
		const plan = planTeam(input({ households: hs, streets: buildStreetGraph(U) }));
		expect(plan.outings).toHaveLength(1);
		const o = plan.outings[0]!;
		expect([o.householdIds, [...o.householdIds].reverse()]).toContainEqual(hs.map((h) => h.id));
		expect(o.distanceM).toBe(320);
		expect(o.travelMinutes).toBe(Math.round(320 / 67));
		expect(plan.offNetwork).toEqual([]);
	});

	it('measures longer than the straight line × 1.3 where the streets go round', () => {
		const hs = [west(), bottom(), east()];
		const straight = planTeam(input({ households: hs }));
		// 2 × √(95² + 45²) × 1.3 ≈ 273 m without the streets.
		expect(straight.outings[0]!.distanceM).toBe(Math.round(2 * Math.hypot(95, 45) * DETOUR_FACTOR));
		const streets = planTeam(input({ households: hs, streets: buildStreetGraph(U) }));
		expect(streets.outings[0]!.distanceM).toBe(320);
		expect(straight.offNetwork).toEqual([]);
	});

	it.each([
		['foot', 5 + 10 + 200 + 10 + 5],
		['bicycle', 5 + 10 + 200 + 10 + 5],
		// 230 m is a walk (under 250 m × 1.3): a member who rides walks the footpath too.
		['motorbike', 5 + 10 + 200 + 10 + 5]
	] as const)('by %s, walks a short leg over the footpath: %i m', (mode, m) => {
		const plan = planTeam(
			input({
				// 5 m off the arms, 10 m below the footpath.
				households: [house(5, 40, null), house(195, 40, null)],
				streets: buildStreetGraph(U_WITH_PATH),
				options: options({ travelMode: mode, days: ['2026-12-07'] })
			})
		);
		expect(plan.outings.map((o) => o.distanceM)).toEqual([m]);
	});

	it.each([
		['bicycle', 5 + 10 + 1000 + 10 + 5],
		['motorbike', 5 + 40 + 1000 + 40 + 5]
	] as const)('by %s, rides a long leg only where it may: %i m', (mode, m) => {
		// A U 1 km wide, closed at the top by a footpath: a motorbike rides round it. (On foot the
		// two houses are 1 km apart: areas of their own, never one outing.)
		const wide: StreetLine[] = [
			line('street', [
				[0, 50],
				[0, 0],
				[1000, 0],
				[1000, 50]
			]),
			line('path', [
				[0, 50],
				[1000, 50]
			])
		];
		const plan = planTeam(
			input({
				households: [house(5, 40, null), house(995, 40, null)],
				streets: buildStreetGraph(wide),
				options: options({ travelMode: mode, days: ['2026-12-07'] })
			})
		);
		expect(plan.outings.map((o) => o.distanceM)).toEqual([m]);
	});

	it('reaches the first house from the cultural house along the streets', () => {
		// The cultural house 5 m west of the U's corner: 5 + 50 + 5 = 60 m (straight × 1.3: 66 m).
		const plan = planTeam(
			input({
				households: [{ ...west(), hamletId: 'a' }],
				hamlets: [hamlet('a', -5, 0)],
				members: [{ ...firstHouse, start: { kind: 'hamlet' } }],
				streets: buildStreetGraph(U)
			})
		);
		expect(plan.outings[0]!.startKind).toBe('hamlet');
		expect(plan.outings[0]!.distanceM).toBe(60);
	});

	it('falls back to the straight line × 1.3 for a house off the network, and flags it', () => {
		const [w, f] = [west(), field()];
		const plan = planTeam(input({ households: [w, f], streets: buildStreetGraph(U) }));
		const straight = haversineM([w.lon!, w.lat!], [f.lon!, f.lat!]) * DETOUR_FACTOR;
		expect(plan.outings[0]!.distanceM).toBe(Math.round(straight));
		expect(plan.offNetwork).toEqual([f.id]);
	});

	it('plans as before without a street graph', () => {
		const hs = [west(), bottom(), east(), field()];
		const withNull = planTeam(input({ households: hs, streets: null }));
		const without = planTeam(input({ households: hs }));
		expect(withNull).toEqual(without);
		expect(without.offNetwork).toEqual([]);
	});

	it('prices a saved outing along the streets as the planner did (estimateRoute)', () => {
		const hs = [{ ...west(), hamletId: 'a' }, bottom(), east()];
		const graph = buildStreetGraph(U);
		const plan = planTeam(
			input({
				households: hs,
				hamlets: [hamlet('a', -5, 0)],
				members: [{ ...firstHouse, start: { kind: 'hamlet' } }],
				streets: graph
			})
		);
		const o = plan.outings[0]!;
		const byId = new Map(hs.map((h) => [h.id, h]));
		const model = travelModel('foot', 67);
		const stops = o.householdIds.map((id) => byId.get(id)!);
		const est = estimateRoute(stops, o.start, model, 8, streetLegs(graph, model));
		expect(est).toEqual({
			distanceM: o.distanceM,
			travelMinutes: o.travelMinutes,
			estimatedMinutes: o.minutes
		});
		expect(estimateRoute(stops, o.start, model, 8).distanceM).not.toBe(o.distanceM);
	});
});
