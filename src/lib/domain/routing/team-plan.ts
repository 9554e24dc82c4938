/**
 * A team's plan over days: the selected households become outings — one member, one day, one
 * session — that each fit the member's session (or say why nothing can), keep to one hamlet or
 * neighbouring ones, start at the member's chosen start, spread the work evenly over members
 * and days, put revisits on the day they fall due and priority households first, and keep
 * alleys whole with houses in number order. Pure: runs in the planning Web Worker and in Node.
 *
 * Steps: the walk through every house (sequence.ts, cluster first or route first); a stretch of
 * it per member (territories.ts); each stretch cut into outings, optimally for its order
 * (optimal-split.ts, priced by walk-costs.ts with the travel mode); outings on the calendar
 * (schedule.ts). Both ways of building the walk are tried and the better plan kept.
 */
import { areasOf, neighbourPairs, NEIGHBOUR_GAP_M } from './areas.ts';
import { projectionAround } from './geometry.ts';
import { loads, placeFresh, Slots } from './schedule.ts';
import { placeRevisits, revisitGroups } from './revisits.ts';
import { stretchOf, type Ctx, type Point, type Stretch } from './stretch.ts';
import { streetLegs } from './street-legs.ts';
import type { StreetGraph } from '../streets/types.ts';
import { territories } from './territories.ts';
import { travelModel } from './travel.ts';
import type { LonLat } from './types.ts';
import {
	DEFAULT_SESSION_MINUTES,
	type Outing,
	type PlanMethod,
	type TeamHamlet,
	type TeamHousehold,
	type TeamMember,
	type TeamPlan,
	type TeamPlanOptions
} from './team-plan-types.ts';

export interface TeamPlanInput {
	households: readonly TeamHousehold[];
	hamlets: readonly TeamHamlet[];
	members: readonly TeamMember[];
	options: TeamPlanOptions;
	/**
	 * The commune's streets (domain/streets): outings are priced along the streets (street-legs.ts:
	 * walked legs on foot, ridden ones where the vehicle may go); without a graph, or for a house
	 * off the network, straight lines × detour.
	 */
	streets?: StreetGraph | null;
}

/** A member with nobody to walk: outings cut to the default session, left unscheduled. */
const NOBODY: TeamMember = {
	id: '',
	sessionMinutes: DEFAULT_SESSION_MINUTES,
	start: { kind: 'hamlet' }
};

/** Households to plan, and the others with the reason they are left out. */
function partition(input: TeamPlanInput) {
	const skipped: Ctx['skipped'] = [];
	const kept: TeamHousehold[] = [];
	const last = input.options.days[input.options.days.length - 1] ?? '';
	for (const h of input.households) {
		if (h.doNotContact) skipped.push({ id: h.id, reason: 'do_not_contact' });
		else if (h.lon === null || h.lat === null) skipped.push({ id: h.id, reason: 'no_location' });
		else if (h.revisit && h.revisit.dueOn > last) skipped.push({ id: h.id, reason: 'due_later' });
		else kept.push(h);
	}
	return { kept, skipped };
}

function prepare(input: TeamPlanInput): Ctx {
	const { options: opts } = input;
	const { kept, skipped } = partition(input);
	const cultural = input.hamlets.flatMap((h) =>
		h.lon !== null && h.lat !== null ? [{ id: h.id, lonLat: [h.lon, h.lat] as LonLat }] : []
	);
	const homes = input.members.flatMap((m) =>
		m.start.kind === 'home' ? [{ id: m.id, lonLat: m.start.at }] : []
	);
	const proj = projectionAround([
		...kept.map((h): LonLat => [h.lon!, h.lat!]),
		...cultural.map((c) => c.lonLat),
		...homes.map((c) => c.lonLat)
	]);
	const point = (lonLat: LonLat): Point => ({ x: proj.x(lonLat[0]), y: proj.y(lonLat[1]), lonLat });
	const xy = kept.map((h) => ({ hamletId: h.hamletId, x: proj.x(h.lon!), y: proj.y(h.lat!) }));
	const areaOf = areasOf(xy, new Set(input.hamlets.map((h) => h.id)));
	const model = travelModel(opts.travelMode, opts.walkMPerMin);
	return {
		opts,
		model,
		kept,
		houses: kept.map((h, i) => ({ h, area: areaOf[i]!, x: xy[i]!.x, y: xy[i]!.y })),
		areaPoint: new Map(cultural.map((c) => [c.id, point(c.lonLat)])),
		neighbours: neighbourPairs(xy, areaOf, NEIGHBOUR_GAP_M[opts.travelMode]),
		homes: new Map(homes.map((c) => [c.id, point(c.lonLat)])),
		legs: input.streets ? streetLegs(input.streets, model) : null,
		skipped
	};
}

/**
 * Who gets which share of the walk, in whole sessions: the sessions the walk needs (cut at the
 * longest session) go one by one to the member with the fewest so far (the longer session first
 * on a tie) — so every member walks about as many sessions, a shorter session carries less
 * work, outings stay full, and nobody is given part of a session to walk half empty. Members
 * left without a session get nothing.
 */
