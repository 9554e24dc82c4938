/**
 * Where figures were measured: the machine (CPU, cores, load — the machine is shared, so the
 * load says how much to trust a time), Node, and the code (commit, and whether the tree had
 * changes not in it). Reads git state only.
 */
import { execFileSync } from 'node:child_process';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { repoRoot } from '../../scripts/lib/paths.ts';

/** The 1, 5 and 15-minute load averages. */
export const loadAverage = () =>
	loadavg()
		.map((x) => x.toFixed(2))
		.join(' ');

function git(args: string[]): string {
	try {
		return execFileSync('git', args, { cwd: repoRoot, encoding: 'utf8' }).trim();
	} catch {
		return '';
	}
}

/** The commit and whether the working tree differs from it (files changed or untracked). */
export function codeVersion(): string {
	const commit = git(['rev-parse', '--short', 'HEAD']) || 'unknown';
	const changed = git(['status', '--porcelain']).split('\n').filter(Boolean).length;
	return changed
		? `${commit}, tree dirty (${changed} files changed or untracked)`
		: `${commit}, tree clean`;
}

/** Prints the machine, Node and code lines every benchmark starts with. */
export function printMachine(extra = '') {
	console.log(
		`Machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${availableParallelism()} cores shared with ` +
			`other sessions; load average ${loadAverage()}; Node ${process.version}${extra}`
	);
	console.log(`Code: ${codeVersion()}`);
}
