/**
 * Scale simulation (issue 15, part 4): one province shard at the size of the largest merged
 * province, and every leader and member query timed on it, with its query plans checked.
 *
 *   node bench/scale.ts --generate    # fill the shard first (resumable; ~40+ min), then measure
 *   node bench/scale.ts               # measure (says how to fill it if it is empty)
 *   options: --limit N (fill only N more communes), --runs N (default 30),
 *            --only A,B (measure only the requests whose name contains A or B),
 *            --proposed-indexes (measure with bench/lib/scale-proposals.ts's indexes, then drop them)
 *
 * The shard is its own local D1 (TUNG_NGO_SCALE_DIR, default .wrangler/scale): migrations and
 * the reference data, then Hồ Chí Minh's 168 communes (1.06 M households, ~3.3 M visits with
 * ~14 M service rows, routes, teams) written through the app's write functions
 * (bench/lib/scale-fill.ts). Exit code 1 when a measured statement scans a whole table.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { applyMigrations, withLocalDb } from '../scripts/lib/local-d1.ts';
import { repoRoot } from '../scripts/lib/paths.ts';
import { printMachine } from './lib/machine.ts';
import { fillScale } from './lib/scale-fill.ts';
import { doneCommunes } from './lib/scale-write.ts';
import { pickSubjects } from './lib/scale-subjects.ts';
import { undoSyncs } from './lib/scale-sync.ts';
import { scaleCases } from './lib/scale-cases.ts';
import { dbsOf, measureCases } from './lib/scale-measure.ts';
import { d1File, measureStorage } from './lib/scale-bytes.ts';
import { printCase, printPlans, printStorage } from './lib/scale-report.ts';
import { ensureProvinceFigures } from './lib/scale-figures.ts';
import { applyProposals, dropProposals, PROPOSED_INDEXES } from './lib/scale-proposals.ts';

const { values } = parseArgs({
	options: {
		generate: { type: 'boolean', default: false },
		limit: { type: 'string' },
		runs: { type: 'string', default: '30' },
		only: { type: 'string' },
		'proposed-indexes': { type: 'boolean', default: false }
	}
});
const persistTo = resolve(repoRoot, process.env.TUNG_NGO_SCALE_DIR ?? '.wrangler/scale');
const runs = Number(values.runs);
const env = { ...process.env, TUNG_NGO_PERSIST_DIR: persistTo };

printMachine();
if (values.generate) {
	console.log(`\n▶ Prepare ${persistTo}: migrations and reference data`);
	applyMigrations(persistTo);
	execFileSync(process.execPath, ['scripts/import-reference.ts'], {
		cwd: repoRoot,
		env,
		stdio: 'inherit'
	});
	console.log('\n▶ Fill the shard');
	const limit = values.limit === undefined ? undefined : Number(values.limit);
	const report = await withLocalDb(({ d1 }) => {
		const { db, shard } = dbsOf(d1);
		return fillScale(db, shard, { limit });
	}, persistTo);
	console.log(
		`Filled ${report.communes} communes in ${(report.elapsedMs / 60_000).toFixed(1)} min:`,
		report.totals
	);
}

if (!existsSync(persistTo)) {
	console.log(
		`\nNo scale shard in ${persistTo}: run \`node bench/scale.ts --generate\` first (40+ min).`
	);
	process.exit(0);
}

// The shard follows migrations/ (new indexes are part of what is measured).
applyMigrations(persistTo);
let scans = 0;
await withLocalDb(async ({ d1, db }) => {
	const done = await doneCommunes(db);
	if (done.size === 0) {
		console.log(`\nThe scale shard is empty: run \`node bench/scale.ts --generate\` first.`);
		return;
	}
	const counts = await d1
		.prepare(
			`SELECT (SELECT count(*) FROM households) AS households, (SELECT count(*) FROM visits) AS visits,
			(SELECT count(*) FROM routes) AS routes, (SELECT count(*) FROM teams) AS teams,
			(SELECT count(*) FROM members) AS members`
		)
		.first<Record<string, number>>();
	console.log(`\nShard: ${done.size} communes filled;`, counts);
	await ensureProvinceFigures(db);
	const proposed = values['proposed-indexes'];
	if (proposed) {
		const took = await applyProposals(d1);
		console.log(`\nProposed indexes created in ${(took / 1000).toFixed(1)} s:`);
		for (const p of PROPOSED_INDEXES) console.log(`  ${p.create};  -- ${p.serves}`);
	}
	const undone = await undoSyncs(dbsOf(d1).shard);
	if (undone > 0) console.log(`\nRemoved ${undone} visits an earlier run's sync case left.`);
	const subjects = await pickSubjects(db);
	const cases = await scaleCases(dbsOf(d1).shard, subjects);
	console.log(`\n▶ ${cases.length} requests, ${runs} runs each (ms; goal is for p95)`);
	const results = await measureCases(d1, cases, runs, printCase, (name) =>
		values.only ? values.only.split(',').some((x) => name.includes(x)) : true
	);
	printPlans(results);
	await undoSyncs(dbsOf(d1).shard);
	if (proposed) await dropProposals(d1);
	scans = results.reduce((n, r) => n + r.plans.filter((p) => p.scans.length > 0).length, 0);
}, persistTo);

printStorage(measureStorage(d1File(persistTo)));
if (scans > 0) {
	console.error(`\n✗ ${scans} measured statement(s) scan a whole table: see the plans above.`);
	process.exit(1);
}
