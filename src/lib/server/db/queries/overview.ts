/**
 * Scoped reads for a leader's day: the week's outings of some teams, their members, and the
 * members' sync watermarks. Every query takes the province and commune (docs/style.md); team ids
 * travel as one JSON parameter (D1 caps bound variables). Outings and devices are read from the
 * province's shard, members and logins from the global D1 (docs/sharding.md).
 */
import type { Db } from '../client.ts';
import type { ShardDb } from '../shards.ts';
import { runBatch } from '../bulk.ts';
import type { Session } from '../../../domain/routing/outing-kinds.ts';
import type { DeviceWatermark } from '../../../domain/team-overview.ts';
import type { RouteStatus, TeamRole } from '../../../domain/choices.ts';

type Area = { provinceCode: string; communeCode: string };

/** An outing as the leader's day shows it. */
export interface OutingItem {
	id: string;
	teamId: string;
	assigneeMemberId: string | null;
	name: string;
	plannedOn: string;
	session: Session | null;
	status: Exclude<RouteStatus, 'cancelled'>;
	estimatedMinutes: number | null;
	/** Households on the outing. */
	stops: number;
	/** Of them, households with a visit recorded on this outing. */
	visited: number;
}

/** A member of one of the teams (personal data: the caller audits the read). */
export interface OverviewMember {
	id: string;
	teamId: string;
	fullName: string;
	teamRole: TeamRole;
	active: boolean;
}

const IN_JSON = `IN (SELECT value FROM json_each(?3))`;

// Served by routes_calendar_idx (province, commune, planned_on); visits_route_idx for progress.
const OUTINGS = `SELECT r.id, r.team_id AS teamId, r.assignee_member_id AS assigneeMemberId,
	r.name, r.planned_on AS plannedOn, r.session, r.status, r.estimated_minutes AS estimatedMinutes,
	(SELECT count(*) FROM route_stops s WHERE s.route_id = r.id) AS stops,
	(SELECT count(DISTINCT v.household_id) FROM visits v WHERE v.route_id = r.id) AS visited
	FROM routes r
	WHERE r.province_code = ?1 AND r.commune_code = ?2 AND r.team_id ${IN_JSON}
		AND r.planned_on >= ?4 AND r.planned_on <= ?5 AND r.status <> 'cancelled'
	ORDER BY r.planned_on, CASE r.session WHEN 'morning' THEN 0 WHEN 'afternoon' THEN 1
		WHEN 'evening' THEN 2 ELSE 3 END, r.name`;

// Served by members_commune_idx.
const MEMBERS = `SELECT id, team_id AS teamId, full_name AS fullName, team_role AS teamRole, active
	FROM members WHERE province_code = ?1 AND commune_code = ?2 AND team_id ${IN_JSON}
	ORDER BY team_role, full_name`;

// The commune's logins (users_scope_idx): whose devices the day shows.
const USERS = `SELECT id FROM users WHERE scope_province_code = ?1 AND scope_commune_code = ?2`;

// Devices of those logins (sync_devices_user_idx), kept to the given members: sync_devices has
// no index of its own on member_id.
const DEVICES = `SELECT d.member_id AS memberId, d.last_seen_at AS lastSeenAt, d.pending,
	d.oldest_pending_at AS oldestPendingAt, d.replaced_by AS replacedBy
	FROM sync_devices d
	WHERE d.user_id IN (SELECT value FROM json_each(?1)) AND d.member_id IN (SELECT value FROM json_each(?2))`;

type Devices = (DeviceWatermark & { memberId: string })[];

/**
 * The teams' outings planned from `from` to `to` (YYYY-MM-DD, inclusive), cancelled ones left
 * out, by date, session and name; their members; and those members' device watermarks.
 */
export async function readOverview(
	db: Db,
	shard: ShardDb,
	area: Area,
	teamIds: readonly string[],
	week: { from: string; to: string }
): Promise<{ outings: OutingItem[]; members: OverviewMember[]; devices: Devices }> {
	const teams = JSON.stringify(teamIds);
	const { provinceCode: p, communeCode: c } = area;
	const [outings, [members, users]] = await Promise.all([
		shard.$client.prepare(OUTINGS).bind(p, c, teams, week.from, week.to).all<OutingItem>(),
		runBatch(db, [
			db.$client.prepare(MEMBERS).bind(p, c, teams),
			db.$client.prepare(USERS).bind(p, c)
		])
	]);
	const memberRows = (
		members!.results as (Omit<OverviewMember, 'active'> & { active: number })[]
	).map((m) => ({ ...m, active: m.active === 1 }));
	const userIds = JSON.stringify((users!.results as { id: string }[]).map((u) => u.id));
	const devices = await shard.$client
		.prepare(DEVICES)
		.bind(userIds, JSON.stringify(memberRows.map((m) => m.id)))
		.all<DeviceWatermark & { memberId: string }>();
	return { outings: outings.results, members: memberRows, devices: devices.results };
}
