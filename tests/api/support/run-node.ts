/**
 * Runs a node script of the repository (a CLI under scripts/) as a child process, without
 * blocking the test's own event loop — so the script can use the same local D1 a test holds open.
 */
import { spawn } from 'node:child_process';
import { repoRoot } from '../../../scripts/lib/paths.ts';

/** How a script run ended: its exit status and everything it printed. */
export interface NodeRun {
	status: number | null;
	stdout: string;
	stderr: string;
}

/** Runs `node <args>` from the repository root with `env` added to this process's environment. */
export function runNode(args: string[], env: Record<string, string> = {}): Promise<NodeRun> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, args, { cwd: repoRoot, env: { ...process.env, ...env } });
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
		child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
		child.on('error', reject);
		child.on('close', (status) => resolve({ status, stdout, stderr }));
	});
}
