import { Hono } from 'hono';
import type { Context } from 'hono';
import { z } from 'zod';
import { communeCode, validate } from '../validation.ts';
import { idInput } from '../../../domain/fields.ts';
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
import { overListLimit } from './households.ts';
import { overviewOps as doc } from '../openapi/operations/records.ts';

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
	/** The whole commune's progress, for commune admins (null for a team leader, or narrowed). */
	communeProgress: AreaProgress | null;
	/**
	 * Set when the commune is too large to count whole on every load (over
	 * PLAN_LIST_MAX_HOUSEHOLDS): the day shows the teams of one hamlet, `hamletId`, chosen among
	 * `hamlets` (those with a team in view).
	 */
	narrowed: {
		total: number;
		/** Active teams of the whole commune (the day shows some of them). */
		teams: number;
		hamletId: string;
		hamlets: { id: string; name: string }[];
	} | null;
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
	now: number,
	hamletAsked: string | null
): Promise<Overview> {
	const shard = shardOf(c, area.provinceCode);
	const today = vnToday(now);
	const week = weekOf(today);
	const reachedSince = twelveMonthsTo(new Date(now)).start.getTime();
	const leader = actor.role === 'team_leader';
	const [inView, tooMany] = await Promise.all([
		teamsInView(c, actor, area),
		leader ? null : overListLimit(c, shard, area)
	]);
	// A commune too large to count whole on every load: one hamlet's teams at a time (the one
	// asked for, else the first team's), as its planning page.
	const narrowed = tooMany ? narrowTo(inView, hamletAsked, tooMany.total) : null;
	const teams = narrowed ? inView.filter((tm) => tm.hamletId === narrowed.hamletId) : inView;
	// One read of the area, grouped (progressGroups): a hamlet team's leader, or a narrowed day,
	// reads only its hamlet (a leader without a team, nothing). It goes out with the week's
	// outings.
	const hamlet = leader ? (teams[0]?.hamletId ?? null) : (narrowed?.hamletId ?? null);
	const [data, groups] = await Promise.all([
		readOverview(
			c.get('db'),
			shard,
			area,
			teams.map((tm) => tm.id),
			week
		),
		leader && teams.length === 0 ? [] : progressGroups(shard, area, hamlet, reachedSince)
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
		communeProgress: leader || narrowed ? null : progressOf(null),
		narrowed
	};
}

/** The hamlet a narrowed day shows, and the hamlets one may choose (those with a team). */
function narrowTo(teams: TeamInfo[], asked: string | null, total: number) {
	const hamlets = [
		...new Map(
			teams.flatMap((tm) =>
				tm.hamletId ? [[tm.hamletId, { id: tm.hamletId, name: tm.hamletName ?? '' }] as const] : []
			)
		).values()
	];
	const hamletId = hamlets.find((h) => h.id === asked)?.id ?? hamlets[0]?.id;
	return hamletId ? { total, teams: teams.length, hamletId, hamlets } : null;
}

/**
 * A leader's day: GET /?commune=05569 — the week's outings per member, progress per team over
 * its area (its hamlet, or the commune), each member's last sync and unsent visits. A team
 * leader gets their own team; a commune admin (and admins of the scope) every active team and
 * the commune's total — in a commune too large to count whole on every load, the teams of one
 * hamlet (`&hamlet=`, else the first team's) without the total. Member names are personal
 * data: the read is audited.
 */
export const overviewApi = new Hono<AuthEnv>()
	.use(noStore)
	.get(
		'/',
		doc.get,
		validate('query', z.object({ commune: communeCode, hamlet: idInput.optional() })),
		async (c) => {
			const actor = requireActor(c);
			const q = c.req.valid('query');
			const area = await communeOr404(c, q.commune);
			ensure(canSeeHouseholds(actor, area), "this commune's teams at work");
			const body = await dayOf(c, actor, area, Date.now(), q.hamlet ?? null);
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
		}
	);
