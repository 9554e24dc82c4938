/**
 * Scoped reads of households for planning: a commune's (or a hamlet's) households with their
 * latest visit and the route holding them. Every query takes province and commune (docs/style.md).
 * Households, visits and route stops live in the province's shard (docs/sharding.md).
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { ShardDb } from '../shards.ts';
import { households } from '../schema/index.ts';
import type { VisitOutcome } from '../../../domain/choices.ts';
import type { VisitSummary } from '../../../domain/routing/status.ts';
import type { ProgressHousehold } from '../../../domain/team-overview.ts';

export interface PlanningHousehold {
	id: string;
	hamletId: string | null;
	address: string;
	alleyKey: string;
	addressKey: string;
	lon: number | null;
	lat: number | null;
	locationStatus: 'exact' | 'needs_check';
	adults: number;
	consent: boolean;
	doNotContact: boolean;
	/** Visit first (the leader's call): the planner puts it in the earliest sessions. */
	priority: boolean;
	isDemo: boolean;
	/** The route holding it (not counting revisits), or null: a gap. */
	routeId: string | null;
	visits: VisitSummary;
}

interface Row {
	id: string;
	hamlet_id: string | null;
	address: string;
	alley_key: string;
	address_key: string;
	lon: number | null;
	lat: number | null;
	location_status: 'exact' | 'needs_check';
	adults: number;
	consent: number;
	do_not_contact: number;
	priority: number;
	is_demo: number;
	last_outcome: VisitOutcome | null;
	last_visit_at: number | null;
	revisit_on: string | null;
	not_home_streak: number;
}

/**
 * The households of a commune, or of one hamlet, for the planning map (no names or phones);
 * never the anonymous placeholders left by an erasure (erased_at set). Each household's status
 * comes from the columns the visit write keeps on it (householdStatusStatements), not from its
 * visits. Two reads in one batch: households, and the route stops holding them.
 */
export async function listPlanningHouseholds(
	shard: ShardDb,
	area: { provinceCode: string; communeCode: string },
	hamletId: string | null = null
): Promise<PlanningHousehold[]> {
	const where = `province_code = ?1 AND commune_code = ?2`;
	const hamlet = hamletId ? ` AND hamlet_id = ?3` : '';
	const binds = hamletId
		? [area.provinceCode, area.communeCode, hamletId]
		: [area.provinceCode, area.communeCode];
	const inHamlet = hamletId
		? ` AND household_id IN (SELECT id FROM households WHERE ${where}${hamlet})`
		: '';
	const d1 = shard.$client;
	const [hs, ss] = await d1.batch([
		d1
			.prepare(
				`SELECT id, hamlet_id, address, alley_key, address_key, lon, lat, location_status, adults,
				consent, do_not_contact, priority, is_demo, last_outcome, last_visit_at, revisit_on,
				not_home_streak FROM households WHERE ${where}${hamlet} AND erased_at IS NULL ORDER BY id`
			)
			.bind(...binds),
		d1
			.prepare(
				`SELECT household_id, route_id FROM route_stops WHERE ${where} AND revisit = 0${inHamlet}`
			)
			.bind(...binds)
	]);
	const routeOf = new Map(
		(ss!.results as { household_id: string; route_id: string }[]).map((r) => [
			r.household_id,
			r.route_id
		])
	);
	return (hs!.results as unknown as Row[]).map((r) => ({
		id: r.id,
		hamletId: r.hamlet_id,
		address: r.address,
		alleyKey: r.alley_key,
		addressKey: r.address_key,
		lon: r.lon,
		lat: r.lat,
		locationStatus: r.location_status,
		adults: r.adults,
		consent: r.consent === 1,
		doNotContact: r.do_not_contact === 1,
		priority: r.priority === 1,
		isDemo: r.is_demo === 1,
		routeId: routeOf.get(r.id) ?? null,
		visits: {
			lastOutcome: r.last_outcome,
			lastVisitedAt: r.last_visit_at,
			revisitOn: r.revisit_on,
			notHomeStreak: r.not_home_streak
		}
	}));
}

