/**
 * The number a member sees on a stop, in the list and on the map alike: its place in walking
 * order, 1…n. `route_stops.seq` is only a sort key: it may start at 0 or 1, and it has gaps
 * once a cancelled route keeps some of its stops, so it is never shown. Pure.
 */

/** The stops (already in walking order) with their number `n`, 1…n. */
export function numberStops<T extends object>(stops: readonly T[]): (T & { n: number })[] {
	return stops.map((s, i) => ({ ...s, n: i + 1 }));
}
