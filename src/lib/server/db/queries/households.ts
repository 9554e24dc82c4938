/**
 * Scoped reads of households for planning: a commune's (or a hamlet's) households with their
 * latest visit and the route holding them. Every query takes province and commune (docs/style.md).
 * Households, visits and route stops live in the province's shard (docs/sharding.md).
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { ShardDb } from '../shards.ts';
import { households } from '../schema/index.ts';
import { summariseVisits, type VisitRow } from '../../../domain/routing/visit-summary.ts';
import type { VisitSummary } from '../../../domain/routing/status.ts';

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
}

/**
 * The households of a commune, or of one hamlet, for the planning map (no names or phones);
 * never the anonymous placeholders left by an erasure (erased_at set).
 * Three reads in one batch: households, their visits, their route stops.
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
	const [hs, vs, ss] = await d1.batch([
		d1
			.prepare(
				`SELECT id, hamlet_id, address, alley_key, address_key, lon, lat, location_status, adults,
				consent, do_not_contact, priority, is_demo FROM households WHERE ${where}${hamlet}
				AND erased_at IS NULL ORDER BY id`
			)
			.bind(...binds),
		d1
			.prepare(
				`SELECT household_id, outcome, visited_at, revisit_on FROM visits WHERE ${where}${inHamlet}
				ORDER BY household_id, visited_at`
			)
			.bind(...binds),
		d1
			.prepare(
				`SELECT household_id, route_id FROM route_stops WHERE ${where} AND revisit = 0${inHamlet}`
			)
			.bind(...binds)
	]);
	const summaries = summariseVisits(vs!.results as unknown as VisitRow[]);
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
		visits: summaries.get(r.id) ?? {
			lastOutcome: null,
			lastVisitedAt: null,
			revisitOn: null,
			notHomeStreak: 0
		}
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
