/**
 * A stretch of a plan's walk and what it costs: the houses projected with their areas, where a
 * member's outing starts (cultural house, home, first house), the walls between hamlets that
 * are not neighbours, and the cut of a stretch into outings for one member (optimal-split.ts,
 * priced by walk-costs.ts).
 */
import { pairKey } from './areas.ts';
import { optimalSplit } from './optimal-split.ts';
import { buildSequence, type SeqHouse } from './sequence.ts';
import type { LegMeasure } from './street-legs.ts';
import type { TravelModel } from './travel.ts';
import { DETOUR_FACTOR, type LonLat, type SkipReason } from './types.ts';
import { WalkCosts } from './walk-costs.ts';
import type { StartKind } from './outing-kinds.ts';
import type {
	Outing,
	PlanMethod,
	TeamHousehold,
	TeamMember,
	TeamPlanOptions
} from './team-plan-types.ts';

export interface Point {
	x: number;
	y: number;
	lonLat: LonLat;
}

/** What every step shares: the projected houses, their areas, starts and the travel model. */
export interface Ctx {
	opts: TeamPlanOptions;
	model: TravelModel;
	kept: TeamHousehold[];
	houses: SeqHouse[];
	areaPoint: Map<string, Point>;
	neighbours: Set<string>;
	homes: Map<string, Point>;
	/** Legs along the streets (a street graph given), else null: straight lines × detour. */
	legs: LegMeasure | null;
	skipped: { id: string; reason: SkipReason }[];
}

/** Where member m's outing starting at house g starts, and how far that is. */
export function startFor(
	ctx: Ctx,
	m: TeamMember,
	g: number
): { at: Point | null; kind: StartKind } {
	if (m.start.kind === 'home') return { at: ctx.homes.get(m.id) ?? null, kind: 'home' };
	if (m.start.kind === 'first') return { at: null, kind: 'first' };
	const at = ctx.areaPoint.get(ctx.houses[g]!.area) ?? null;
	return { at, kind: at ? 'hamlet' : 'first' };
}

const lonLatOf = (h: SeqHouse): LonLat => [h.h.lon!, h.h.lat!];

/** From the start to house g: straight-line metres, or along the streets ÷ detour (walk-costs.ts). */
function reachM(ctx: Ctx, at: Point | null, g: number): number {
	if (!at) return 0;
	const h = ctx.houses[g]!;
	if (ctx.legs) return ctx.legs.metres(at.lonLat, lonLatOf(h)) / DETOUR_FACTOR;
	return Math.hypot(at.x - h.x, at.y - h.y);
}

/** A walk (indices into ctx.houses) with its prices, unit starts and walls between areas. */
export class Stretch {
	readonly ctx: Ctx;
	readonly order: number[];
	readonly unitStarts: number[];
	readonly costs: WalkCosts;
	readonly walls = new Set<number>();
	constructor(ctx: Ctx, order: number[], unitStarts: number[]) {
		this.ctx = ctx;
		this.order = order;
		this.unitStarts = unitStarts;
		const hs = order.map((g) => ctx.houses[g]!);
		const legs = ctx.legs;
		this.costs = new WalkCosts(
			hs.map((h) => h.x),
			hs.map((h) => h.y),
			ctx.model,
			ctx.opts.minutesPerHouse,
			legs ? (i, j) => legs.metres(lonLatOf(hs[i]!), lonLatOf(hs[j]!)) : undefined
		);
		for (let k = 1; k < hs.length; k++) {
			const [a, b] = [hs[k - 1]!.area, hs[k]!.area];
			if (a !== b && !ctx.neighbours.has(pairKey(a, b))) this.walls.add(k);
		}
	}
	area(k: number) {
		return this.ctx.houses[this.order[k]!]!.area;
	}

	/** Outings of member m over positions [t0, t1), cut optimally for the walk's order. */
	cut(m: TeamMember, t0: number, t1: number): Outing[] {
		const shift = (ps: Iterable<number>) =>
			[...ps].filter((p) => p >= t0 && p < t1).map((p) => p - t0);
		const pieces = optimalSplit({
			count: t1 - t0,
			unitStarts: [0, ...shift(this.unitStarts).filter((p) => p > 0)],
			walls: new Set(shift(this.walls)),
			minutes: (a, b) => {
				const g = this.order[t0 + a]!;
				return this.costs.minutes(t0 + a, t0 + b, reachM(this.ctx, startFor(this.ctx, m, g).at, g));
			},
			bound: (a, b) => this.costs.bound(t0 + a, t0 + b),
			limit: m.sessionMinutes,
			minutesPerHouse: this.ctx.opts.minutesPerHouse
		});
		return pieces.map((p) => this.outing(m, t0 + p.a, t0 + p.b, p.flag));
	}

	private outing(m: TeamMember, a: number, b: number, flag: Outing['flag']): Outing {
		const g = this.order[a]!;
		const start = startFor(this.ctx, m, g);
		const c = this.costs.cost(a, b, reachM(this.ctx, start.at, g));
		const hs = this.order.slice(a, b).map((i) => this.ctx.houses[i]!.h as TeamHousehold);
		return {
			memberId: m.id || null,
			day: null,
			session: null,
			householdIds: hs.map((h) => h.id),
			start: start.at?.lonLat ?? null,
			startKind: start.kind,
			distanceM: Math.round(c.distanceM),
			travelMinutes: Math.round(c.travelMinutes),
			minutes: Math.round(c.minutes),
			sessionMinutes: m.sessionMinutes,
			areaIds: [...new Set(this.order.slice(a, b).map((i) => this.ctx.houses[i]!.area))],
			flag,
			revisitIds: hs.filter((h) => h.revisit !== null).map((h) => h.id),
			priority: hs.filter((h) => h.priority).length
		};
	}
}

/** The walk through houses `idx` (indices into ctx.houses), built by `method`. */
export function stretchOf(ctx: Ctx, idx: readonly number[], method: PlanMethod): Stretch {
	const sub = idx.map((g) => ctx.houses[g]!);
	const seq = buildSequence(
		sub,
		method,
		(area) => ctx.areaPoint.get(area)?.lonLat ?? null,
		ctx.legs
	);
	return new Stretch(
		ctx,
		seq.order.map((k) => idx[k]!),
		seq.unitStarts
	);
}
