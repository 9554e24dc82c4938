/**
 * Runs wrangler's own CLI (the repository's copy, without npx) for the D1 and deploy steps, so
 * a local run and a test exercise exactly the commands the production deploy runs, with
 * `--local --persist-to` in place of `--remote`.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from './paths.ts';

const WRANGLER = join(repoRoot, 'node_modules', 'wrangler', 'bin', 'wrangler.js');

/** Where a D1 command acts: the account's database, or a local one in a persist folder. */
export type D1Target = { remote: true } | { remote: false; persistTo: string };

/** A wrangler command that exited with an error; its message ends with wrangler's output. */
export class WranglerError extends Error {}

/** How a wrangler run ended, with what it printed. */
export interface WranglerRun {
	stdout: string;
	stderr: string;
}

/**
 * Runs `wrangler <args>` from the repository root and waits for it (asynchronously, so a test
 * can hold the same local D1 open meanwhile). Output is captured; with `echo` it is also shown.
 *
 * @throws WranglerError naming the command, with wrangler's last output lines, on a non-zero exit
 */
export function wrangler(args: string[], opts: { echo?: boolean } = {}): Promise<WranglerRun> {
	const env = {
		...process.env,
		CI: 'true',
		WRANGLER_SEND_METRICS: 'false',
		CLOUDFLARE_CF_FETCH_ENABLED: process.env.CLOUDFLARE_CF_FETCH_ENABLED ?? 'false'
	};
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [WRANGLER, ...args], { cwd: repoRoot, env });
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (d: Buffer) => {
			stdout += d.toString();
			if (opts.echo) process.stdout.write(d);
		});
		child.stderr.on('data', (d: Buffer) => {
			stderr += d.toString();
			if (opts.echo) process.stderr.write(d);
		});
		child.on('error', reject);
		child.on('close', (status) => {
			if (status === 0) return resolve({ stdout, stderr });
			const tail = `${stdout}\n${stderr}`.trim().split('\n').slice(-15).join('\n');
			reject(new WranglerError(`wrangler ${args.join(' ')} failed (exit ${status}):\n${tail}`));
		});
	});
}

function targetArgs(target: D1Target): string[] {
	return target.remote ? ['--remote'] : ['--local', '--persist-to', target.persistTo];
}

/** `wrangler d1 migrations apply <binding>` with the binding's migrations_dir in `config`. */
export function applyD1Migrations(
	binding: string,
	target: D1Target,
	config: string
): Promise<WranglerRun> {
	return wrangler(['d1', 'migrations', 'apply', binding, ...targetArgs(target), '-c', config]);
}

/** `wrangler d1 execute <binding> --file <file> --yes`: one file, applied atomically by D1. */
export function executeD1File(
	binding: string,
	file: string,
	target: D1Target,
	config: string
): Promise<WranglerRun> {
	return wrangler([
		'd1',
		'execute',
		binding,
		...targetArgs(target),
		'--yes',
		'--file',
		file,
		'-c',
		config
	]);
}
