import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { planTeam, type TeamPlanInput } from '../../src/lib/domain/routing/team-plan.ts';
import { NEIGHBOUR_GAP_M } from '../../src/lib/domain/routing/areas.ts';
import { haversineM } from '../../src/lib/domain/routing/geometry.ts';
import type { TeamHousehold, TeamPlan } from '../../src/lib/domain/routing/team-plan-types.ts';
import type { Session, TravelMode } from '../../src/lib/domain/routing/outing-kinds.ts';
import { alley, cluster, days, hamlet, house, options } from './support/team-world.ts';

/** A random team world: hamlets of houses (some alleys), members, a period, the options. */
const world: fc.Arbitrary<TeamPlanInput> = fc
	.record({
		hamlets: fc.array(
			fc.record({
				x: fc.integer({ min: 0, max: 8000 }),
				y: fc.integer({ min: 0, max: 8000 }),
				size: fc.integer({ min: 1, max: 35 }),
				radius: fc.integer({ min: 30, max: 500 }),
				lane: fc.integer({ min: 0, max: 20 }),
				point: fc.boolean()
			}),
			{ minLength: 1, maxLength: 4 }
		),
		sessions: fc.array(fc.integer({ min: 60, max: 240 }), { minLength: 0, maxLength: 4 }),
		dayCount: fc.integer({ min: 1, max: 6 }),
		offered: fc.subarray<Session>(['morning', 'afternoon', 'evening'], { minLength: 1 }),
		mode: fc.constantFrom<TravelMode>('foot', 'motorbike', 'bicycle'),
		spread: fc.constantFrom('even' as const, 'early' as const),
		flags: fc.array(fc.nat(), { maxLength: 12 })
	})
	.map((w) => {
		const hs: TeamHousehold[] = [];
		w.hamlets.forEach((h, i) => {
			hs.push(...cluster(`a${i}`, h.x, h.y, h.size, h.radius));
			if (h.lane > 1) hs.push(...alley(`a${i}`, `duong ${i}|${i + 3}`, h.x + 50, h.y, h.lane));
		});
		const period = days(w.dayCount);
		w.flags.forEach((f, k) => {
			const h = hs[f % hs.length]!;
			if (k % 3 === 0) h.priority = true;
			else if (k % 3 === 1) h.revisit = { dueOn: period[f % period.length]!, timeOfDay: 'evening' };
			else h.doNotContact = f % 2 === 0;
		});
		return {
			households: hs,
			// Every hamlet of the commune, as the planning page sends them: some without a point.
			hamlets: w.hamlets.map((h, i) =>
				h.point ? hamlet(`a${i}`, h.x, h.y) : { id: `a${i}`, lon: null, lat: null }
			),
			members: w.sessions.map((s, i) => ({
				id: `m${i}`,
				sessionMinutes: s,
				start: { kind: 'hamlet' as const }
			})),
			options: options({
				days: period,
				sessions: w.offered,
				travelMode: w.mode,
				spread: w.spread
			})
		};
	});

const byId = (input: TeamPlanInput) => new Map(input.households.map((h) => [h.id, h]));

/** Areas are neighbours when two of their houses stand within the mode's gap (brute force). */
function neighbours(input: TeamPlanInput, a: string, b: string): boolean {
	const gap = NEIGHBOUR_GAP_M[input.options.travelMode];
	const hs = input.households.filter((h) => h.lon !== null);
	const as = hs.filter((h) => h.hamletId === a);
	const bs = hs.filter((h) => h.hamletId === b);
	return as.some((x) => bs.some((y) => haversineM([x.lon!, x.lat!], [y.lon!, y.lat!]) <= gap + 1));
}

const runs = { numRuns: Number(process.env.PROPERTY_RUNS ?? 40) };

