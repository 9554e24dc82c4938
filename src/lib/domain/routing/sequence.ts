/**
 * The whole walk of a plan before it is cut into outings, built one of two ways:
 * - cluster first: each area (hamlet) walked on its own from its cultural house, the areas in
 *   the order of a short walk through their centres;
 * - route first: one walk through every house of the selection.
 * Alleys stay whole and houses in number order either way (walk units); walk units never span
 * two areas. Which gives the shorter plans is measured in bench/team-planning.ts.
 */
import type { LegMeasure } from './street-legs.ts';
import { solveWalk } from './tsp.ts';
import { walkFromOrder, walkProblem } from './walk-order.ts';
import type { PlanMethod } from './team-plan-types.ts';
import type { LonLat, PlanHousehold } from './types.ts';
import { isAlleyWalk } from './walk-units.ts';

export interface SeqHouse {
	h: PlanHousehold;
	area: string;
	x: number;
	y: number;
}

export interface Sequence {
	/** Indices into the houses given, in walking order. */
	order: number[];
	/** Positions (into order) where each walk unit starts, 0 first. */
	unitStarts: number[];
}

/** Walks the houses (indices) from a start, units keyed by area so none spans two. */
function walkOf(
	houses: readonly SeqHouse[],
	idx: readonly number[],
	start: LonLat | null,
	legs: LegMeasure | null
) {
	const hs = idx.map((i) => {
		const { h, area } = houses[i]!;
		return { ...h, alleyKey: isAlleyWalk(h.alleyKey) ? `${area}::${h.alleyKey}` : h.alleyKey };
	});
	const p = walkProblem(hs, start, legs);
	const w = walkFromOrder(p, solveWalk(p));
	const pos = new Map(hs.map((h, k) => [h, idx[k]!]));
	return {
		order: w.houses.map((l) => pos.get(l.h)!),
		unitStarts: [0, ...w.unitStarts]
	};
}

/** Appends a walk to the sequence. */
function append(seq: Sequence, part: Sequence) {
	const at = seq.order.length;
	if (part.order.length === 0) return;
	seq.unitStarts.push(...part.unitStarts.map((u) => u + at));
	seq.order.push(...part.order);
}

/** The order of areas: a short walk through their centres, from the one farthest out. */
function areaOrder(houses: readonly SeqHouse[], byArea: Map<string, number[]>): string[] {
	const ids = [...byArea.keys()];
	if (ids.length <= 2) return ids;
	const centres = ids.map((id) => {
		const idx = byArea.get(id)!;
		let x = 0;
		let y = 0;
		for (const i of idx) {
			x += houses[i]!.h.lon!;
			y += houses[i]!.h.lat!;
		}
		return { id, lon: x / idx.length, lat: y / idx.length };
	});
	const p = walkProblem(
		centres.map((c) => ({
			id: c.id,
			lon: c.lon,
			lat: c.lat,
			alleyKey: '',
			addressKey: '',
			doNotContact: false
		})),
		null
	);
	return walkFromOrder(p, solveWalk(p)).houses.map((l) => l.h.id);
}

/**
 * The walk through the houses by the given method.
 * @param areaStart the cultural house of an area (its walk starts there), or null.
 * @param legs the commune's streets: the walk weighs near legs along them (walk-order.ts).
 */
export function buildSequence(
	houses: readonly SeqHouse[],
	method: PlanMethod,
	areaStart: (area: string) => LonLat | null,
	legs: LegMeasure | null = null
): Sequence {
	const seq: Sequence = { order: [], unitStarts: [] };
	if (houses.length === 0) return seq;
	if (method === 'route') {
		append(
			seq,
			walkOf(
				houses,
				houses.map((_, i) => i),
				null,
				legs
			)
		);
		return seq;
	}
	const byArea = new Map<string, number[]>();
	houses.forEach((h, i) => {
		const list = byArea.get(h.area);
		if (list) list.push(i);
		else byArea.set(h.area, [i]);
	});
	for (const area of areaOrder(houses, byArea))
		append(seq, walkOf(houses, byArea.get(area)!, areaStart(area), legs));
	return seq;
}
