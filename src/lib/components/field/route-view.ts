/**
 * What the field route page shows, from the saved pack and the device's outbox: stops numbered
 * 1…n with their status colour key and whether they are done on this route, the one progress
 * figure, the next house and the way to it. Pure glue over the domain rules.
 */
import type { PackStop, RoutePack } from '$lib/offline/field/saved-route-types';
import type { OutboxVisit } from '$lib/offline/field/db';
import {
	householdStatus,
	type HouseholdStatus,
	type KnownVisit
} from '$lib/domain/field/household-status';
import {
	nextStopIndex,
	routeProgress,
	type OnRouteVisit,
	type RouteProgress
} from '$lib/domain/routing/progress';
import { numberStops } from '$lib/domain/routing/stop-numbers';
import { legBetween, type Leg } from '$lib/domain/field/wayfinding';
import type { MemberFix } from '$lib/domain/field/geolocation';

/** A stop as the page shows it. */
export interface FieldStop extends PackStop {
	/** Its number in walking order, 1…n (list and map). */
	n: number;
	/** Latest visit anywhere (server or device): the colour. */
	status: HouseholdStatus;
	/** That latest visit is still only on the device. */
	unsynced: boolean;
	/** Latest visit on this route, or null: not done here. */
	onRoute: OnRouteVisit | null;
	/** Met on another route, not yet visited on this one. */
	metElsewhere: boolean;
}

export interface FieldRouteView {
	stops: FieldStop[];
	progress: Pick<RouteProgress, 'done' | 'total'>;
	/** Index of the next house in `stops`, -1 when none is left. */
	next: number;
}

/** The device's visits per household, as status inputs. */
function knownByHousehold(local: readonly OutboxVisit[]): Map<string, KnownVisit[]> {
	const out = new Map<string, KnownVisit[]>();
	for (const v of local) {
		const list = out.get(v.payload.householdId) ?? [];
		list.push({
			id: v.id,
			visitedAt: v.payload.visitedAt,
			outcome: v.payload.outcome,
			pending: v.state === 'pending'
		});
		out.set(v.payload.householdId, list);
	}
	return out;
}

/** The page's view of a route pack and the outbox. */
export function fieldRouteView(pack: RoutePack, local: readonly OutboxVisit[]): FieldRouteView {
	const known = knownByHousehold(local);
	const progress = routeProgress(
		pack.route.id,
		pack.stops,
		local.map((v) => ({
			householdId: v.payload.householdId,
			routeId: v.payload.routeId,
			outcome: v.payload.outcome,
			visitedAt: v.payload.visitedAt,
			state: v.state
		}))
	);
	const stops = numberStops(pack.stops).map((s): FieldStop => {
		const server: KnownVisit | null =
			s.lastOutcome && s.lastVisitAt !== null
				? { id: '', visitedAt: s.lastVisitAt, outcome: s.lastOutcome }
				: null;
		const st = householdStatus(server, known.get(s.householdId) ?? []);
		const p = progress.stops[s.householdId];
		return {
			...s,
			status: st.status,
			unsynced: st.unsynced,
			onRoute: p?.onRoute ?? null,
			metElsewhere: p?.metElsewhere ?? false
		};
	});
	return {
		stops,
		progress: { done: progress.done, total: progress.total },
		next: nextStopIndex(pack.stops, progress)
	};
}

/** The way to the next house: from the member, or from the previous located house. */
export interface NextLeg {
	leg: Leg;
	from: 'you' | 'previous';
	/** The previous house's number, when measured from it. */
	fromN: number | null;
}

const located = (s: { lon: number | null; lat: number | null }) => s.lon !== null && s.lat !== null;

/** How far and which way the next house is, or null when it (or any origin) has no point. */
export function nextLeg(
	stops: readonly FieldStop[],
	next: number,
	you: MemberFix | null
): NextLeg | null {
	const target = stops[next];
	if (!target || !located(target)) return null;
	const to: [number, number] = [target.lon!, target.lat!];
	if (you) return { leg: legBetween([you.lon, you.lat], to), from: 'you', fromN: null };
	const prev = stops.slice(0, next).findLast(located);
	if (!prev) return null;
	return { leg: legBetween([prev.lon!, prev.lat!], to), from: 'previous', fromN: prev.n };
}
