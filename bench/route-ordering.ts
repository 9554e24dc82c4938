/**
 * Route ordering benchmark (issues 5 and 12): the walk solver (solveWalk) on three layout
 * families (bench/lib/route-families.ts), several sizes and seeds: its time (first run and
 * median), its walk length against a long-run reference (bench/lib/route-reference.ts, 30 s at
 * 2,000 stops), and the excess per family. Also the whole planner (planRoutes) on the mixed
 * family, as first measured for issue 5.
 * Goals: 2,000 stops ≤ 300 ms; walk ≤ 2 % longer than the reference (mean over seeds at 2,000).
 *
 *   node bench/route-ordering.ts [--reference-seconds 30] [--runs 15] [--seeds 3]
 *     [--sizes 200,1000,2000] [--families hamlets,alleys] [--json rows.json]   (about 9 minutes)
 *   node bench/route-ordering.ts --quick   (one seed, 200 and 2,000 stops, 5 s reference)
 */
import { writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { FAMILIES, seedsFor, type LayoutFamily } from './lib/route-families.ts';
import { BENCH_START, syntheticHouseholds } from './lib/route-fixtures.ts';
import { referenceLength } from './lib/route-reference.ts';
import { DEFAULT_PLAN_OPTIONS, planRoutes } from './lib/previous-planner-core.ts';
import { solveWalk, Walk, type PathProblem } from '../src/lib/domain/routing/tsp.ts';

const { values } = parseArgs({
	options: {
		'reference-seconds': { type: 'string' },
		quick: { type: 'boolean', default: false },
		runs: { type: 'string' },
		families: { type: 'string' },
		sizes: { type: 'string' },
		seeds: { type: 'string' },
		json: { type: 'string' }
	}
});
const quick = values.quick;
const refSeconds = Number(values['reference-seconds'] ?? (quick ? 5 : 30));
const runs = Number(values.runs ?? (quick ? 5 : 15));
const sizes = (values.sizes ?? (quick ? '200,2000' : '200,1000,2000')).split(',').map(Number);
const seedCount = Number(values.seeds ?? (quick ? 1 : 3));
const families = FAMILIES.filter((f) => !values.families || values.families.includes(f.name));

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const ms = (x: number) => `${x.toFixed(1)} ms`;
const pct = (x: number) => `${x >= 0 ? '+' : ''}${x.toFixed(2)} %`;
const load = () =>
	loadavg()
		.map((x) => x.toFixed(2))
		.join(' ');
/** Reference time for a problem of `stops` nodes: the full time from 1,000, in proportion below. */
const refSecondsFor = (stops: number) => Math.max(2, (refSeconds * Math.min(stops, 1000)) / 1000);

/** Wall and CPU time of `runs` calls, and of the first. */
function timed(f: () => void) {
	const wall: number[] = [];
	const cpu: number[] = [];
	for (let r = 0; r < runs + 1; r++) {
		const c0 = process.cpuUsage();
		const t0 = performance.now();
		f();
		wall.push(performance.now() - t0);
		const c = process.cpuUsage(c0);
		cpu.push((c.user + c.system) / 1000);
	}
	const first = wall.shift()!;
	cpu.shift();
	return { first, median: median(wall), max: Math.max(...wall), cpu: median(cpu) };
}

interface Row {
	family: string;
	households: number;
	seed: string;
	stops: number;
	time: number;
	first: number;
	length: number;
	reference: number;
	excess: number;
}

/** One problem: the solver's time and walk against the reference; prints a line. */
function measure(family: LayoutFamily, n: number, seed: string, p: PathProblem): Row {
	let order: ArrayLike<number> = [];
	const t = timed(() => (order = solveWalk(p)));
	const ours = new Walk(p, order).length();
	const refS = refSecondsFor(p.xs.length);
	const ref = referenceLength(p, refS * 1000);
	const excess = (ours / ref.length - 1) * 100;
	console.log(
		`  ${family.name} ${n} seed ${seed} (${p.xs.length - 1} stops): median ${ms(t.median)}, first ${ms(t.first)}, ` +
			`max ${ms(t.max)}, CPU ${ms(t.cpu)}; walk ${(ours / 1000).toFixed(3)} km vs reference ` +
			`${(ref.length / 1000).toFixed(3)} km (${refS.toFixed(0)} s, ${ref.restarts} restarts, ` +
			`${ref.iterations} kicks): ${pct(excess)}`
	);
	return {
		...{ family: family.name, households: n, seed, stops: p.xs.length - 1 },
		...{ time: t.median, first: t.first, length: ours, reference: ref.length, excess }
	};
}

/** The whole planner on the mixed family, as measured for issue 5. */
function planner(n: number) {
	const households = syntheticHouseholds(n);
	const opts = { ...DEFAULT_PLAN_OPTIONS, start: BENCH_START };
	const t = timed(() => planRoutes(households, opts));
	console.log(
		`planRoutes, ${n} mixed households: median ${ms(t.median)} of ${runs} runs, first ${ms(t.first)}, ` +
			`max ${ms(t.max)}, CPU ${ms(t.cpu)}`
	);
}

console.log(
	`Machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${availableParallelism()} cores shared with other sessions; ` +
		`Node ${process.version}; load average ${load()}`
);
console.log(
	`Timing: ${runs} runs after a first (cold) one; reference ${refSeconds} s from 1,000 stops up, in proportion below.`
);
for (const n of sizes) planner(n);
const summary: string[] = [];
const all: Row[] = [];
for (const family of families) {
	console.log(`${family.name}: stops are ${family.stops}`);
	for (const n of sizes) {
		const rows = seedsFor(family, seedCount).map((seed) =>
			measure(family, n, seed, family.problem(n, seed))
		);
		all.push(...rows);
		const excess = rows.map((r) => r.excess);
		summary.push(
			`${family.name.padEnd(13)} ${String(n).padStart(5)}  median ${ms(median(rows.map((r) => r.time))).padStart(9)}` +
				`  max ${ms(Math.max(...rows.map((r) => r.time))).padStart(9)}  excess mean ${pct(mean(excess))}, max ${pct(Math.max(...excess))}`
		);
	}
}
console.log(
	`\nSummary (time: median over seeds of each seed's median; excess over ${seedCount} seeds):`
);
for (const line of summary) console.log(line);
console.log(`Load average at the end: ${load()}`);
if (values.json) writeFileSync(values.json, JSON.stringify(all, null, 1));
