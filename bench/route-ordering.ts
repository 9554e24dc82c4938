/**
 * Route ordering benchmark (issue 5): time to order 200 and 2,000 households for walking
 * (alley walks + nearest neighbour + 2-opt + Or-opt), and the walk length against a stronger
 * reference (iterated local search with restarts on the same problem for ~30 s).
 * Goals: 200 ≤ 50 ms, 2,000 ≤ 300 ms; walk ≤ 5 % longer than the reference.
 *
 *   node bench/route-ordering.ts [--reference-seconds 30]
 */
import { availableParallelism, cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { BENCH_START, syntheticHouseholds } from './lib/route-fixtures.ts';
import { referenceLength } from './lib/route-reference.ts';
import { planRoutes, walkProblem } from '../src/lib/domain/routing/plan.ts';
import { solveWalk, Walk } from '../src/lib/domain/routing/tsp.ts';
import { DEFAULT_PLAN_OPTIONS } from '../src/lib/domain/routing/types.ts';

const { values } = parseArgs({
	options: { 'reference-seconds': { type: 'string', default: '30' } }
});
const refSeconds = Number(values['reference-seconds']);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${x.toFixed(1)} ms`;

console.log(
	`Machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${availableParallelism()} cores shared with other sessions; Node ${process.version}`
);

for (const [n, goal, refS] of [
	[200, 50, Math.min(10, refSeconds)],
	[2000, 300, refSeconds]
] as const) {
	const households = syntheticHouseholds(n);
	const opts = { ...DEFAULT_PLAN_OPTIONS, start: BENCH_START };
	const cold0 = performance.now();
	planRoutes(households, opts);
	const cold = performance.now() - cold0;
	const times: number[] = [];
	const cpu: number[] = [];
	for (let r = 0; r < 15; r++) {
		const c0 = process.cpuUsage();
		const t0 = performance.now();
		planRoutes(households, opts);
		times.push(performance.now() - t0);
		const c = process.cpuUsage(c0);
		cpu.push((c.user + c.system) / 1000);
	}
	const problem = walkProblem(households, BENCH_START);
	const ours = new Walk(problem, solveWalk(problem)).length();
	const ref = referenceLength(problem, refS * 1000);
	const excess = (ours / ref.length - 1) * 100;
	const plan = planRoutes(households, opts);
	console.log(
		`ordering ${n} households (${problem.units.length} walk units): median ${ms(median(times))} of 15 runs, ` +
			`first run ${ms(cold)}, max ${ms(Math.max(...times))}; CPU time median ${ms(median(cpu))} (goal ≤ ${goal} ms: ${median(times) <= goal ? 'met' : 'NOT met'})`
	);
	console.log(
		`  walk between units: ${(ours / 1000).toFixed(2)} km vs reference ${(ref.length / 1000).toFixed(2)} km ` +
			`(${refS} s, ${ref.restarts} restarts, ${ref.iterations} kicks): +${excess.toFixed(2)} % (goal ≤ 5 %: ${excess <= 5 ? 'met' : 'NOT met'})`
	);
	console.log(
		`  outings: ${plan.routes.length} of ${plan.routes.map((r) => r.householdIds.length).join('/')} households`
	);
}