describe('team plan properties', () => {
	it('puts every household to visit on exactly one outing, and says why the others are left', () => {
		fc.assert(
			fc.property(world, (input) => {
				const plan = planTeam(input);
				const on = plan.outings.flatMap((o) => o.householdIds);
				expect(new Set(on).size).toBe(on.length);
				const left = new Set(plan.skipped.map((s) => s.id));
				for (const h of input.households) expect(on.includes(h.id) !== left.has(h.id)).toBe(true);
				for (const s of plan.skipped)
					expect(s.reason).toBe(
						byId(input).get(s.id)!.doNotContact ? 'do_not_contact' : 'due_later'
					);
			}),
			runs
		);
	});

	it('fits every outing in its session, or says why it cannot', () => {
		fc.assert(
			fc.property(world, (input) => {
				for (const o of planTeam(input).outings)
					if (o.minutes > o.sessionMinutes)
						expect(['too_far', 'session_too_short']).toContain(o.flag);
			}),
			runs
		);
	});

	it('never spans hamlets that are not neighbours', () => {
		fc.assert(
			fc.property(world, (input) => {
				const hs = byId(input);
				for (const o of planTeam(input).outings) {
					const areas = [...new Set(o.householdIds.map((id) => hs.get(id)!.hamletId!))];
					for (let i = 1; i < areas.length; i++)
						expect(neighbours(input, areas[i - 1]!, areas[i]!)).toBe(true);
				}
			}),
			runs
		);
	});

	it('gives each member at most one outing per session, within the period', () => {
		fc.assert(
			fc.property(world, (input) => {
				const plan = planTeam(input);
				const slots = new Set<string>();
				for (const o of plan.outings) {
					if (o.day === null) {
						expect(o.memberId === null && o.session === null).toBe(true);
						continue;
					}
					expect(input.options.days).toContain(o.day);
					expect(input.options.sessions).toContain(o.session);
					const key = `${o.memberId}|${o.day}|${o.session}`;
					expect(slots.has(key)).toBe(false);
					slots.add(key);
				}
				expect(plan.unscheduled).toBe(plan.outings.filter((o) => o.day === null).length);
			}),
			runs
		);
	});

	it('visits a revisit no earlier than the day it falls due', () => {
		fc.assert(
			fc.property(world, (input) => {
				const hs = byId(input);
				for (const o of planTeam(input).outings) {
					const due = o.householdIds.map((id) => hs.get(id)!.revisit?.dueOn ?? null);
					expect(o.householdIds.filter((_, i) => due[i] !== null)).toEqual(o.revisitIds);
					if (o.day) for (const d of due) if (d) expect(o.day >= d).toBe(true);
				}
			}),
			runs
		);
	});

	it('keeps each alley whole unless it is longer than a session', () => {
		fc.assert(
			fc.property(world, (input) => {
				const hs = byId(input);
				const plan = planTeam(input);
				const walked = plan.outings.flatMap((o) =>
					o.householdIds.map((id) => ({ lane: hs.get(id)!.alleyKey, o }))
				);
				const lanes = new Map<string, Set<unknown>>();
				for (const w of walked)
					if (w.lane.startsWith('duong') && w.o.revisitIds.length === 0)
						lanes.set(w.lane, (lanes.get(w.lane) ?? new Set()).add(w.o));
				for (const outings of lanes.values())
					if (outings.size > 1)
						for (const o of outings as Set<TeamPlan['outings'][number]>)
							expect(o.flag).toBe('alley_split');
			}),
			runs
		);
	});

	it('shares new work within two sessions and the largest alley of each other', () => {
		// Revisits go on their due day to whoever walks their hamlet: extra to the shares.
		const even = world.map((w) => ({
			...w,
			households: w.households.map((h) => ({ ...h, revisit: null })),
			members: ['m1', 'm2', 'm3'].map((id) => ({
				id,
				sessionMinutes: w.members[0]?.sessionMinutes ?? 180,
				start: { kind: 'hamlet' as const }
			}))
		}));
		fc.assert(
			fc.property(even, (input) => {
				const plan = planTeam({ ...input, options: { ...input.options, days: days(60) } });
				const used = plan.members.filter((l) => l.outings > 0);
				if (used.length < input.members.length) return;
				const minutes = used.map((l) => l.minutes);
				const s = input.members[0]!.sessionMinutes;
				// An alley longer than a session is walked whole by one member, over several outings.
				const hs = byId(input);
				const alleys = new Map<string, number>();
				for (const o of plan.outings.filter((o) => o.flag === 'alley_split')) {
					const keys = new Set(o.householdIds.map((id) => hs.get(id)!.alleyKey));
					for (const key of keys)
						if (key.startsWith('duong')) alleys.set(key, (alleys.get(key) ?? 0) + o.minutes);
				}
				const lane = Math.max(0, ...alleys.values());
				expect(Math.max(...minutes) - Math.min(...minutes)).toBeLessThanOrEqual(2 * s + lane + 40);
			}),
			runs
		);
	}, 30_000);

	it('gives the same plan for the same input', () => {
		fc.assert(
			fc.property(world, (input) => {
				expect(planTeam(input)).toEqual(planTeam(structuredClone(input)));
			}),
			{ numRuns: 20 }
		);
	});
});

describe('an unnamed area', () => {
	it('groups households with no hamlet by distance', () => {
		const near = [house(0, 0, null), house(100, 0, null)];
		const far = house(9000, 0, null);
		const plan = planTeam({
			households: [...near, far],
			hamlets: [],
			members: [{ id: 'm', sessionMinutes: 180, start: { kind: 'first' } }],
			options: options()
		});
		expect(plan.outings.map((o) => o.householdIds.length).sort()).toEqual([1, 2]);
	});
});
