/**
 * Legs measured along the streets, for the planner's prices (walk-costs.ts): where the commune
 * has a street graph (domain/streets), the metres between two houses — or from a cultural house
 * to a house — follow the streets; where either point stands off the network, or the two are on
 * islands the streets do not join, the leg falls back to the straight line × DETOUR_FACTOR, as
 * without a graph.
 *
 * Which streets: a leg short enough to walk (travel.ts: up to rideAboveM × detour) is measured
 * on foot — a member who rides walks between nearby houses, up narrow alleys and footpaths too;
 * a longer leg is measured along the streets the vehicle may use (a motorbike: no footpaths, no
 * alleys under 2 m), or on foot where those do not reach both ends (ride near, walk the rest).
 *
 * The planner asks for legs between neighbours of its walk and from each start to the first
 * house of each candidate outing — a few per house, never all pairs — so each leg is one A*
 * search (streets/search.ts), answered once and remembered (snaps too) for the plan's life.
 */
import { modeComponents } from '../streets/components.ts';
import { streetSearch } from '../streets/search.ts';
import { DEFAULT_SNAP_MAX_M, snapToStreets } from '../streets/snap.ts';
import type { StreetGraph, StreetSnap, TravelMode } from '../streets/types.ts';
import { haversineM } from './geometry.ts';
import type { TravelModel } from './travel.ts';
import { DETOUR_FACTOR, type LonLat } from './types.ts';

export interface LegMeasure {
	/** Metres from a to b as the member goes: along the streets, else straight × detour. */
	metres(a: LonLat, b: LonLat): number;
	/** True when p stands farther than the snap distance from every street (on foot). */
	offNetwork(p: LonLat): boolean;
	/** Legs measured so far that fell back to the straight line × detour. */
	readonly fallbacks: number;
}

const keyOf = (p: LonLat) => `${p[0]},${p[1]}`;

/** Metres along the streets `mode` may use between two points, or null (snaps memoised). */
function measurer(graph: StreetGraph, mode: TravelMode, maxSnapM: number) {
	const snaps = new Map<string, StreetSnap | null>();
	const island = modeComponents(graph, mode);
	const search = streetSearch(graph, mode);
	const snapOf = (p: LonLat) => {
		const k = keyOf(p);
		let s = snaps.get(k);
		if (s === undefined) snaps.set(k, (s = snapToStreets(graph, p, mode, maxSnapM)));
		return s;
	};
	const along = (a: LonLat, b: LonLat): number | null => {
		const [sa, sb] = [snapOf(a), snapOf(b)];
		if (!sa || !sb) return null;
		if (island[graph.edgeFrom[sa.edge]!] !== island[graph.edgeFrom[sb.edge]!]) return null;
		const { alongM } = search.toward(sa, sb);
		return alongM === Infinity ? null : sa.distanceM + alongM + sb.distanceM;
	};
	return { snapOf, along };
}

/**
 * Legs along the streets of `graph` for a travel model (memoised; deterministic).
 * @param maxSnapM how far a point may stand from a street and still be on the network.
 */
export function streetLegs(
	graph: StreetGraph,
	model: Pick<TravelModel, 'mode' | 'rideAboveM'>,
	maxSnapM = DEFAULT_SNAP_MAX_M
): LegMeasure {
	const legs = new Map<string, number>();
	const walk = measurer(graph, 'foot', maxSnapM);
	const ride = model.mode === 'foot' ? null : measurer(graph, model.mode, maxSnapM);
	const walkedUpToM = model.rideAboveM * DETOUR_FACTOR;
	let fallbacks = 0;
	const along = (a: LonLat, b: LonLat): number | null => {
		const onFoot = walk.along(a, b);
		if (!ride || (onFoot !== null && onFoot <= walkedUpToM)) return onFoot;
		return ride.along(a, b) ?? onFoot;
	};
	return {
		metres(a, b) {
			if (a[0] === b[0] && a[1] === b[1]) return 0;
			// Streets are two-way: one search answers both directions.
			const [ka, kb] = [keyOf(a), keyOf(b)];
			const k = ka < kb ? `${ka}|${kb}` : `${kb}|${ka}`;
			let m = legs.get(k);
			if (m === undefined) {
				const [p, q] = ka < kb ? [a, b] : [b, a];
				const streets = along(p, q);
				if (streets === null) fallbacks++;
				legs.set(k, (m = streets ?? haversineM(p, q) * DETOUR_FACTOR));
			}
			return m;
		},
		offNetwork: (p) => walk.snapOf(p) === null,
		get fallbacks() {
			return fallbacks;
		}
	};
}
