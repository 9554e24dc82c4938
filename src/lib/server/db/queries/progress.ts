/**
 * Reads for leaders' progress (issue 16 §6): a commune's visits of a period aggregated on its
 * province's shard per Vietnam week × team × member, with distinct households at every level,
 * and people helped per service; the commune's members from the global D1 (docs/sharding.md).
 *
 * A visit's team is the team of the route it was recorded on, else the team of the member who
 * recorded it (members live in the global D1: their teams travel as one JSON parameter), else ''
 * (no team can be given: an import, or an erased member's visit).
 */
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../client.ts';
import type { ShardDb } from '../shards.ts';
import { members } from '../schema/index.ts';
import {
	dayNumberToDate,
	type ProgressAggregate,
	type ProgressServiceAggregate
} from '../../../domain/progress.ts';

type Area = { provinceCode: string; communeCode: string };

/**
 * The period's visits of the commune, with their week (a Vietnam day number's Monday), team,
 * member and household, kept to the teams asked for (?6, a JSON array). The visits are found
 * through visits_household_idx (province, commune, …) and the time range; routes by their key.
 */
const VISITS = `WITH mt AS MATERIALIZED (SELECT key AS member, value AS team FROM json_each(?3)),
	vv AS MATERIALIZED (
		SELECT (v.visited_at + 25200000) / 86400000 AS d, v.id, v.member_id AS member,
			v.household_id AS hh, v.outcome = 'met' AS met, v.people_helped AS helped,
			COALESCE(r.team_id, mt.team, '') AS team
		FROM visits v
		LEFT JOIN routes r ON r.id = v.route_id
		LEFT JOIN mt ON mt.member = v.member_id
		WHERE v.province_code = ?1 AND v.commune_code = ?2 AND v.visited_at >= ?4 AND v.visited_at < ?5
	),
	w AS MATERIALIZED (
		SELECT d - ((d + 3) % 7) AS wk, id, member, hh, met, helped, team FROM vv
		WHERE team IN (SELECT value FROM json_each(?6))
	)`;

const FIGURES = `count(*) AS visits, count(DISTINCT hh) AS households,
	count(DISTINCT CASE WHEN met THEN hh END) AS reached, coalesce(sum(helped), 0) AS peopleHelped`;

/**
 * Every level in one statement: the period's visits are read once and crossed with the six
 * levels (D1 refuses a compound SELECT of six terms, and SQLite has no GROUPING SETS); each
 * level groups by the columns it keeps, the others being NULL.
 */
export const PROGRESS_SQL = `${VISITS},
	lv AS (SELECT value AS level, value LIKE 'week%' AS byWeek, value LIKE '%team%' AS byTeam,
		value LIKE '%member' AS byMember
		FROM json_each('["week_team_member","week_team","week","team_member","team","all"]'))
	SELECT level, CASE WHEN byWeek THEN wk END AS week, CASE WHEN byTeam THEN team END AS teamId,
		CASE WHEN byMember THEN member END AS memberId, ${FIGURES}
	FROM w CROSS JOIN lv
	GROUP BY level, 2, 3, 4`;

/** People helped per service and member-week (visit_services by its key). */
export const PROGRESS_SERVICES_SQL = `${VISITS}
	SELECT wk AS week, team AS teamId, member AS memberId, s.service_code AS serviceCode,
		sum(s.helped) AS helped
	FROM w JOIN visit_services s ON s.visit_id = w.id
	WHERE s.helped > 0
	GROUP BY wk, team, member, s.service_code`;

/** What the shard is asked: the commune, the members' teams, the period and the teams in view. */
export interface ProgressQuery {
	area: Area;
	/** Member id → team id, for visits recorded on no route. */
	memberTeams: Record<string, string>;
	startMs: number;
	endMs: number;
	/** Team ids in view; '' takes the visits no team can be given. */
	teamIds: readonly string[];
}

/** The bound parameters of both statements, in order (?1 … ?6). */
export function progressParams(q: ProgressQuery): unknown[] {
	return [
		q.area.provinceCode,
		q.area.communeCode,
		JSON.stringify(q.memberTeams),
		q.startMs,
		q.endMs,
		JSON.stringify(q.teamIds)
	];
}

type Week = { week: number | null };
const weekDate = (d: number | null) => (d === null ? null : dayNumberToDate(d));

/** Both aggregates of the period, in one batch on the province's shard. */
export async function readProgress(
	shard: ShardDb,
	q: ProgressQuery
): Promise<{ aggregates: ProgressAggregate[]; services: ProgressServiceAggregate[] }> {
	const params = progressParams(q);
	const [levels, services] = await shard.$client.batch([
		shard.$client.prepare(PROGRESS_SQL).bind(...params),
		shard.$client.prepare(PROGRESS_SERVICES_SQL).bind(...params)
	]);
	const aggregates = (levels!.results as (Omit<ProgressAggregate, 'week'> & Week)[]).map((a) => ({
		...a,
		week: weekDate(a.week)
	}));
	return {
		aggregates,
		services: (services!.results as (Omit<ProgressServiceAggregate, 'week'> & Week)[]).map((s) => ({
			...s,
			week: weekDate(s.week)!
		}))
	};
}

/** A commune's members as progress lists them (personal data: the caller audits the read). */
export function communeMembers(db: Db, area: Area) {
	// Served by members_commune_idx.
	return db
		.select({
			id: members.id,
			teamId: members.teamId,
			fullName: members.fullName,
			teamRole: members.teamRole,
			active: members.active,
			erasedAt: members.erasedAt
		})
		.from(members)
		.where(
			and(eq(members.provinceCode, area.provinceCode), eq(members.communeCode, area.communeCode))
		)
		.orderBy(asc(members.teamRole), asc(members.fullName));
}
