/**
 * Demo plans, made as a leader would make them with the planner's defaults: in the demo
 * account's commune and a few town wards, each active team's households on no route are planned
 * for the coming week (Sundays off, 3-hour mornings, by motorbike in a xã and on foot in a
 * phường) for its active members. The demo leader's own team gets only tomorrow's outing for one
 * member, so whoever tries the demo finds the rest of the team's households still to plan.
 * Pure: records in, plan inputs out (written by seed.ts through the route write function).
 */
import type { RoutePlanInput } from '../db/schema/routes.input.ts';
import { planTeam } from '../../domain/routing/team-plan.ts';
import { periodDays } from '../../domain/routing/calendar.ts';
import { parseAddress } from '../../domain/address.ts';
import {
	DEFAULT_MINUTES_PER_HOUSE,
	DEFAULT_SESSION_MINUTES,
	type TeamMember,
	type TeamPlan
} from '../../domain/routing/team-plan-types.ts';
import { DEFAULT_WALK_M_PER_MIN } from '../../domain/routing/travel.ts';
import { Rng } from './rng.ts';
import { DAY_MS, type DemoRecords } from './types.ts';
import type { TeamInput } from '../db/schema/teams.input.ts';

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The team the demo leader login leads: the commune's first team by name (as demo-users.ts). */
export function demoLeaderTeam(teams: readonly TeamInput[], communeCode: string) {
	return teams
		.filter((t) => t.communeCode === communeCode)
		.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))[0];
}

interface TeamJob {
	team: TeamInput;
	members: TeamMember[];
	days: string[];
	rural: boolean;
}

function planJob(r: DemoRecords, job: TeamJob, taken: Set<string>): TeamPlan {
	const households = r.households
		.filter((h) => h.communeCode === job.team.communeCode)
		.filter((h) => (job.team.hamletId ? h.hamletId === job.team.hamletId : true))
		.filter((h) => !taken.has(h.id))
		.map((h) => {
			const keys = parseAddress(h.address);
			return {
				id: h.id,
				lon: h.lon ?? null,
				lat: h.lat ?? null,
				alleyKey: keys.alleyKey,
				addressKey: keys.addressKey,
				doNotContact: h.doNotContact ?? false,
				hamletId: h.hamletId ?? null,
				priority: false,
				revisit: null
			};
		});
	return planTeam({
		households,
		hamlets: r.hamlets
			.filter((h) => h.communeCode === job.team.communeCode)
			.map((h) => ({ id: h.id, lon: h.lon ?? null, lat: h.lat ?? null })),
		members: job.members,
		options: {
			days: job.days,
			sessions: ['morning'],
			travelMode: job.rural ? 'motorbike' : 'foot',
			walkMPerMin: DEFAULT_WALK_M_PER_MIN,
			minutesPerHouse: DEFAULT_MINUTES_PER_HOUSE,
			spread: 'even'
		}
	});
}

/** The plan's outings as a route plan input; outings with no session are left as gaps. */
function toInput(
	job: TeamJob,
	plan: TeamPlan,
	names: Map<string, string>,
	seed: string,
	now: number
) {
	const rng = new Rng(`${seed}|routes|${job.team.id}`);
	const outings = plan.outings.filter((o) => o.memberId && o.day);
	if (outings.length === 0) return null;
	const input: RoutePlanInput = {
		provinceCode: job.team.provinceCode,
		communeCode: job.team.communeCode,
		teamId: job.team.id,
		start: null,
		travelMode: job.rural ? 'motorbike' : 'foot',
		isDemo: true,
		createdAt: now,
		routes: outings.map((o, i) => ({
			id: rng.uuid7(now + i),
			name: `${names.get(o.areaIds[0]!) ?? 'Tổ'} — ${o.day!.slice(8)}/${o.day!.slice(5, 7)} sáng`,
			householdIds: o.householdIds,
			assigneeMemberId: o.memberId,
			plannedOn: o.day,
			session: o.session,
			sessionMinutes: o.sessionMinutes,
			start: o.start,
			startKind: o.startKind,
			flag: o.flag
		}))
	};
	return input;
}

/**
 * The demo plans of the given communes: hamlet teams first, then commune-wide teams over what is
 * left (a household is never on two plans).
 * @param rural true for a xã (motorbike), false for a phường (on foot).
 */
export function demoRoutePlans(
	r: DemoRecords,
	communeCodes: ReadonlySet<string>,
	seed: string,
	now: number,
	rural: (communeCode: string) => boolean,
	leaderCommune: string
): RoutePlanInput[] {
	const week = periodDays(isoDay(now + DAY_MS), isoDay(now + 7 * DAY_MS), true);
	const leaderTeam = demoLeaderTeam(r.teams, leaderCommune);
	const names = new Map(r.hamlets.map((h) => [h.id, h.name]));
	const teams = r.teams
		.filter((t) => t.active !== false && communeCodes.has(t.communeCode))
		.sort((a, b) => Number(!a.hamletId) - Number(!b.hamletId));
	const taken = new Set<string>();
	const plans: RoutePlanInput[] = [];
	for (const team of teams) {
		const active = r.members
			.filter((m) => m.teamId === team.id && m.active !== false)
			.sort((a, b) => (a.fullName < b.fullName ? -1 : 1));
		const lead = team.id === leaderTeam?.id;
		const members = (lead ? active.slice(0, 1) : active).map((m) => ({
			id: m.id,
			sessionMinutes: DEFAULT_SESSION_MINUTES,
			start: { kind: 'hamlet' as const }
		}));
		if (members.length === 0) continue;
		const job = {
			team,
			members,
			days: lead ? week.slice(0, 1) : week,
			rural: rural(team.communeCode)
		};
		const input = toInput(job, planJob(r, job, taken), names, seed, now);
		if (!input) continue;
		for (const route of input.routes) for (const id of route.householdIds) taken.add(id);
		plans.push(input);
	}
	return plans;
}
