/**
 * The scale simulation's records for one commune, from the demo generator's pure builders:
 * hamlets and households (scale-households.ts), a team per hamlet (makeTeam), visit histories
 * (householdVisits, several campaign rounds so a province reaches ~3 visits per household over
 * a year), and route plans: per hamlet team, past outings holding 60 % of its households (the
 * latest visit of each is recorded on its outing) and next week's outings holding 20 % more,
 * assigned to its members; the last 20 % are gaps. Pure: same seed, commune and `now` → the
 * same records, ids included, so an interrupted generation can redo a commune.
 */
import type { MemberInput, TeamInput } from '../../src/lib/server/db/schema/teams.input.ts';
import type { HouseholdInput } from '../../src/lib/server/db/schema/households.input.ts';
import type { RoutePlanInput } from '../../src/lib/server/db/schema/routes.input.ts';
import type { VisitInput } from '../../src/lib/server/db/schema/visits.input.ts';
import { makeTeam } from '../../src/lib/server/demo/generate-teams.ts';
import { householdVisits } from '../../src/lib/server/demo/generate-visits.ts';
import { Rng } from '../../src/lib/server/demo/rng.ts';
import { DAY_MS, type DemoRecords } from '../../src/lib/server/demo/types.ts';
import { addDays } from '../../src/lib/domain/vn-time.ts';
import {
	isUrban,
	makeHamlets,
	makeHouseholds,
	spread,
	type ScaleCommune
} from './scale-households.ts';

export interface ScaleRecords extends DemoRecords {
	plans: RoutePlanInput[];
}

/** Share of households with any visit, and campaign rounds per visited household. */
const VISITED = 0.95;
const ROUNDS = { one: 10, two: 30, three: 40, four: 20 } as const;
const ROUND_COUNT = { one: 1, two: 2, three: 3, four: 4 } as const;
/** Households per outing; shares of a hamlet on past outings and on next week's. */
const STOPS_PER_ROUTE = 20;
const PAST_SHARE = 0.6;
const NEXT_SHARE = 0.2;

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const real = <T extends { isDemo?: boolean }>(r: T): T => ({ ...r, isDemo: false });

/** One household's visits over its rounds; a round ending in refusal, a move or DNC ends it. */
function visitsOf(rng: Rng, hh: HouseholdInput, now: number, memberIds: string[]) {
	const out: VisitInput[] = [];
	if (!rng.chance(VISITED)) return out;
	const rounds = ROUND_COUNT[rng.weighted(ROUNDS)];
	const ctx = { now, adoption: 0.8 + rng.float() * 0.6, memberIds };
	for (let i = 0; i < rounds; i++) {
		const h = householdVisits(rng, hh, ctx);
		out.push(...h.visits.map(real));
		hh.consent ||= h.met && rng.chance(0.9);
		if (h.doNotContact) hh.doNotContact = true;
		const last = h.visits[h.visits.length - 1]?.outcome;
		if (last === 'refused' || last === 'moved' || last === 'do_not_contact') break;
	}
	return out;
}

interface TeamCtx {
	team: TeamInput;
	active: string[];
	hamletName: string;
	travelMode: 'foot' | 'motorbike';
}

type Outing = RoutePlanInput['routes'][number];

function outing(rng: Rng, t: TeamCtx, ids: string[], i: number, day: string, at: number): Outing {
	return {
		id: rng.uuid7(at + i),
		name: `${t.hamletName} — ${day.slice(8)}/${day.slice(5, 7)} sáng`,
		householdIds: ids,
		assigneeMemberId: t.active[i % t.active.length]!,
		plannedOn: day,
		session: 'morning',
		sessionMinutes: 180,
		startKind: null,
		flag: null
	};
}

/**
 * The hamlet team's plan: past outings (each household's latest visit moved onto its outing,
 * by its assignee, on the outing's day) and next week's outings; do-not-contact households are
 * never planned, as the route writer refuses them.
 */
