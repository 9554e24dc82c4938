import type { LineString } from 'geojson';
import { describe, expect, it } from 'vitest';
import { M_PER_DEG } from '../../src/lib/domain/routing/geometry.ts';
import type { Outing } from '../../src/lib/domain/routing/team-plan-types.ts';
import type { LonLat } from '../../src/lib/domain/routing/types.ts';
import { buildStreetGraph } from '../../src/lib/domain/streets/build.ts';
import { pathAlong } from '../../src/lib/domain/streets/walk-path.ts';
import { routeGeojson, walkingPath, type MapStop } from '../../src/lib/map/route-style.ts';
import { routeFeatures } from '../../src/lib/plan/geojson.ts';
import { outingPaths } from '../../src/lib/plan/plan-paths.ts';
import { planPreview } from '../../src/lib/plan/plan-preview.ts';

const LON0 = 105.8;
const LAT0 = 21.0;
const M_LON = M_PER_DEG * Math.cos((LAT0 * Math.PI) / 180);
const at = (x: number, y: number): LonLat => [LON0 + x / M_LON, LAT0 + y / M_PER_DEG];
const metres = ([lon, lat]: number[]) => [
	Math.round((lon! - LON0) * M_LON),
	Math.round((lat! - LAT0) * M_PER_DEG)
];

/** A U of streets: (0,50) down to (0,0), east to (200,0), up to (200,50). */
const graph = buildStreetGraph([
	{ kind: 'street', coords: [at(0, 50), at(0, 0), at(200, 0), at(200, 50)] }
]);
const houses = [
	{ id: 'w', lon: at(5, 50)[0], lat: at(5, 50)[1] },
	{ id: 'e', lon: at(195, 50)[0], lat: at(195, 50)[1] },
	{ id: 'x', lon: null, lat: null }
];
const ROUND_THE_U = [
	[5, 50],
	[0, 50],
	[0, 0],
	[200, 0],
	[200, 50],
	[195, 50]
];

const outing = (ids: string[], start: LonLat | null = null): Outing => ({
	...{ memberId: 'm1', day: null, session: null, householdIds: ids, start, startKind: 'first' },
	...{ distanceM: 0, travelMinutes: 0, minutes: 0, sessionMinutes: 180, areaIds: [] },
	...{ flag: null, revisitIds: [], priority: 0 }
});

const lineOf = (fc: { features: { geometry: unknown }[] }) =>
	(fc.features[0]!.geometry as LineString).coordinates.map(metres);

describe('outing lines along the streets', () => {
	it('draws each outing from its start through its located houses along the streets', () => {
		const [a, b] = outingPaths(
			[outing(['w', 'x', 'e']), outing(['e'], at(195, 50))],
			houses,
			graph,
			'foot'
		);
		expect(a!.map(metres)).toEqual(ROUND_THE_U);
		expect(b!.map(metres)).toEqual([[195, 50]]);
	});

	it('puts the outing’s line on the planning map, straight for an outing without one', () => {
		const outings = [outing(['w', 'e']), outing(['e', 'w'])].map((o, i) => ({
			...o,
			key: `o${i + 1}`
		}));
		const byId = new Map(houses.map((h) => [h.id, h]));
		const paths = new Map([['o1', outingPaths([outings[0]!], houses, graph, 'foot')[0]!]]);
		const { lines } = planPreview(outings, byId, ['m1'], null, paths);
		expect(lineOf({ features: [lines.features[0]!] })).toEqual(ROUND_THE_U);
		expect(lineOf({ features: [lines.features[1]!] })).toEqual([
			[195, 50],
			[5, 50]
		]);
	});

	it('draws a route page’s line along its path, else straight from the start', () => {
		const stops = [{ lon: at(5, 50)[0], lat: at(5, 50)[1], seq: 1 }];
		const start = at(5, 60);
		expect(lineOf(routeFeatures([{ stops, start }], true).lines)).toEqual([
			[5, 60],
			[5, 50]
		]);
		const path = [start, at(0, 50), at(5, 50)];
		expect(lineOf(routeFeatures([{ stops, start, path }], true).lines)).toEqual([
			[5, 60],
			[0, 50],
			[5, 50]
		]);
	});

	it('draws the field map’s walking line along the streets when the graph is at hand', () => {
		const stops: MapStop[] = [
			{ householdId: 'w', n: 1, lon: at(5, 50)[0], lat: at(5, 50)[1] },
			{ householdId: 'x', n: 2, lon: null, lat: null },
			{ householdId: 'e', n: 3, lon: at(195, 50)[0], lat: at(195, 50)[1] }
		];
		expect(walkingPath(stops, undefined)).toBeNull();
		expect(lineOf(routeGeojson(stops).line)).toEqual([
			[5, 50],
			[195, 50]
		]);
		const path = walkingPath(stops, pathAlong(graph, 'foot'));
		expect(lineOf(routeGeojson(stops, path).line)).toEqual(ROUND_THE_U);
		expect(routeGeojson(stops, path).points.features).toHaveLength(2);
	});
});
