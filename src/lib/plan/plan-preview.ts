/**
 * What the planning map shows of a plan before it is saved: every outing's line in its member's
 * colour, and the picked outing's numbered stops and start. Pure.
 */
import type { Outing } from '../domain/routing/team-plan-types.ts';
import type { LonLat } from '../domain/routing/types.ts';
import { routeFeatures } from './geojson.ts';
import { ROUTE_COLORS } from '../map/plan-layers.ts';

interface Located {
	lon: number | null;
	lat: number | null;
}

/**
 * Lines for all outings (coloured by member), stops numbered 1…n for the selected one.
 * @param paths each outing's line along the streets by outing key (the planning worker draws
 *   them when the commune has a street graph); an outing without one is drawn straight.
 */
export function planPreview(
	outings: readonly (Outing & { key: string })[],
	byId: ReadonlyMap<string, Located>,
	memberIds: readonly string[],
	selected: string | null,
	paths?: ReadonlyMap<string, readonly LonLat[]>
) {
	const colourOf = (o: Outing) =>
		ROUTE_COLORS[
			(o.memberId ? memberIds.indexOf(o.memberId) : memberIds.length) % ROUTE_COLORS.length
		]!;
	const routes = outings.map((o) => ({
		stops: o.householdIds.flatMap((id, i) => {
			const h = byId.get(id);
			return h?.lon != null && h.lat != null ? [{ lon: h.lon, lat: h.lat, seq: i + 1 }] : [];
		}),
		start: o.start as LonLat | null,
		path: paths?.get(o.key)
	}));
	const lines = routeFeatures(routes, false).lines;
	const pick = outings.findIndex((o) => o.key === selected);
	lines.features.forEach((f) => {
		const o = outings[(f.properties as { route: number }).route]!;
		f.properties = {
			...f.properties,
			color: colourOf(o),
			outing: o.key,
			dim: pick >= 0 && o.key !== selected
		};
	});
	const stops = pick >= 0 ? routeFeatures([routes[pick]!], true).stops : undefined;
	for (const f of stops?.features ?? [])
		f.properties = { ...f.properties, color: colourOf(outings[pick]!) };
	return { lines, stops, start: pick >= 0 ? (outings[pick]!.start as LonLat | null) : null };
}