function planHamlet(
	rng: Rng,
	t: TeamCtx,
	households: HouseholdInput[],
	visitsBy: Map<string, VisitInput[]>,
	now: number
): RoutePlanInput | null {
	const open = households.filter((h) => !h.doNotContact);
	const past = open.slice(0, Math.round(households.length * PAST_SHARE));
	const next = open.slice(past.length, past.length + Math.round(households.length * NEXT_SHARE));
	const routes: Outing[] = [];
	const createdAt = now - 400 * DAY_MS;
	for (let i = 0; i < past.length; i += STOPS_PER_ROUTE) {
		const stops = past.slice(i, i + STOPS_PER_ROUTE);
		const latest = stops.flatMap((h) => {
			const vs = visitsBy.get(h.id) ?? [];
			return vs.length ? [vs.reduce((a, b) => (b.visitedAt > a.visitedAt ? b : a))] : [];
		});
		const at = latest.length ? Math.min(...latest.map((v) => v.visitedAt)) : now - 30 * DAY_MS;
		const route = outing(
			rng,
			t,
			stops.map((h) => h.id),
			routes.length,
			isoDay(at),
			createdAt
		);
		for (const v of latest)
			Object.assign(v, { routeId: route.id, memberId: route.assigneeMemberId });
		routes.push(route);
	}
	const today = isoDay(now);
	for (let i = 0, d = 1; i < next.length; i += STOPS_PER_ROUTE, d = (d % 6) + 1) {
		const stops = next.slice(i, i + STOPS_PER_ROUTE).map((h) => h.id);
		routes.push(outing(rng, t, stops, routes.length, addDays(today, d), now - DAY_MS));
	}
	if (routes.length === 0) return null;
	return {
		provinceCode: t.team.provinceCode,
		communeCode: t.team.communeCode,
		teamId: t.team.id,
		createdBy: null,
		start: null,
		travelMode: t.travelMode,
		isDemo: false,
		createdAt,
		routes
	};
}

/**
 * Every record of one commune for the scale simulation.
 * @returns hamlets, teams, members, households, visits and route plans for the write functions.
 */
export function generateScaleCommune(c: ScaleCommune, seed: string, now: number): ScaleRecords {
	const rng = new Rng(`${seed}|${c.code}`);
	const out: ScaleRecords = {
		hamlets: makeHamlets(rng, c, now),
		teams: [],
		members: [],
		households: [],
		visits: [],
		streets: [],
		plans: []
	};
	const wide = makeTeam(rng, c, null, now);
	const fallback = wide.members.filter((m) => m.active !== false).map((m) => m.id);
	out.teams.push(real(wide.team));
	out.members.push(...wide.members.map(real));
	const sizes = spread(c.households, out.hamlets.length);
	out.hamlets.forEach((hamlet, i) => {
		const own = rng.chance(0.9) ? makeTeam(rng, c, hamlet, now) : null;
		if (own) {
			out.teams.push(real(own.team));
			out.members.push(...own.members.map(real));
		}
		const active =
			own && own.team.active !== false
				? own.members.filter((m: MemberInput) => m.active !== false).map((m) => m.id)
				: [];
		const households = makeHouseholds(rng, c, hamlet, sizes[i]!, now);
		const visitsBy = new Map<string, VisitInput[]>();
		for (const hh of households) {
			const vs = visitsOf(rng, hh, now, active.length ? active : fallback);
			if (vs.length) visitsBy.set(hh.id, vs);
		}
		if (own && active.length) {
			const t = {
				team: own.team,
				active,
				hamletName: hamlet.name,
				travelMode: isUrban(c) ? ('foot' as const) : ('motorbike' as const)
			};
			const plan = planHamlet(rng, t, households, visitsBy, now);
			if (plan) out.plans.push(plan);
		}
		out.households.push(...households);
		for (const vs of visitsBy.values()) out.visits.push(...vs);
	});
	return out;
}
