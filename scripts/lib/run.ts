/** Runs a node script or npx tool as a child process, inheriting output; throws on failure. */
import { spawnSync } from 'node:child_process';
import { repoRoot } from './paths.ts';

export function runStep(label: string, command: string, args: string[]): void {
	const started = Date.now();
	console.log(`\n▶ ${label}`);
	const res = spawnSync(command, args, { cwd: repoRoot, stdio: 'inherit', env: process.env });
	if (res.status !== 0) {
		throw new StepFailed(`${label} failed (exit ${res.status ?? res.signal})`);
	}
	console.log(`✓ ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

export class StepFailed extends Error {}
