/**
 * Completion forecast benchmark (issue 17 §2): the time of one forecast of 10.000 trials (goal
 * ≤ 50 ms), and a backtest — histories cut at many weeks, forecast from what was known then, and
 * the real completion compared with the 85 % date (goal: on or before it in ≥ 80 % of cases).
 *
 * Synthetic histories: a team's weekly first visits drawn around a pace with week-to-week noise
 * (coefficient of variation 0,3 / 0,6 / 1,0), weeks with no visit at all (10 % / 30 %), households
 * still being found (0–30 % of the pace), and in some a pace that drifts ±30 % over a year, run
 * until every household is visited. Demo histories: every commune of the e2e demo database
 * (`.wrangler/e2e`, if prepared), its first visits per week; there nobody finishes, so the
 * "completion" is reaching the number visited by the last week (a milestone, no scope growth).
 *
 *   node bench/forecast.ts [--histories 300] [--demo .wrangler/e2e]
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { DatabaseSync } from 'node:sqlite';
import {
	forecastCompletion,
	FORECAST_TRIALS,
	type WeeklyHistory
} from '../src/lib/domain/forecast.ts';
import { forecastWeeks } from '../src/lib/domain/forecast-history.ts';
import { seededRandom } from '../src/lib/domain/routing/tsp.ts';
import { addDays } from '../src/lib/domain/vn-time.ts';
import { dayNumberWeekStart, vnDayNumber } from '../src/lib/domain/progress.ts';

const { values } = parseArgs({
	options: { histories: { type: 'string' }, demo: { type: 'string' } }
});
const HISTORIES = Number(values.histories ?? 300);
const load = () =>
	loadavg()
		.map((x) => x.toFixed(2))
		.join(' ');
const pct = (n: number, of: number) => `${((100 * n) / Math.max(1, of)).toFixed(1)} %`;
const TODAY0 = '2024-01-01'; // a Monday: synthetic week 0

/** A full history: visited and added per week, from week 0 until nothing is left. */
interface Run {
	scope0: number;
	visited: number[];
	added: number[];
	/** The week in which the last household was visited. */
	end: number;
}

interface Family {
	name: string;
	cv: number;
	zero: number;
	growth: number;
	drift: number;
}

/** A normal draw (Box–Muller). */
const normal = (r: () => number) => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());

/** A lognormal multiplier of mean 1 and coefficient of variation cv. */
function noise(r: () => number, cv: number): number {
	const s2 = Math.log(1 + cv * cv);
	return Math.exp(Math.sqrt(s2) * normal(r) - s2 / 2);
}

function synthetic(f: Family, seed: number): Run {
	const r = seededRandom(seed);
	const pace = 5 + r() * 55;
	const scope0 = Math.round(pace * (15 + r() * 45));
	const growth = pace * f.growth * r();
	const drift = f.drift * (r() < 0.5 ? -1 : 1);
	const run: Run = { scope0, visited: [], added: [], end: -1 };
	let scope = scope0;
	let done = 0;
	for (let w = 0; w < 600 && done < scope; w++) {
		const p = pace * (1 + (drift * w) / 52);
		const add = Math.round(growth * noise(r, 1));
		const v = r() < f.zero ? 0 : Math.round(Math.max(0, (p / (1 - f.zero)) * noise(r, f.cv)));
		scope += add;
		const visit = Math.min(v, scope - done);
		done += visit;
		run.added.push(add);
		run.visited.push(visit);
		if (done >= scope) run.end = w;
	}
	return run;
}

/** The history known on Monday of week `cut` (26 weeks at most, the current week empty). */
function cutAt(run: Run, cut: number): { h: WeeklyHistory; today: string } {
	const today = addDays(TODAY0, 7 * cut);
	const weeks = forecastWeeks(today, Math.min(26, cut + 1));
	const first = cut + 1 - weeks.length;
	const sum = (xs: number[], a: number, b: number) => xs.slice(a, b).reduce((s, n) => s + n, 0);
	return {
		today,
		h: {
			weeks,
			added: [...run.added.slice(first, cut), 0],
			visited: [...run.visited.slice(first, cut), 0],
			scopeBefore: run.scope0 + sum(run.added, 0, first),
			doneBefore: sum(run.visited, 0, first)
		}
	};
}

interface Tally {
	cases: number;
	in85: number;
	in50: number;
	insufficient: number;
}
const tally = (): Tally => ({ cases: 0, in85: 0, in50: 0, insufficient: 0 });

/** Forecasts a run at every 3rd week from week 13 until its end, and counts the hits. */
function backtest(run: Run, t: Tally, seed: number): void {
	for (let cut = 13; cut <= run.end; cut += 3) {
		const { h, today } = cutAt(run, cut);
		const f = forecastCompletion(h, { today, seed, trials: 2000 });
		if (f.status !== 'forecast') {
			if (f.status === 'insufficient') t.insufficient++;
			continue;
		}
		const real = addDays(TODAY0, 7 * run.end + 6);
		t.cases++;
		if (f.p85 !== null && real <= f.p85) t.in85++;
		if (f.p50 !== null && real <= f.p50) t.in50++;
	}
}

