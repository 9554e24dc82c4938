/**
 * Runs every benchmark in bench/ (each `bench/*.ts` but this file; helpers live in bench/lib/),
 * one after another, and prints their figures. A benchmark that fails is reported and the run
 * goes on; the exit code is 1 if any failed. Benchmarks that need a built app or a server say so
 * and start what they need themselves.
 *
 *   npm run bench                 # all of them
 *   npm run bench -- map route    # only those whose file name contains "map" or "route"
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../scripts/lib/paths.ts';

const filters = process.argv.slice(2);
const benchDir = join(repoRoot, 'bench');
const files = readdirSync(benchDir)
	.filter((f) => f.endsWith('.ts') && f !== 'run-all.ts')
	.filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
	.sort();

const failed: string[] = [];
for (const file of files) {
	console.log(`\n━━ bench/${file} ━━`);
	const started = performance.now();
	const run = spawnSync(process.execPath, [join('bench', file)], {
		cwd: repoRoot,
		stdio: 'inherit',
		env: { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_SEND_METRICS: 'false' }
	});
	const seconds = ((performance.now() - started) / 1000).toFixed(1);
	if (run.status !== 0) failed.push(file);
	console.log(
		`━━ ${file}: ${run.status === 0 ? 'done' : `FAILED (exit ${run.status})`} in ${seconds} s`
	);
}
console.log(`\n${files.length - failed.length}/${files.length} benchmarks ran.`);
if (failed.length > 0) {
	console.log(`Failed: ${failed.join(', ')}`);
	process.exit(1);
}
