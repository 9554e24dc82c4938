/**
 * Team planning benchmark (Node; prints figures, asserts no timing):
 * a) plan quality on the demo communes, before and after — every active team's area planned by
 *    the team planner (best of both, cluster first, route first) and by the previous planner
 *    (60–80 households, or 180 minutes, from the team's hamlet point), all priced by the same
 *    cost model; Định Hoá (05569) on its own, also as one commune-wide plan (the issue);
 * b) speed: a team's 2,000 households (synthetic hamlets and alleys) for 5 members over
 *    5 days, two sessions a day, by motorbike. The ≤ 2 s goal is for the browser's planning
 *    worker (bench/route-planning-view.ts); the Node time is printed beside it.
 * Every team plan is checked for what must never happen (bench/lib/plan-checks.ts).
 *
 *   node bench/team-planning.ts [--runs 7] [--only demo|speed] [--problems file.json]
 * (the inputs of any wrong plan go to that file, default $TMPDIR/team-planning-problems.json)
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadDemoCommunes, type DemoCommune } from './lib/demo-teams.ts';
import { loadAverage, printMachine } from './lib/machine.ts';
import { printTallies } from './lib/plan-figures.ts';
import { CaseTallies, runCase, VARIANTS, type TeamCase } from './lib/team-cases.ts';
import { printSpeed } from './lib/team-speed.ts';
import type { TeamMember, TeamPlanOptions } from '../src/lib/domain/routing/team-plan-types.ts';

const { values } = parseArgs({
	options: {
		runs: { type: 'string', default: '7' },
		only: { type: 'string' },
		problems: { type: 'string' }
	}
});

/** Định Hoá, the commune of the issue. */
const DINH_HOA = '05569';
/** Five working days from a fixed Monday. */
const BENCH_DAYS = ['2026-12-07', '2026-12-08', '2026-12-09', '2026-12-10', '2026-12-11'];
const SESSION_MINUTES = 180;
const NAMES = ['best of both', 'cluster first', 'route first', 'old 60–80 hh', 'old ≤180 min'];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const ms = (x: number) => `${x.toFixed(1)} ms`;
const member = (id: string): TeamMember => ({
	id,
	sessionMinutes: SESSION_MINUTES,
	start: { kind: 'hamlet' }
});

/** The plan's options in a commune: motorbike in a xã (and a special zone), on foot in a phường. */
function optionsFor(c: DemoCommune): TeamPlanOptions {
	return {
		days: BENCH_DAYS,
		sessions: ['morning'],
		travelMode: c.unitType === 'Phường' ? 'foot' : 'motorbike',
		walkMPerMin: 67,
		minutesPerHouse: 8,
		spread: 'even'
	};
}

/** The cases of a commune: one per active team with households. */
function teamCases(c: DemoCommune): TeamCase[] {
	const point = new Map(c.hamlets.map((h) => [h.id, h]));
	return c.teams
		.filter((t) => t.households.length > 0)
		.map((t) => {
			const h = t.hamletId ? point.get(t.hamletId) : undefined;
			return {
				label: `${c.code} ${t.name} (team ${t.id})`,
				input: {
					households: t.households,
					hamlets: c.hamlets,
					members: t.memberIds.map(member),
					options: optionsFor(c)
				},
				previousStart: h && h.lon !== null && h.lat !== null ? [h.lon, h.lat] : null
			};
		});
}

/** The commune admin's view: every household, every active team's members in one plan. */
function poolCase(c: DemoCommune): TeamCase {
	return {
		label: `${c.code} commune-wide, all active teams' members pooled`,
		input: {
			households: c.households,
			hamlets: c.hamlets,
			members: c.teams.flatMap((t) => t.memberIds).map(member),
			options: optionsFor(c)
		},
		previousStart: null
	};
}

const GROUPS = ['Thái Nguyên (19)', 'Lạng Sơn (20)', 'sprinkle (other provinces)', 'all'];
const groupOf = (p: string) => GROUPS[p === '19' ? 0 : p === '20' ? 1 : 2]!;

/** A commune's counts: communes, teams, teams with no households, members, households, uncovered. */
function counts(c: DemoCommune): number[] {
	const inTeams = new Set(c.teams.flatMap((t) => t.households.map((h) => h.id)));
	return [
		1,
		c.teams.length,
		c.teams.filter((t) => !t.households.length).length,
		c.teams.reduce((a, t) => a + t.memberIds.length, 0),
		c.households.length,
		c.households.length - inTeams.size
	];
}

/** How many communes, teams, members and households the demo gives, by province. */
function printScope(communes: DemoCommune[]) {
	const rows = new Map(GROUPS.map((g) => [g, [0, 0, 0, 0, 0, 0]]));
	for (const c of communes)
		for (const g of [groupOf(c.provinceCode), 'all'])
			rows.set(
				g,
				rows.get(g)!.map((x, i) => x + counts(c)[i]!)
			);
	console.log('Demo communes with households and active teams:');
	for (const [g, [n, teams, empty, members, hh, outside]] of rows)
		console.log(
			`  ${g}: ${n} communes, ${teams} active teams (${empty} with no households in their area), ` +
				`${members!.toLocaleString('en')} active members, ${hh!.toLocaleString('en')} households ` +
				`(${outside} of them in hamlets no active team covers: in no team's plan)`
		);
}

