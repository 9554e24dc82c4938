/**
 * The planned outings' lines along the streets (pure; the planning worker draws them beside the
 * plan, so the page's main thread searches nothing): from the start through the located
 * houses, each leg along the streets the travel mode may use, straight where it falls back.
 */
import type { Outing } from '../domain/routing/team-plan-types.ts';
import type { LonLat } from '../domain/routing/types.ts';
import { pathAlong } from '../domain/streets/walk-path.ts';
import type { StreetGraph, TravelMode } from '../domain/streets/types.ts';

/** One line per outing, in the outings' order. */
export function outingPaths(
	outings: readonly Outing[],
	households: readonly { id: string; lon: number | null; lat: number | null }[],
	graph: StreetGraph,
	mode: TravelMode
): LonLat[][] {
	const at = new Map<string, LonLat>();
	for (const h of households) if (h.lon !== null && h.lat !== null) at.set(h.id, [h.lon, h.lat]);
	const along = pathAlong(graph, mode)!;
	return outings.map((o) =>
		along([
			...(o.start ? [o.start] : []),
			...o.householdIds.flatMap((id) => {
				const p = at.get(id);
				return p ? [p] : [];
			})
		])
	);
}
