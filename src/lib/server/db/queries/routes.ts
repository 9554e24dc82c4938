/**
 * Scoped reads of routes: a commune's (or team's) routes for the leader, a member's routes, and
 * one route with its ordered stops and the visit fields of their households (the route view, and
 * what the field app saves for offline use).
 * Routes, stops, households and visits live in the province's shard; team, member and hamlet
 * names in the global D1 (docs/sharding.md): each is read from its own database and joined here.
 */
import type { Db } from '../client.ts';
import type { ShardDb } from '../shards.ts';
import type { RouteStatus } from '../../../domain/choices.ts';
import { summariseVisits, type VisitRow } from '../../../domain/routing/visit-summary.ts';
import {
	householdStatus,
	revisitSuggestion,
	type HouseholdStatus,
	type RevisitSuggestion,
	type VisitSummary
} from '../../../domain/routing/status.ts';
import type {
	OutingFlag,
	Session,
	StartKind,
	TravelMode
} from '../../../domain/routing/outing-kinds.ts';

export interface RouteListItem {
	id: string;
	provinceCode: string;
	communeCode: string;
	teamId: string;
	teamName: string;
	assigneeMemberId: string | null;
	assigneeName: string | null;
	name: string;
	plannedOn: string | null;
	session: Session | null;
	status: RouteStatus;
	travelMode: TravelMode;
	/** The session length the outing was planned to fit (null: planned by size). */
	sessionMinutes: number | null;
	distanceM: number | null;
	estimatedMinutes: number | null;
	travelMinutes: number | null;
	startKind: StartKind | null;
	flag: OutingFlag | null;
	stops: number;
	/** Stops with a visit recorded on this route. */
	visited: number;
	revisit: boolean;
	createdAt: number;
}

const LIST_SELECT = `SELECT r.id, r.province_code AS provinceCode, r.commune_code AS communeCode,
	r.team_id AS teamId, r.assignee_member_id AS assigneeMemberId,
	r.name, r.planned_on AS plannedOn, r.session, r.status,
	r.travel_mode AS travelMode, r.session_minutes AS sessionMinutes, r.distance_m AS distanceM,
	r.estimated_minutes AS estimatedMinutes, r.travel_minutes AS travelMinutes,
	r.start_kind AS startKind, r.flag, r.created_at AS createdAt,
	(SELECT count(*) FROM route_stops s WHERE s.route_id = r.id) AS stops,
	(SELECT count(DISTINCT v.household_id) FROM visits v WHERE v.route_id = r.id) AS visited,
	(SELECT count(*) FROM route_stops s WHERE s.route_id = r.id AND s.revisit = 1) > 0 AS revisit
	FROM routes r`;

/** A route row as the shard holds it: the names come from the global D1. */
type ShardRoute<T extends RouteListItem> = Omit<T, 'teamName' | 'assigneeName'>;

const IN_JSON = `IN (SELECT value FROM json_each(?1))`;

/**
 * The routes with their team's and assignee's names (global D1, by primary key). A route whose
 * team is unknown is left out, as the inner join on teams did before the split.
 */
async function withNames<T extends RouteListItem>(db: Db, rows: ShardRoute<T>[]): Promise<T[]> {
	if (rows.length === 0) return [];
	const ids = (pick: (r: ShardRoute<T>) => string | null) =>
		JSON.stringify([...new Set(rows.flatMap((r) => pick(r) ?? []))]);
	const [teams, members] = await db.$client.batch([
		db.$client.prepare(`SELECT id, name FROM teams WHERE id ${IN_JSON}`).bind(ids((r) => r.teamId)),
		db.$client
			.prepare(`SELECT id, full_name AS name FROM members WHERE id ${IN_JSON}`)
			.bind(ids((r) => r.assigneeMemberId))
	]);
	const names = (res: D1Result | undefined) =>
		new Map((res!.results as { id: string; name: string }[]).map((x) => [x.id, x.name]));
	const team = names(teams);
	const member = names(members);
	return rows.flatMap((r) => {
		const teamName = team.get(r.teamId);
		if (teamName === undefined) return [];
		const assigneeName = r.assigneeMemberId ? (member.get(r.assigneeMemberId) ?? null) : null;
		return [{ ...r, teamName, assigneeName, revisit: Boolean(r.revisit) } as T];
	});
}

/**
 * A commune's routes, newest first, cancelled ones last: all of them, or only those of some
 * teams (`teamIds`: one team's, or the teams of one hamlet).
 */
export async function listRoutes(
	db: Db,
	shard: ShardDb,
	area: { provinceCode: string; communeCode: string },
	teamIds: readonly string[] | null = null
): Promise<RouteListItem[]> {
	const teams = teamIds ? ' AND r.team_id IN (SELECT value FROM json_each(?3))' : '';
	const binds = teamIds
		? [area.provinceCode, area.communeCode, JSON.stringify(teamIds)]
		: [area.provinceCode, area.communeCode];
	const res = await shard.$client
		.prepare(
			`${LIST_SELECT} WHERE r.province_code = ?1 AND r.commune_code = ?2${teams}
			ORDER BY r.status = 'cancelled', r.created_at DESC, r.name`
		)
		.bind(...binds)
		.all<ShardRoute<RouteListItem>>();
	return withNames(db, res.results);
}