function printMethods(t: CaseTallies, what: string) {
	const [cl, ro] = [t.tallies[1]!, t.tallies[2]!];
	const diff = ((ro.minutes - cl.minutes) / cl.minutes) * 100;
	console.log(
		`  ${what}: cluster first shorter (total minutes) for ${t.shorter.cluster} plans, route first for ` +
			`${t.shorter.route}, equal ${t.shorter.equal}; in all: cluster ${(cl.minutes / 60).toFixed(1)} h, ` +
			`${(cl.distanceM / 1000).toFixed(1)} km vs route ${(ro.minutes / 60).toFixed(1)} h, ` +
			`${(ro.distanceM / 1000).toFixed(1)} km (route ${diff >= 0 ? '+' : ''}${diff.toFixed(2)} % minutes); ` +
			`best of both kept cluster ${t.kept.cluster}×, route ${t.kept.route}×`
	);
}

/** Định Hoá's teams each on their own, then the commune admin's one plan for all of it. */
function printDinhHoa(dh: DemoCommune, teams: CaseTallies, pooled: CaseTallies) {
	console.log(`\nĐịnh Hoá (${DINH_HOA}), its ${teams.tallies[0]!.plans} teams, each its own area:`);
	printTallies(NAMES, teams.tallies);
	const members = dh.teams.reduce((a, t) => a + t.memberIds.length, 0);
	console.log(
		`\nĐịnh Hoá (${DINH_HOA}), commune admin view: all ${dh.households.length} households, the ` +
			`${members} members of its ${dh.teams.length} teams pooled; the old planner from its own end:`
	);
	printTallies(NAMES, pooled.tallies);
}

async function demo() {
	const t0 = performance.now();
	const communes = await loadDemoCommunes();
	console.log(
		`(read the demo data from a copy of the local D1 in ${((performance.now() - t0) / 1000).toFixed(1)} s)`
	);
	printScope(communes);
	console.log(
		`Plans: every team's area (do-not-contact skipped, existing routes ignored); members = the ` +
			`team's active members, ${SESSION_MINUTES}-min morning sessions from the hamlet's cultural house, ` +
			`${BENCH_DAYS[0]} … ${BENCH_DAYS.at(-1)}; motorbike in a xã, on foot in a phường; 8 min a ` +
			`house, 67 m/min, even spread. "Before": planRoutes from the team's hamlet point (its own ` +
			`end for a commune-wide team), re-priced with estimateRoute and the same travel model.`
	);
	const all = new CaseTallies();
	const dinh = new CaseTallies();
	const pooled = new CaseTallies();
	const t1 = performance.now();
	for (const c of communes)
		for (const tc of teamCases(c)) {
			runCase(all, tc);
			if (c.code === DINH_HOA) runCase(dinh, tc);
		}
	const allMs = performance.now() - t1;
	const dh = communes.find((c) => c.code === DINH_HOA);
	if (dh) runCase(pooled, poolCase(dh));
	console.log(`\nAll demo teams (${all.tallies[0]!.plans} plans):`);
	printTallies(NAMES, all.tallies);
	if (dh) printDinhHoa(dh, dinh, pooled);
	console.log('\nCluster first or route first?');
	printMethods(all, 'all demo teams');
	if (dh) printMethods(dinh, 'Định Hoá teams');
	console.log(
		`\nPlanning time (planTeam, best of both, per team): median ${ms(median(all.ms))}, max ` +
			`${ms(Math.max(...all.ms))}, total ${ms(all.ms.reduce((a, b) => a + b, 0))} for ${all.ms.length} ` +
			`teams; all ${VARIANTS.length} variants of every team: ${(allMs / 1000).toFixed(1)} s`
	);
	return [...all.problems, ...pooled.problems];
}

printMachine();
const problems = values.only === 'speed' ? [] : await demo();
if (values.only !== 'demo') problems.push(...printSpeed(Number(values.runs), BENCH_DAYS));
console.log(
	`\nPlanner problems (crash, household on two outings or none, over a session unflagged, double-booked):`
);
if (problems.length === 0) console.log('  none');
for (const p of problems.slice(0, 20))
	console.log(
		`  ${p.label} [${p.method}]: ${p.what.slice(0, 5).join('; ')}${p.what.length > 5 ? ` (+${p.what.length - 5})` : ''}`
	);
if (problems.length) {
	const file = values.problems ?? join(tmpdir(), 'team-planning-problems.json');
	writeFileSync(file, JSON.stringify(problems, null, 1));
	console.log(`  their exact inputs (TeamPlanInput) are in ${file}`);
}
console.log(`Load average at the end: ${loadAverage()}`);
