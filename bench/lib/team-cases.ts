/**
 * One team's plan made every way the team-planning benchmark compares: the team planner
 * (best of both, cluster first, route first) and the previous planner (by size 60–80, by time),
 * each added to its variant's figures. Every team plan is checked (plan-checks.ts); a crash or a
 * wrong plan is kept with its input, for the report.
 */
import { planTeam, type TeamPlanInput } from '../../src/lib/domain/routing/team-plan.ts';
import {
	DEFAULT_SESSION_MINUTES,
	type PlanMethod,
	type TeamPlan
} from '../../src/lib/domain/routing/team-plan-types.ts';
import type { LonLat } from '../../src/lib/domain/routing/types.ts';
import { checkTeamPlan } from './plan-checks.ts';
import { Tally } from './plan-figures.ts';
import { previousPlan, PREVIOUS_DEFAULT_SPLIT } from './previous-planner.ts';

export const VARIANTS = [
	'after: best of both',
	'after: cluster first',
	'after: route first',
	'before: 60–80 households',
	'before: time 180 min'
] as const;

/** A plan to make: the team planner's input, and the previous planner's start. */
export interface TeamCase {
	label: string;
	input: TeamPlanInput;
	/** The team's hamlet point, or null (the previous planner picks an end). */
	previousStart: LonLat | null;
}

export interface Problem {
	label: string;
	method: string;
	what: string[];
	input: TeamPlanInput;
}

/** Figures per variant over many cases, the planner's time, and the methods compared. */
export class CaseTallies {
	readonly tallies = VARIANTS.map(() => new Tally());
	/** planTeam's default (best of both) time per case, ms. */
	readonly ms: number[] = [];
	readonly problems: Problem[] = [];
	/** Cases where cluster first / route first gave the shorter plan (by total minutes), or equal. */
	readonly shorter = { cluster: 0, route: 0, equal: 0 };
	readonly kept: Record<PlanMethod, number> = { cluster: 0, route: 0 };
}

/** Runs the team planner with one method (or the best of both), checked and tallied. */
function after(t: CaseTallies, c: TeamCase, variant: number, method?: PlanMethod) {
	const input = { ...c.input, options: { ...c.input.options, method } };
	const hamletOf = new Map(input.households.map((h) => [h.id, h.hamletId]));
	let plan: TeamPlan;
	const t0 = performance.now();
	try {
		plan = planTeam(input);
	} catch (err) {
		t.problems.push({ label: c.label, method: method ?? 'best', what: [String(err)], input });
		return null;
	}
	if (!method) t.ms.push(performance.now() - t0);
	const wrong = checkTeamPlan(input, plan);
	if (wrong.length)
		t.problems.push({ label: c.label, method: method ?? 'best', what: wrong, input });
	t.tallies[variant]!.add(plan.outings, hamletOf, plan.members, plan.unscheduled);
	return plan;
}

const total = (p: TeamPlan | null) => p?.outings.reduce((a, o) => a + o.minutes, 0) ?? NaN;

/** Makes the case's plans every way and adds them to the tallies. */
export function runCase(t: CaseTallies, c: TeamCase) {
	const best = after(t, c, 0);
	if (best) t.kept[best.method]++;
	const [cl, ro] = [total(after(t, c, 1, 'cluster')), total(after(t, c, 2, 'route'))];
	if (cl < ro) t.shorter.cluster++;
	else if (ro < cl) t.shorter.route++;
	else t.shorter.equal++;
	const hamletOf = new Map(c.input.households.map((h) => [h.id, h.hamletId]));
	const o = c.input.options;
	const session = c.input.members[0]?.sessionMinutes ?? DEFAULT_SESSION_MINUTES;
	[PREVIOUS_DEFAULT_SPLIT, { mode: 'time' as const, maxMinutes: session }].forEach((split, i) => {
		const prev = previousPlan({
			households: c.input.households,
			start: c.previousStart,
			split,
			travelMode: o.travelMode,
			walkMPerMin: o.walkMPerMin,
			minutesPerHouse: o.minutesPerHouse,
			sessionMinutes: session
		});
		t.tallies[3 + i]!.add(prev.outings, hamletOf);
	});
}
