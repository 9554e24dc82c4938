/** GeoJSON for the planning and route maps, built from plain data (pure). */
import type { Feature, FeatureCollection, LineString, Point, Polygon } from 'geojson';
import type { HouseholdStatus } from '../domain/routing/status.ts';
import type { LonLat } from '../domain/routing/types.ts';
import { ROUTE_COLORS } from '../map/plan-layers.ts';
import { STATUS_COLORS, STATUS_INK } from '../map/status-colors.ts';

export interface MapHousehold {
	id: string;
	lon: number | null;
	lat: number | null;
	status: HouseholdStatus;
	routeId: string | null;
}

export const emptyCollection = (): FeatureCollection => ({
	type: 'FeatureCollection',
	features: []
});

/** Located households as points with status and "on a route". */
export function householdPoints(hs: readonly MapHousehold[]): FeatureCollection<Point> {
	const features: Feature<Point>[] = [];
	for (const h of hs) {
		if (h.lon === null || h.lat === null) continue;
		features.push({
			type: 'Feature',
			id: undefined,
			properties: { id: h.id, status: h.status, planned: h.routeId !== null },
			geometry: { type: 'Point', coordinates: [h.lon, h.lat] }
		});
	}
	return { type: 'FeatureCollection', features };
}

/** The area being drawn: corners, and the ring (or line) they make so far. */
export function draftArea(points: readonly LonLat[], closed: boolean): FeatureCollection {
	const features: Feature[] = points.map((p) => ({
		type: 'Feature',
		properties: {},
		geometry: { type: 'Point', coordinates: [p[0], p[1]] }
	}));
	if (closed && points.length >= 3) {
		const ring = [...points, points[0]!].map((p) => [p[0], p[1]]);
		features.push({
			type: 'Feature',
			properties: {},
			geometry: { type: 'Polygon', coordinates: [ring] } satisfies Polygon
		});
	} else if (points.length >= 2) {
		features.push({
			type: 'Feature',
			properties: {},
			geometry: { type: 'LineString', coordinates: points.map((p) => [p[0], p[1]]) }
		});
	}
	return { type: 'FeatureCollection', features };
}

export interface MapRoute {
	/**
	 * Located stops in walking order. `seq` is the number shown: the stop's place in the whole
	 * route, 1…n (numberStops), counted before unlocated stops are left out, so the map and the
	 * list agree. With `status`, the stop is coloured by it (the shared status colours).
	 */
	stops: { lon: number; lat: number; seq: number; status?: HouseholdStatus }[];
	start: LonLat | null;
	/**
	 * The line to draw, start and stops included, along the streets (domain/streets/walk-path.ts);
	 * absent: straight from the start through the stops.
	 */
	path?: readonly LonLat[];
}

/**
 * Route lines (start → stops) and numbered stop points: one colour per route, or per status
 * where stops carry one (a single route's view). `ink` is the number's colour on the dot.
 */
export function routeFeatures(routes: readonly MapRoute[], numbered: boolean) {
	const lines: Feature<LineString>[] = [];
	const stops: Feature<Point>[] = [];
	routes.forEach((r, i) => {
		const color = ROUTE_COLORS[i % ROUTE_COLORS.length]!;
		const coords = r.path
			? r.path.map((p) => [p[0], p[1]])
			: [...(r.start ? [r.start] : []), ...r.stops.map((s) => [s.lon, s.lat])];
		if (coords.length >= 2)
			lines.push({
				type: 'Feature',
				properties: { color, route: i },
				geometry: { type: 'LineString', coordinates: coords as [number, number][] }
			});
		if (numbered)
			for (const s of r.stops)
				stops.push({
					type: 'Feature',
					properties: {
						color: s.status ? STATUS_COLORS[s.status] : color,
						ink: s.status ? STATUS_INK[s.status] : '#ffffff',
						seq: s.seq
					},
					geometry: { type: 'Point', coordinates: [s.lon, s.lat] }
				});
	});
	return {
		lines: { type: 'FeatureCollection', features: lines } as FeatureCollection,
		stops: { type: 'FeatureCollection', features: stops } as FeatureCollection
	};
}

/** [west, south, east, north] of points, or null. */
export function boundsOf(points: readonly { lon: number | null; lat: number | null }[]) {
	let w = Infinity,
		s = Infinity,
		e = -Infinity,
		n = -Infinity;
	for (const p of points) {
		if (p.lon === null || p.lat === null) continue;
		w = Math.min(w, p.lon);
		e = Math.max(e, p.lon);
		s = Math.min(s, p.lat);
		n = Math.max(n, p.lat);
	}
	return w === Infinity ? null : ([w, s, e, n] as [number, number, number, number]);
}