/**
 * How many households a commune holds, as its public count does (an erasure's anonymous
 * placeholders included): read from the index alone, so a ward of 50.000 costs a few ms.
 */
export async function countPlanningHouseholds(
	shard: ShardDb,
	area: { provinceCode: string; communeCode: string }
): Promise<number> {
	const row = await shard.$client
		.prepare(`SELECT count(*) AS n FROM households WHERE province_code = ?1 AND commune_code = ?2`)
		.bind(area.provinceCode, area.communeCode)
		.first<{ n: number }>();
	return row?.n ?? 0;
}

/** Households alike in all that a team's progress reads, counted (see progressGroups). */
export interface ProgressGroup extends ProgressHousehold {
	hamletId: string | null;
	count: number;
}

/**
 * A commune's (or one hamlet's) households for a leader's day, grouped by everything
 * domain/team-overview.ts `areaProgress` reads — hamlet, do-not-contact, latest outcome,
 * not-home streak and revisit date, on a route or not, reached in the window or not, and for a
 * household last found not at home the day of that visit (its revisit falls due from it) — so a
 * ward of 50.000 households comes back as a few hundred rows. Each group's visit time is its
 * earliest, which lies on the same side of `reachedSince` and on the same day as all of them.
 * @param reachedSince epoch ms: the start of the "reached" window (12 months ago).
 */
export async function progressGroups(
	shard: ShardDb,
	area: { provinceCode: string; communeCode: string },
	hamletId: string | null,
	reachedSince: number
): Promise<ProgressGroup[]> {
	// One hamlet: its households by index, each looked up in route_stops; the whole commune: the
	// commune's route stops read once into a list (cheaper than 50.000 look-ups).
	const onRoute = hamletId
		? `EXISTS (SELECT 1 FROM route_stops AS s WHERE s.province_code = ?1 AND s.commune_code = ?2
				AND s.household_id = h.id AND s.revisit = 0)`
		: `h.id IN (SELECT household_id FROM route_stops WHERE province_code = ?1 AND commune_code = ?2
				AND revisit = 0)`;
	const rows = await shard.$client
		.prepare(
			`SELECT hamlet_id, do_not_contact, last_outcome, not_home_streak, revisit_on,
				min(last_visit_at) AS last_visit_at, count(*) AS n, ${onRoute} AS on_route
			FROM households AS h WHERE province_code = ?1 AND commune_code = ?2
				AND ${hamletId ? 'hamlet_id = ?4' : '?4 IS NULL'} AND erased_at IS NULL
			GROUP BY hamlet_id, do_not_contact, last_outcome, not_home_streak, revisit_on, on_route,
				last_visit_at >= ?3,
				CASE WHEN last_outcome = 'not_home' THEN last_visit_at / 86400000 END`
		)
		.bind(area.provinceCode, area.communeCode, reachedSince, hamletId)
		.all<{
			hamlet_id: string | null;
			do_not_contact: number;
			last_outcome: VisitOutcome | null;
			not_home_streak: number;
			revisit_on: string | null;
			last_visit_at: number | null;
			n: number;
			on_route: number;
		}>();
	return rows.results.map((r) => ({
		hamletId: r.hamlet_id,
		doNotContact: r.do_not_contact === 1,
		// progress only asks whether a route holds it
		routeId: r.on_route === 1 ? 'on-route' : null,
		visits: {
			lastOutcome: r.last_outcome,
			lastVisitedAt: r.last_visit_at,
			revisitOn: r.revisit_on,
			notHomeStreak: r.not_home_streak
		},
		count: r.n
	}));
}

/** One household with every field (personal ones included), or undefined. */
export async function getHousehold(shard: ShardDb, id: string) {
	const [row] = await shard.select().from(households).where(eq(households.id, id));
	return row;
}

/** The duplicate keys' inputs of a commune's households (address and head name). */
export function communeAddresses(shard: ShardDb, provinceCode: string, communeCode: string) {
	return shard
		.select({ id: households.id, address: households.address, headName: households.headName })
		.from(households)
		.where(
			and(
				eq(households.provinceCode, provinceCode),
				eq(households.communeCode, communeCode),
				isNull(households.erasedAt)
			)
		);
}
