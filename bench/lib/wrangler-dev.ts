/**
 * For benchmarks that measure the built worker: starts `wrangler dev` on a local D1 directory in
 * its own process group, waits until `/api/health` answers, and stops the whole group.
 */
import { spawn } from 'node:child_process';
import { existsSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../scripts/lib/paths.ts';

export interface DevServer {
	url: string;
	stop(): void;
}

export interface DevServerOptions {
	port: number;
	/** The local D1 (and cache) directory, as for `--persist-to`. */
	persistTo: string;
	/** Where wrangler's output goes; discarded when not given. */
	logFile?: string;
	timeoutMs?: number;
	/** Worker variables for this run (`--var NAME:VALUE`). */
	vars?: Record<string, string>;
}

export async function startWranglerDev(options: DevServerOptions): Promise<DevServer> {
	if (!existsSync(join(repoRoot, '.svelte-kit/cloudflare/_worker.js'))) {
		throw new Error('No built app: run `npm run build` (and `npm run setup` once) first.');
	}
	const out = options.logFile ? openSync(options.logFile, 'w') : 'ignore';
	const proc = spawn(
		process.execPath,
		[
			'node_modules/wrangler/bin/wrangler.js',
			'dev',
			'--port',
			String(options.port),
			'--ip',
			'127.0.0.1',
			'--persist-to',
			options.persistTo,
			...Object.entries(options.vars ?? {}).flatMap(([k, v]) => ['--var', `${k}:${v}`])
		],
		{
			cwd: repoRoot,
			env: { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_SEND_METRICS: 'false' },
			detached: true,
			stdio: ['ignore', out, out]
		}
	);
	const server: DevServer = {
		url: `http://127.0.0.1:${options.port}`,
		stop() {
			try {
				if (proc.pid) process.kill(-proc.pid, 'SIGTERM');
			} catch {
				/* already gone */
			}
		}
	};
	// Also when this process ends without stopping it (an exception, a closed output pipe).
	process.once('exit', () => server.stop());
	const deadline = Date.now() + (options.timeoutMs ?? 90_000);
	while (Date.now() < deadline) {
		const up = await fetch(`${server.url}/api/health`)
			.then((r) => r.ok)
			.catch(() => false);
		if (up) return server;
		if (proc.exitCode !== null) break;
		await new Promise((r) => setTimeout(r, 500));
	}
	server.stop();
	throw new Error(
		`wrangler dev did not answer on ${server.url}` +
			(options.logFile ? ` (its output: ${options.logFile})` : '')
	);
}
