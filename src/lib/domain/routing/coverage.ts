/**
 * The coverage guarantee: every selected household on exactly one route, none on two (unless
 * a stop is an explicit revisit), and the "gaps" of a commune: households on no route.
 */

export interface StopRef {
	routeId: string;
	householdId: string;
	revisit: boolean;
}

export interface CoverageReport {
	/** Selected households on no route. */
	missing: string[];
	/** Households on two or more routes without being an explicit revisit. */
	duplicated: string[];
}

/** Checks routes (planned or stored) against the households they must cover. */
export function checkCoverage(
	selected: readonly string[],
	stops: readonly StopRef[]
): CoverageReport {
	const count = new Map<string, number>();
	for (const s of stops)
		if (!s.revisit) count.set(s.householdId, (count.get(s.householdId) ?? 0) + 1);
	return {
		missing: selected.filter((id) => !count.has(id)),
		duplicated: [...count].filter(([, n]) => n > 1).map(([id]) => id)
	};
}

/** Households of an area on no route (the gaps), in the order given. */
export function gapsOf(households: readonly string[], onRoute: ReadonlySet<string>): string[] {
	return households.filter((id) => !onRoute.has(id));
}
