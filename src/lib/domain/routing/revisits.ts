/**
 * Revisits due in a team's plan: households found not at home go back on the day they fall due.
 * They join the outing their area's member already has that day when the walk still fits the
 * session (and the session suits the time of day suggested); otherwise they make an outing of
 * their own on that day, or the next day someone is free.
 */
import type { Slots, TimeOfDay } from './schedule.ts';
import { placeRevisit, preferredSession } from './schedule.ts';
import { stretchOf, type Ctx } from './stretch.ts';
import type { Outing, PlanMethod, TeamHousehold, TeamMember } from './team-plan-types.ts';

export interface RevisitGroup {
	day: string;
	member: TeamMember;
	/** Indices into ctx.houses. */
	idx: number[];
	timeOfDay: TimeOfDay;
}

/** The time of day asked for by most of the group. */
function commonTime(times: readonly TimeOfDay[]): TimeOfDay {
	const count = (t: TimeOfDay) => times.filter((x) => x === t).length;
	return [...times].sort((a, b) => count(b) - count(a))[0]!;
}

/**
 * Revisits grouped by due day (an overdue one on the first day) and by the member who walks
 * their area.
 */
export function revisitGroups(ctx: Ctx, ownerOf: (area: string) => TeamMember): RevisitGroup[] {
	const first = ctx.opts.days[0] ?? '';
	const groups = new Map<string, RevisitGroup>();
	ctx.houses.forEach((house, g) => {
		const r = (house.h as TeamHousehold).revisit;
		if (!r) return;
		const day = r.dueOn < first ? first : r.dueOn;
		const member = ownerOf(house.area);
		const key = `${day}|${member.id}`;
		const group = groups.get(key) ?? { day, member, idx: [], timeOfDay: r.timeOfDay };
		group.idx.push(g);
		groups.set(key, group);
	});
	for (const g of groups.values())
		g.timeOfDay = commonTime(
			g.idx.map((i) => (ctx.houses[i]!.h as TeamHousehold).revisit!.timeOfDay)
		);
	return [...groups.values()];
}

/**
 * Adds the group to an outing that day if the walk still fits one session: its member's own
 * outings first, then another member's outing in the same hamlet.
 */
function joinOuting(
	ctx: Ctx,
	method: PlanMethod,
	slots: Slots,
	g: RevisitGroup,
	byId: ReadonlyMap<string, TeamMember>
): boolean {
	const index = new Map(ctx.houses.map((h, i) => [h.h.id, i]));
	const want = preferredSession(slots, g.timeOfDay);
	const areas = new Set(g.idx.map((i) => ctx.houses[i]!.area));
	for (const o of slots.onDay(g.day, g.member.id)) {
		if (want && o.session !== want) continue;
		if (o.memberId !== g.member.id && !o.areaIds.some((a) => areas.has(a))) continue;
		const walker = byId.get(o.memberId!) ?? g.member;
		const idx = [...o.householdIds.map((id) => index.get(id)!), ...g.idx];
		const s = stretchOf(ctx, idx, method);
		const pieces = s.cut(walker, 0, s.order.length);
		if (pieces.length !== 1 || pieces[0]!.flag !== null) continue;
		const { memberId, day, session } = o;
		Object.assign(o, pieces[0]!, { memberId, day, session });
		return true;
	}
	return false;
}

/**
 * Places every revisit group: into a same-day outing of its member, else as outings of its own.
 * @returns the outings made of revisits alone, and how many of them found no slot.
 */
export function placeRevisits(
	ctx: Ctx,
	method: PlanMethod,
	slots: Slots,
	groups: readonly RevisitGroup[],
	members: readonly TeamMember[]
): { outings: Outing[]; unscheduled: number } {
	const byId = new Map(members.map((m) => [m.id, m]));
	const outings: Outing[] = [];
	let unscheduled = 0;
	for (const g of [...groups].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0))) {
		if (joinOuting(ctx, method, slots, g, byId)) continue;
		const s = stretchOf(ctx, g.idx, method);
		for (const o of s.cut(g.member, 0, s.order.length)) {
			outings.push(o);
			if (!placeRevisit(slots, o, g.day, g.timeOfDay)) {
				Object.assign(o, { memberId: null, day: null, session: null });
				unscheduled++;
			}
		}
	}
	return { outings, unscheduled };
}
