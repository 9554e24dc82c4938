import { Hono } from 'hono';
import type { Context } from 'hono';
import { z } from 'zod';
import { communeCode, validate } from '../validation.ts';
import { ensure, noStore, requireActor, type AuthEnv } from '../middleware/env.ts';
import { auditNow, communeOr404 } from '../middleware/scope.ts';
import { vnToday } from '../middleware/household-scope.ts';
import { shardOf } from '../middleware/shard.ts';
import { canSeeHouseholds, canSeePersonal, type Actor } from '../../../domain/scope.ts';
import {
	areaProgress,
	memberSync,
	weekOf,
	type AreaProgress,
	type MemberSync
} from '../../../domain/team-overview.ts';
import { listTeams, type CommuneArea } from '../../db/queries/team-admin.ts';
import { progressGroups } from '../../db/queries/households.ts';
import { readOverview, type OutingItem, type OverviewMember } from '../../db/queries/overview.ts';
import { twelveMonthsTo } from '../../metrics/period.ts';

/** A member on the leader's day: their sync state and their outings of the week. */
export interface OverviewMemberDay extends OverviewMember {
	sync: MemberSync | null;
	outings: OutingItem[];
}

/** One team on the leader's day. */
export interface OverviewTeam {
	id: string;
	name: string;
	hamletId: string | null;
	/** The team's area: its hamlet, or null for a commune-wide team. */
	hamletName: string | null;
	progress: AreaProgress;
	members: OverviewMemberDay[];
	/** Outings of the week nobody has been given yet. */
	unassigned: OutingItem[];
}

/** GET /api/overview: the response. */
export interface Overview {
	commune: CommuneArea;
	/** Today in Vietnam (YYYY-MM-DD) and the week shown (today + 6 days). */
	today: string;
	week: { from: string; to: string };
	/** Start of the "reached" window (12 months ago), epoch ms. */
	reachedSince: number;
	teams: OverviewTeam[];
	/** The whole commune's progress, for commune admins (null for a team leader). */
	communeProgress: AreaProgress | null;
}

type TeamInfo = Awaited<ReturnType<typeof listTeams>>[number];

/** The teams the caller sees on their day: a leader their own, an admin every active team. */
async function teamsInView(c: Context<AuthEnv>, actor: Actor, area: CommuneArea) {
	const all = await listTeams(c.get('db'), area.provinceCode, area.communeCode);
	return all.filter(
		(tm) =>
			(actor.role === 'team_leader' ? tm.id === actor.teamId : tm.active) &&
			canSeePersonal(actor, { ...area, teamId: tm.id })
	);
}

const ROLE_ORDER = { to_truong: 0, to_pho: 1, thanh_vien: 2 } as const;

/**
 * Members going out soonest first (by their first outing of the week), then the others by role
 * (leader, deputy, member) and name: the leader reads the day from the top.
 */
function byWork(outings: OutingItem[]) {
	const first = (m: OverviewMemberDay) => {
		const i = m.outings.length ? outings.indexOf(m.outings[0]!) : -1;
		return i < 0 ? Number.MAX_SAFE_INTEGER : i;
	};
	return (a: OverviewMemberDay, b: OverviewMemberDay) =>
		first(a) - first(b) ||
		ROLE_ORDER[a.teamRole] - ROLE_ORDER[b.teamRole] ||
		a.fullName.localeCompare(b.fullName, 'vi');
}

/** A team's members with their sync state and outings; inactive ones only with an outing. */
function teamDay(
	team: TeamInfo,
	data: Awaited<ReturnType<typeof readOverview>>,
	progress: AreaProgress,
	now: number
): OverviewTeam {
	const outings = data.outings.filter((o) => o.teamId === team.id);
	const members = data.members
		.filter((m) => m.teamId === team.id)
		.map((m) => ({
			...m,
			sync: memberSync(
				data.devices.filter((d) => d.memberId === m.id),
				now
			),
			outings: outings.filter((o) => o.assigneeMemberId === m.id)
		}))
		.filter((m) => m.active || m.outings.length > 0)
		.sort(byWork(outings));
	const shown = new Set(members.map((m) => m.id));
	return {
		id: team.id,
		name: team.name,
		hamletId: team.hamletId,
		hamletName: team.hamletName,
		progress,
		members,
		unassigned: outings.filter((o) => !o.assigneeMemberId || !shown.has(o.assigneeMemberId))
	};
}

/** Reads and assembles the caller's day in the commune (see overviewApi). */
async function dayOf(
	c: Context<AuthEnv>,
	actor: Actor,
	area: CommuneArea,
	now: number
): Promise<Overview> {
	const shard = shardOf(c, area.provinceCode);
	const today = vnToday(now);
	const week = weekOf(today);
	const reachedSince = twelveMonthsTo(new Date(now)).start.getTime();
	const teams = await teamsInView(c, actor, area);
	// One read of the area, grouped (progressGroups): a hamlet team's leader reads only their
	// hamlet (a leader without a team, nothing). It goes out with the week's outings.
	const leader = actor.role === 'team_leader';
	const [data, groups] = await Promise.all([
		readOverview(
			c.get('db'),
			shard,
			area,
			teams.map((tm) => tm.id),
			week
		),
		leader && teams.length === 0
			? []
			: progressGroups(shard, area, leader ? (teams[0]!.hamletId ?? null) : null, reachedSince)
	]);
	const progressOf = (hamletId: string | null) =>
		areaProgress(
			hamletId ? groups.filter((h) => h.hamletId === hamletId) : groups,
			today,
			reachedSince
		);
	return {
		commune: area,
		today,
		week,
		reachedSince,
		teams: teams.map((tm) => teamDay(tm, data, progressOf(tm.hamletId), now)),
		communeProgress: leader ? null : progressOf(null)
	};
}

/**
 * A leader's day: GET /?commune=05569 — the week's outings per member, progress per team over
 * its area (its hamlet, or the commune), each member's last sync and unsent visits. A team
 * leader gets their own team; a commune admin (and admins of the scope) every active team and
 * the commune's total. Member names are personal data: the read is audited.
 */
export const overviewApi = new Hono<AuthEnv>()
	.use(noStore)
	.get('/', validate('query', z.object({ commune: communeCode })), async (c) => {
		const actor = requireActor(c);
		const area = await communeOr404(c, c.req.valid('query').commune);
		ensure(canSeeHouseholds(actor, area), "this commune's teams at work");
		const body = await dayOf(c, actor, area, Date.now());
		await auditNow(c, {
			kind: 'read',
			action: 'overview.read',
			entity: 'commune',
			entityId: area.communeCode,
			provinceCode: area.provinceCode,
			communeCode: area.communeCode,
			detail: {
				teams: body.teams.length,
				members: body.teams.reduce((n, tm) => n + tm.members.length, 0)
			}
		});
		return c.json(body, 200);
	});