function timing(): void {
	const r = seededRandom(3);
	const run = synthetic({ name: 't', cv: 1, zero: 0.3, growth: 0.2, drift: 0 }, 11);
	const { h, today } = cutAt(run, Math.min(20, run.end));
	h.scopeBefore += 2000; // a long way to go: each trial walks many weeks
	const times: number[] = [];
	const cpu: number[] = [];
	for (let i = 0; i < 21; i++) {
		const t0 = performance.now();
		const c0 = process.cpuUsage();
		const f = forecastCompletion(h, { today, seed: Math.floor(r() * 1e9) });
		const c = process.cpuUsage(c0);
		times.push(performance.now() - t0);
		cpu.push((c.user + c.system) / 1000);
		if (f.status !== 'forecast') throw new Error(`timing history gave ${f.status}`);
	}
	const median = (xs: number[]) => [...xs.slice(1)].sort((a, b) => a - b)[10]!;
	console.log(
		`${FORECAST_TRIALS.toLocaleString('vi-VN')} trials: first ${times[0]!.toFixed(1)} ms, ` +
			`median of 20 ${median(times).toFixed(1)} ms wall, ${median(cpu).toFixed(1)} ms CPU ` +
			`(goal ≤ 50 ms) — load ${load()}`
	);
}

const FAMILIES: Family[] = [0.3, 0.6, 1.0].flatMap((cv) =>
	[0.1, 0.3].flatMap((zero) =>
		[0, 0.3].map((drift) => ({
			name: `cv ${cv} · ${zero * 100} % zero weeks · drift ±${drift * 100} %`,
			cv,
			zero,
			growth: 0.3,
			drift
		}))
	)
);

function syntheticBacktest(): Tally {
	const all = tally();
	console.log(`\nSynthetic backtest: ${HISTORIES} histories per family, cut every 3 weeks`);
	for (const [i, f] of FAMILIES.entries()) {
		const t = tally();
		for (let k = 0; k < HISTORIES; k++) backtest(synthetic(f, i * 100_003 + k), t, k + 1);
		console.log(
			`  ${f.name.padEnd(44)} ${String(t.cases).padStart(6)} cases: ` +
				`≤ 85 % date ${pct(t.in85, t.cases).padStart(7)}, ≤ 50 % date ${pct(t.in50, t.cases)}`
		);
		for (const k of ['cases', 'in85', 'in50', 'insufficient'] as const) all[k] += t[k];
	}
	return all;
}

/** First visits per commune and week from the demo database's shards (read-only). */
function demoRuns(dir: string): Run[] {
	const d1 = join(dir, 'v3/d1/miniflare-D1DatabaseObject');
	if (!existsSync(d1)) return [];
	const runs: Run[] = [];
	for (const file of readdirSync(d1).filter((f) => /^[0-9a-f]{64}\.sqlite$/.test(f))) {
		const db = new DatabaseSync(join(d1, file), { readOnly: true });
		const has = db
			.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE name = 'visits'`)
			.get() as { n: number };
		if (has.n === 0) continue;
		const rows = db
			.prepare(
				`SELECT commune_code AS c, min(visited_at) AS first FROM visits
				GROUP BY province_code, commune_code, household_id`
			)
			.all() as { c: string; first: number }[];
		db.close();
		const byCommune = Map.groupBy(rows, (r) => r.c);
		for (const list of byCommune.values()) runs.push(demoRun(list.map((r) => r.first)));
	}
	return runs.filter((r) => r.end >= 13);
}

/** A demo commune as a run towards its milestone: the households visited by now. */
function demoRun(firsts: number[]): Run {
	const weekNo = (ms: number) => dayNumberWeekStart(vnDayNumber(ms));
	const w0 = Math.min(...firsts.map(weekNo));
	const visited: number[] = [];
	for (const ms of firsts) {
		const i = (weekNo(ms) - w0) / 7;
		while (visited.length <= i) visited.push(0);
		visited[i]!++;
	}
	return { scope0: firsts.length, visited, added: visited.map(() => 0), end: visited.length - 1 };
}

function demoBacktest(): Tally | null {
	const runs = demoRuns(values.demo ?? '.wrangler/e2e');
	if (runs.length === 0) {
		console.log('\nDemo backtest: no demo database at .wrangler/e2e (prepare the e2e one first)');
		return null;
	}
	const t = tally();
	runs.forEach((run, k) => backtest(run, t, k + 1));
	console.log(
		`\nDemo backtest: ${runs.length} communes, ${t.cases} cases (${t.insufficient} cut weeks ` +
			`without enough data): ≤ 85 % date ${pct(t.in85, t.cases)}, ≤ 50 % date ${pct(t.in50, t.cases)}`
	);
	return t;
}

console.log(`Completion forecast — Node ${process.version}, load ${load()}`);
timing();
const s = syntheticBacktest();
console.log(
	`  all synthetic: ${s.cases} cases, real completion on or before the 85 % date in ` +
		`${pct(s.in85, s.cases)} (goal ≥ 80 %), the 50 % date in ${pct(s.in50, s.cases)}`
);
demoBacktest();
console.log(`load ${load()}`);