function sessionShares(s: Stretch, members: readonly TeamMember[]) {
	if (members.length === 0) return { used: [NOBODY], shares: [1] };
	const longest = members.reduce((a, b) => (b.sessionMinutes > a.sessionMinutes ? b : a));
	const needed = s.cut(longest, 0, s.order.length).length;
	const count = members.map(() => 0);
	const given = members.map(() => 0);
	for (let k = 0; k < needed; k++) {
		let pick = 0;
		for (let i = 1; i < members.length; i++) {
			const [a, b] = [members[i]!, members[pick]!];
			if (
				count[i]! < count[pick]! ||
				(count[i] === count[pick] && a.sessionMinutes > b.sessionMinutes)
			)
				pick = i;
		}
		count[pick]!++;
		given[pick]! += members[pick]!.sessionMinutes;
	}
	const used = members.filter((_, i) => given[i]! > 0);
	return { used, shares: given.filter((g) => g > 0) };
}

/** The fresh households' outings: a stretch of the walk per member, each cut into outings. */
function freshOutings(ctx: Ctx, s: Stretch, members: readonly TeamMember[]) {
	const owner = new Map<string, Map<string, number>>();
	if (s.order.length === 0) return { outings: [] as Outing[], owner };
	const { used, shares } = sessionShares(s, members);
	const parts = territories({
		count: s.order.length,
		unitStarts: [...new Set([...s.unitStarts, ...s.walls])].sort((a, b) => a - b),
		areaEdge: (k) => s.area(k - 1) !== s.area(k),
		work: (a, b) => (b > a ? s.costs.bound(a, b) : 0),
		shares
	});
	const outings: Outing[] = [];
	parts.forEach(([t0, t1], i) => {
		if (t1 <= t0) return;
		outings.push(...s.cut(used[i]!, t0, t1));
		for (let k = t0; k < t1; k++) {
			const tally = owner.get(s.area(k)) ?? new Map<string, number>();
			tally.set(used[i]!.id, (tally.get(used[i]!.id) ?? 0) + 1);
			owner.set(s.area(k), tally);
		}
	});
	return { outings, owner };
}

/** The member who walks most of an area, else the first member. */
function ownerOf(
	owner: Map<string, Map<string, number>>,
	area: string,
	members: readonly TeamMember[]
) {
	const tally = [...(owner.get(area) ?? new Map<string, number>())].sort((a, b) => b[1] - a[1]);
	const id = tally[0]?.[0];
	return members.find((m) => m.id === id) ?? members[0] ?? NOBODY;
}

/** The whole plan with one way of building the walk. */
function planWith(ctx: Ctx, members: readonly TeamMember[], method: PlanMethod): TeamPlan {
	const fresh = ctx.houses.flatMap((h, g) => ((h.h as TeamHousehold).revisit ? [] : [g]));
	const { outings, owner } = freshOutings(ctx, stretchOf(ctx, fresh, method), members);
	const slots = new Slots({ ...ctx.opts, memberIds: members.map((m) => m.id) });
	let unscheduled = placeFresh(slots, outings);
	const groups = revisitGroups(ctx, (area) => ownerOf(owner, area, members));
	const revisits = placeRevisits(ctx, method, slots, groups, members);
	unscheduled += revisits.unscheduled;
	const all = [...outings, ...revisits.outings];
	return {
		outings: all,
		skipped: ctx.skipped,
		members: loads(
			all,
			members.map((m) => m.id),
			(o) => o.memberId
		),
		days: loads(all, ctx.opts.days, (o) => o.day),
		unscheduled,
		method,
		offNetwork: ctx.legs
			? ctx.kept.filter((h) => ctx.legs!.offNetwork([h.lon!, h.lat!])).map((h) => h.id)
			: []
	};
}

/** Flagged, unscheduled, outings, minutes: the smaller the better, in that order. */
function score(p: TeamPlan): number[] {
	return [
		p.outings.filter((o) => o.flag === 'too_far' || o.flag === 'session_too_short').length,
		p.unscheduled,
		p.outings.length,
		p.outings.reduce((t, o) => t + o.minutes, 0)
	];
}

/**
 * Plans the team's outings over the period.
 * @returns outings (every kept household on exactly one), the skipped households with the
 *   reason, the work per member and per day, and how many outings found no slot.
 */
export function planTeam(input: TeamPlanInput): TeamPlan {
	const ctx = prepare(input);
	const methods: PlanMethod[] = input.options.method
		? [input.options.method]
		: ['cluster', 'route'];
	const plans = methods.map((m) => planWith(ctx, input.members, m));
	return plans.reduce((best, p) => {
		const [a, b] = [score(p), score(best)];
		const i = a.findIndex((v, k) => v !== b[k]);
		return i >= 0 && a[i]! < b[i]! ? p : best;
	});
}
