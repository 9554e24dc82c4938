/**
 * A route's progress, written once. "Visits on this route" are the route's households with at
 * least one visit recorded on this very route: the server's (visits.route_id) and, on the
 * device, the outbox's visits carrying that routeId. The leader's route list and `/tuyen/<id>`
 * count the same on the server (routes.ts LIST_SELECT `visited`), so every view shows one
 * figure. A household met on another route is told apart ("met elsewhere") but is not done for
 * this route. Pure.
 */
import type { VisitOutcome } from '../choices.ts';

/** The latest visit recorded on the route for one household. */
export interface OnRouteVisit {
	outcome: VisitOutcome;
	visitedAt: number;
}

/** What the server knows of a stop's visits (the field pack carries it per stop). */
export interface StopVisitFacts {
	householdId: string;
	doNotContact: boolean;
	/** Latest visit on this route; null, or absent in packs saved before it existed. */
	visitedOnRoute?: OnRouteVisit | null;
	/** Someone was met at this household on another route (or on no route). */
	metElsewhere?: boolean;
}

/** A visit held in the device's outbox, in any state. */
export interface DeviceVisitFact {
	householdId: string;
	routeId: string | null;
	outcome: VisitOutcome;
	visitedAt: number;
	/** The outbox state (pending, synced, conflict, rejected, invalid). */
	state: string;
}

/**
 * Outbox states whose visits count: waiting to be sent, sent, or stored on the server under
 * the same id with another payload. Visits the server refused (rejected, invalid) do not.
 */
export const COUNTED_DEVICE_STATES: readonly string[] = ['pending', 'synced', 'conflict'];

/** One stop as the progress sees it. */
export interface StopProgress {
	/** Latest visit on this route (server or device), or null: not done for this route. */
	onRoute: OnRouteVisit | null;
	/** Met on another route, and not yet visited on this one. */
	metElsewhere: boolean;
}

export interface RouteProgress {
	/** Stops with at least one visit on this route. */
	done: number;
	/** Every stop of the route. */
	total: number;
	/** Per household id. */
	stops: Record<string, StopProgress>;
}

const later = (a: OnRouteVisit | null | undefined, b: OnRouteVisit | null | undefined) =>
	!a ? (b ?? null) : !b ? a : b.visitedAt > a.visitedAt ? b : a;

/** Progress of route `routeId` from its stops' server facts and the device's own visits. */
export function routeProgress(
	routeId: string,
	stops: readonly StopVisitFacts[],
	device: readonly DeviceVisitFact[]
): RouteProgress {
	const onRoute = new Map<string, OnRouteVisit>();
	const metHere = new Set<string>();
	for (const v of device) {
		if (!COUNTED_DEVICE_STATES.includes(v.state)) continue;
		if (v.routeId === routeId)
			onRoute.set(v.householdId, later(onRoute.get(v.householdId), v) as OnRouteVisit);
		else if (v.outcome === 'met') metHere.add(v.householdId);
	}
	const out: RouteProgress = { done: 0, total: stops.length, stops: {} };
	for (const s of stops) {
		const visit = later(s.visitedOnRoute, onRoute.get(s.householdId));
		if (visit) out.done++;
		out.stops[s.householdId] = {
			onRoute: visit ? { outcome: visit.outcome, visitedAt: visit.visitedAt } : null,
			metElsewhere: !visit && (s.metElsewhere === true || metHere.has(s.householdId))
		};
	}
	return out;
}

/**
 * The next house to walk to: the first stop in walking order not yet visited on this route
 * and not do-not-contact. @returns its index in `stops`, or -1 when every house is done.
 */
export function nextStopIndex(
	stops: readonly { householdId: string; doNotContact: boolean }[],
	progress: RouteProgress
): number {
	return stops.findIndex((s) => !s.doNotContact && !progress.stops[s.householdId]?.onRoute);
}

/** A stored visit of one of a route's households, as the server reads it. */
export interface StoredVisit {
	id: string;
	householdId: string;
	routeId: string | null;
	outcome: VisitOutcome;
	visitedAt: number;
}

/**
 * The server's side of the facts: per household, the latest visit on `routeId` and whether
 * someone was met on another route (what the field pack carries per stop).
 */
export function routeVisitFacts(
	routeId: string,
	visits: readonly StoredVisit[]
): Map<string, { visitedOnRoute: OnRouteVisit | null; metElsewhere: boolean }> {
	const out = new Map<string, { visitedOnRoute: OnRouteVisit | null; metElsewhere: boolean }>();
	for (const v of visits) {
		const f = out.get(v.householdId) ?? { visitedOnRoute: null, metElsewhere: false };
		if (v.routeId === routeId) {
			const next = later(f.visitedOnRoute, v);
			f.visitedOnRoute = next && { outcome: next.outcome, visitedAt: next.visitedAt };
		} else if (v.outcome === 'met') f.metElsewhere = true;
		out.set(v.householdId, f);
	}
	return out;
}
