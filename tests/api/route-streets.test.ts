/**
 * A saved plan is priced along the commune's streets, as the planner priced it: the graph is
 * read from the real local R2 (`BASEMAP`, graphs/{code}.bin); without one, or with unreadable
 * bytes, the outing is priced with straight lines × 1.3 and the save still succeeds.
 */
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { TestDb } from './support/db.ts';
import { useSeededDb } from './support/seeded-db.ts';
import {
	AREAS,
	call,
	makeTeam,
	makeUser,
	shardOf,
	type TestUser
} from './support/accounts-factory.ts';
import { household, insertHouseholdsIn } from './support/records-factory.ts';
import { routes } from '../../src/lib/server/db/schema/index.ts';
import { estimateRoute } from '../../src/lib/domain/routing/estimate.ts';
import { M_PER_DEG } from '../../src/lib/domain/routing/geometry.ts';
import { streetLegs } from '../../src/lib/domain/routing/street-legs.ts';
import { travelModel } from '../../src/lib/domain/routing/travel.ts';
import { DETOUR_FACTOR } from '../../src/lib/domain/routing/types.ts';
import { buildStreetGraph } from '../../src/lib/domain/streets/build.ts';
import { encodeStreetGraph } from '../../src/lib/domain/streets/codec.ts';
import type { StreetLine } from '../../src/lib/domain/streets/types.ts';
import { streetGraphKey } from '../../src/lib/server/basemap/config.ts';

const [LON0, LAT0] = [105.64, 21.9];
/** lon/lat `x` metres east and `y` metres north of a point in the own commune. */
const at = (x: number, y: number): [number, number] => [
	LON0 + x / (M_PER_DEG * Math.cos((LAT0 * Math.PI) / 180)),
	LAT0 + y / M_PER_DEG
];
const street = (pts: [number, number][]): StreetLine => ({
	kind: 'street',
	coords: pts.map(([x, y]) => at(x, y))
});

/** A U: down the west arm x = 0, along y = 0, up the east arm x = 200 (50 m arms). */
const U = buildStreetGraph([
	street([
		[0, 50],
		[0, 0],
		[200, 0],
		[200, 50]
	])
]);
/** A V through the same corners: the streets rebuilt with a shorter way between the houses. */
const V = buildStreetGraph([
	street([
		[0, 50],
		[100, 0],
		[200, 50]
	])
]);
/** Houses 5 m off the U: the west arm's top, the bottom's middle, the east arm's top. */
const SPOTS: [number, number][] = [
	[5, 50],
	[100, 5],
	[195, 50]
];
/** Straight from house to house × 1.3: 2 × √(95² + 45²) × 1.3 ≈ 273 m. */
const STRAIGHT_M = Math.round(2 * Math.hypot(95, 45) * DETOUR_FACTOR);

const { communeCode } = AREAS.own;
let t: TestDb;
let leader: TestUser;
let teamId: string;
const houses = SPOTS.map(([x, y]) => {
	const [lon, lat] = at(x, y);
	return household(AREAS.own, { lon, lat, locationStatus: 'exact' });
});

useSeededDb(async (db) => {
	t = db;
	const team = await makeTeam(t.db, 'own', 'Tổ Chữ U');
	teamId = team.id;
	leader = await makeUser(t.db, 'team_leader', 'own', team.id);
	await insertHouseholdsIn(t, houses);
});

const bucket = () => t.env.BASEMAP as R2Bucket;

/** Saves one walking outing through the three houses (a revisit: the same houses each time). */
async function saveOuting(): Promise<{ distanceM: number; estimatedMinutes: number }> {
	const res = await call(t, '/api/routes', {
		cookie: leader.cookie,
		body: {
			communeCode,
			teamId,
			revisit: true,
			travelMode: 'foot',
			routes: [{ name: 'Chữ U', householdIds: houses.map((h) => h.id) }]
		}
	});
	expect(res.status, await res.clone().text()).toBe(201);
	const [saved] = ((await res.json()) as { routes: { id: string }[] }).routes;
	const [row] = await shardOf(t).select().from(routes).where(eq(routes.id, saved!.id));
	return { distanceM: row!.distanceM!, estimatedMinutes: row!.estimatedMinutes! };
}

/** The outing as the planner prices it with `graph` (or straight lines × 1.3 without one). */
function planned(graph: typeof U | null) {
	const model = travelModel('foot', 67);
	const stops = houses.map((h) => ({ lon: h.lon ?? null, lat: h.lat ?? null }));
	return estimateRoute(stops, null, model, 8, graph && streetLegs(graph, model));
}

describe('POST /api/routes prices outings along the commune streets', () => {
	it('prices with straight lines × 1.3 when the commune has no street graph', async () => {
		await bucket().delete(streetGraphKey(communeCode));
		const saved = await saveOuting();
		expect(saved.distanceM).toBe(STRAIGHT_M);
		expect(saved).toEqual({
			distanceM: planned(null).distanceM,
			estimatedMinutes: planned(null).estimatedMinutes
		});
	});

	it('prices along the U, as the plan did: 5 + 50 + 100 + 5 then 5 + 100 + 50 + 5 m', async () => {
		await bucket().put(streetGraphKey(communeCode), encodeStreetGraph(U));
		const saved = await saveOuting();
		expect(Math.abs(saved.distanceM - 320)).toBeLessThanOrEqual(1);
		expect(saved).toEqual({
			distanceM: planned(U).distanceM,
			estimatedMinutes: planned(U).estimatedMinutes
		});
		expect(saved.distanceM).toBeGreaterThan(STRAIGHT_M);
	});

	it('reads a rebuilt graph at once (the cache is keyed by the R2 etag)', async () => {
		await bucket().put(streetGraphKey(communeCode), encodeStreetGraph(U));
		expect((await saveOuting()).distanceM).toBe(planned(U).distanceM);
		await bucket().put(streetGraphKey(communeCode), encodeStreetGraph(V));
		const saved = await saveOuting();
		expect(saved.distanceM).toBe(planned(V).distanceM);
		expect(saved.distanceM).toBeLessThan(planned(U).distanceM);
	});

	it.each([
		['bytes that are not a graph', new TextEncoder().encode('not a street graph')],
		['a truncated graph', encodeStreetGraph(U).slice(0, 20)],
		['an empty object', new Uint8Array(0)]
	])('still saves, straight × 1.3, over %s', async (_, bytes) => {
		await bucket().put(streetGraphKey(communeCode), bytes);
		expect(await saveOuting()).toEqual({
			distanceM: STRAIGHT_M,
			estimatedMinutes: planned(null).estimatedMinutes
		});
	});

	it('still saves, straight × 1.3, when the bucket is not bound', async () => {
		await bucket().put(streetGraphKey(communeCode), encodeStreetGraph(U));
		const res = await call(t, '/api/routes', {
			cookie: leader.cookie,
			env: { BASEMAP: undefined },
			body: {
				communeCode,
				teamId,
				revisit: true,
				routes: [{ name: 'Chữ U', householdIds: houses.map((h) => h.id) }]
			}
		});
		expect(res.status).toBe(201);
		const [r] = ((await res.json()) as { routes: { distanceM: number }[] }).routes;
		expect(r!.distanceM).toBe(STRAIGHT_M);
	});
});