/** A member's routes that are not cancelled, by planned date. */
export async function routesOfMember(
	db: Db,
	shard: ShardDb,
	memberId: string
): Promise<RouteListItem[]> {
	const res = await shard.$client
		.prepare(
			`${LIST_SELECT} WHERE r.assignee_member_id = ?1 AND r.status <> 'cancelled'
			ORDER BY r.status = 'done', r.planned_on IS NULL, r.planned_on, r.name`
		)
		.bind(memberId)
		.all<ShardRoute<RouteListItem>>();
	return withNames(db, res.results);
}

export interface RouteRow extends RouteListItem {
	startLon: number | null;
	startLat: number | null;
}

/** One route (any status), or undefined. */
export async function getRoute(db: Db, shard: ShardDb, id: string): Promise<RouteRow | undefined> {
	const row = await shard.$client
		.prepare(
			`${LIST_SELECT.replace('SELECT r.id,', 'SELECT r.id, r.start_lon AS startLon, r.start_lat AS startLat,')} WHERE r.id = ?1`
		)
		.bind(id)
		.first<ShardRoute<RouteRow>>();
	return row ? (await withNames<RouteRow>(db, [row]))[0] : undefined;
}

/** A stop of a route: the household as a visiting member needs it. */
export interface RouteStop {
	seq: number;
	revisit: boolean;
	householdId: string;
	address: string;
	hamletName: string | null;
	lon: number | null;
	lat: number | null;
	locationStatus: 'exact' | 'needs_check';
	adults: number;
	consent: boolean;
	doNotContact: boolean;
	/** Present only for callers allowed personal data (see visit-routes API). */
	headName?: string | null;
	headPhone?: string | null;
	visits: VisitSummary;
	status: HouseholdStatus;
	revisitSuggestion: RevisitSuggestion | null;
	/** Latest visit recorded on this very route, if any. */
	visitedOnRoute: { outcome: string; visitedAt: number } | null;
}

interface StopRow {
	seq: number;
	revisit: number;
	householdId: string;
	address: string;
	hamletId: string | null;
	lon: number | null;
	lat: number | null;
	locationStatus: 'exact' | 'needs_check';
	adults: number;
	consent: number;
	doNotContact: number;
	headName: string | null;
	headPhone: string | null;
}

/** The commune's hamlet names (global D1, hamlets_commune_idx): a few dozen rows. */
async function hamletNames(db: Db, area: { provinceCode: string; communeCode: string }) {
	const res = await db.$client
		.prepare('SELECT id, name FROM hamlets WHERE province_code = ?1 AND commune_code = ?2')
		.bind(area.provinceCode, area.communeCode)
		.all<{ id: string; name: string }>();
	return new Map(res.results.map((h) => [h.id, h.name]));
}

/** The ordered stops of a route with every household's visit summary and status. */
export async function routeStopsOf(
	db: Db,
	shard: ShardDb,
	route: { id: string; provinceCode: string; communeCode: string },
	today: string
): Promise<RouteStop[]> {
	const inRoute = `household_id IN (SELECT household_id FROM route_stops WHERE route_id = ?1)`;
	const [hamlets, [stops, visits]] = await Promise.all([
		hamletNames(db, route),
		shard.$client.batch([
			shard.$client
				.prepare(
					`SELECT s.seq, s.revisit, h.id AS householdId, h.address, h.hamlet_id AS hamletId, h.lon,
					h.lat, h.location_status AS locationStatus, h.adults, h.consent,
					h.do_not_contact AS doNotContact, h.head_name AS headName, h.head_phone AS headPhone
					FROM route_stops s JOIN households h ON h.id = s.household_id
					WHERE s.route_id = ?1 ORDER BY s.seq`
				)
				.bind(route.id),
			shard.$client
				.prepare(
					`SELECT household_id, outcome, visited_at, revisit_on, route_id FROM visits
					WHERE province_code = ?2 AND commune_code = ?3 AND ${inRoute}
					ORDER BY household_id, visited_at`
				)
				.bind(route.id, route.provinceCode, route.communeCode)
		])
	]);
	const vrows = visits!.results as (VisitRow & { route_id: string | null })[];
	const summaries = summariseVisits(vrows);
	const onRoute = new Map<string, { outcome: string; visitedAt: number }>();
	for (const v of vrows)
		if (v.route_id === route.id)
			onRoute.set(v.household_id, { outcome: v.outcome, visitedAt: v.visited_at });
	const none: VisitSummary = {
		lastOutcome: null,
		lastVisitedAt: null,
		revisitOn: null,
		notHomeStreak: 0
	};
	return (stops!.results as unknown as StopRow[]).map(({ hamletId, ...s }) => {
		const v = summaries.get(s.householdId) ?? none;
		return {
			...s,
			hamletName: hamletId ? (hamlets.get(hamletId) ?? null) : null,
			revisit: s.revisit === 1,
			consent: s.consent === 1,
			doNotContact: s.doNotContact === 1,
			visits: v,
			status: householdStatus({ doNotContact: s.doNotContact === 1 }, v, today),
			revisitSuggestion: revisitSuggestion(v),
			visitedOnRoute: onRoute.get(s.householdId) ?? null
		};
	});
}
