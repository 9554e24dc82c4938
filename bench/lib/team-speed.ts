/**
 * Speed of the team planner on a team's 2,000 households (bench/team-planning.ts, part b):
 * 5 members with 180-minute sessions, 5 days, morning and afternoon, by motorbike, on the
 * synthetic area of team-fixtures.ts — as its 18 hamlets and town streets, and as the one
 * hamlet the browser benchmark stores (bench/route-planning-view.ts), so the Node time and the
 * worker's compare. First run and median of `runs` per method and for the best of both.
 */
import { planTeam, type TeamPlanInput } from '../../src/lib/domain/routing/team-plan.ts';
import type { PlanMethod, TeamPlan } from '../../src/lib/domain/routing/team-plan-types.ts';
import { checkTeamPlan } from './plan-checks.ts';
import type { Problem } from './team-cases.ts';
import { asOneHamlet, teamArea, type TeamArea } from './team-fixtures.ts';

/** The area of the benchmarks' team: its seed and size (route-planning-view.ts stores it too). */
export const TEAM_SEED = 'team';
export const TEAM_HOUSEHOLDS = 2000;
export const TEAM_MEMBERS = 5;

/** The planner's input for the benchmarks' team over `days`. */
export function speedInput(area: TeamArea, days: string[], method?: PlanMethod): TeamPlanInput {
	return {
		households: area.households,
		hamlets: area.hamlets,
		members: Array.from({ length: TEAM_MEMBERS }, (_, i) => ({
			id: `member-${i + 1}`,
			sessionMinutes: 180,
			start: { kind: 'hamlet' as const }
		})),
		options: {
			days,
			sessions: ['morning', 'afternoon'],
			travelMode: 'motorbike',
			walkMPerMin: 67,
			minutesPerHouse: 8,
			spread: 'even',
			method
		}
	};
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** What the plan holds: outings, households, unscheduled, flags, km and hours. */
function describe(p: TeamPlan): string {
	const flags = new Map<string, number>();
	for (const o of p.outings) if (o.flag) flags.set(o.flag, (flags.get(o.flag) ?? 0) + 1);
	const hh = p.outings.reduce((a, o) => a + o.householdIds.length, 0);
	const km = p.outings.reduce((a, o) => a + o.distanceM, 0) / 1000;
	const h = p.outings.reduce((a, o) => a + o.minutes, 0) / 60;
	const f = [...flags].map(([k, n]) => `${n} ${k}`).join(', ') || 'none';
	return (
		`${p.outings.length} outings for ${hh} households, ${p.unscheduled} unscheduled, flags: ${f}; ` +
		`${km.toFixed(1)} km, ${h.toFixed(1)} h; kept ${p.method}`
	);
}

/** Times one input: a first run, then `runs` more. */
function timeRuns(input: TeamPlanInput, runs: number) {
	const times: number[] = [];
	let plan: TeamPlan | null = null;
	for (let r = 0; r <= runs; r++) {
		const t0 = performance.now();
		plan = planTeam(input);
		times.push(performance.now() - t0);
	}
	const first = times.shift()!;
	return { first, median: median(times), max: Math.max(...times), plan: plan! };
}

/**
 * Prints the timings of both layouts, every method.
 * @returns the problems of any wrong plan (with its input).
 */
export function printSpeed(runs: number, days: string[]): Problem[] {
	const area = teamArea(TEAM_HOUSEHOLDS, TEAM_SEED);
	const layouts: [string, TeamArea][] = [
		[`${area.hamlets.length} hamlets and town streets, a cultural house each`, area],
		['one hamlet, as route-planning-view.ts stores it', asOneHamlet(area, 'team-hamlet', 'Thôn')]
	];
	const problems: Problem[] = [];
	console.log(
		`\nSpeed: a team's ${TEAM_HOUSEHOLDS.toLocaleString('en')} households (synthetic: rural hamlets ` +
			`along valley roads + a town of numbered alleys), ${TEAM_MEMBERS} members × 180 min, ` +
			`${days.length} days × morning + afternoon, motorbike; first run, then median of ${runs}:`
	);
	for (const [name, a] of layouts) {
		console.log(`  ${name}:`);
		for (const method of [undefined, 'cluster', 'route'] as const) {
			const input = speedInput(a, days, method);
			const t = timeRuns(input, runs);
			const wrong = checkTeamPlan(input, t.plan);
			const label = `speed, ${name}`;
			if (wrong.length) problems.push({ label, method: method ?? 'best', what: wrong, input });
			console.log(
				`    ${(method ?? 'best of both').padEnd(12)} first ${t.first.toFixed(0)} ms, median ` +
					`${t.median.toFixed(0)} ms, max ${t.max.toFixed(0)} ms — ${describe(t.plan)}`
			);
		}
	}
	console.log('  (goal ≤ 2 s: in the browser planning worker, see bench/route-planning-view.ts)');
	return problems;
}
