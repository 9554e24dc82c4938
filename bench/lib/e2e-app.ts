/**
 * For benchmarks that drive the app in Chromium: prepares the e2e local D1 (setup, field
 * fixture), builds the app, and runs Playwright with the given spec and environment (Playwright
 * starts and stops wrangler dev itself). Returns the run's output and exit code.
 */
import { spawnSync } from 'node:child_process';
import { repoRoot } from '../../scripts/lib/paths.ts';

const env = {
	...process.env,
	CLOUDFLARE_CF_FETCH_ENABLED: 'false',
	WRANGLER_SEND_METRICS: 'false',
	TUNG_NGO_PERSIST_DIR: '.wrangler/e2e'
};

function run(cmd: string, args: string[], extra: Record<string, string> = {}, quiet = true) {
	const r = spawnSync(cmd, args, {
		cwd: repoRoot,
		env: { ...env, ...extra },
		encoding: 'utf8',
		stdio: quiet ? 'pipe' : 'inherit',
		maxBuffer: 64 * 1024 * 1024
	});
	if (r.status !== 0 && quiet) {
		console.error(r.stdout?.slice(-4000), r.stderr?.slice(-4000));
	}
	return { status: r.status ?? 1, out: `${r.stdout ?? ''}${r.stderr ?? ''}` };
}

/** Setup + fixture + build; exits on failure. */
export function prepareApp(): void {
	for (const [cmd, args] of [
		[process.execPath, ['scripts/setup.ts']],
		[process.execPath, ['tests/e2e/support/field-fixture.ts']],
		[process.execPath, ['node_modules/vite/bin/vite.js', 'build']]
	] as [string, string[]][]) {
		const r = run(cmd, args);
		if (r.status !== 0) {
			console.error(`✗ ${args.join(' ')} failed`);
			process.exit(1);
		}
	}
}

/** Runs Playwright (desktop project) on `spec` with a config, returning its output. */
export function playwright(spec: string, extra: Record<string, string>, config?: string) {
	const args = [
		'node_modules/@playwright/test/cli.js',
		'test',
		spec,
		'--project',
		'desktop',
		'--reporter',
		'line'
	];
	if (config) args.push('--config', config);
	return run(process.execPath, args, extra);
}

/**
 * The JSON a spec printed on its `PREFIX {…}` line; exits with the run's tail when there is none
 * (or, with `mustPass`, when the run failed).
 */
export function reportOf<T>(
	r: { status: number; out: string },
	prefix: string,
	what: string,
	mustPass = false
): T {
	const line = r.out.split('\n').find((l) => l.startsWith(`${prefix} `));
	if (!line || (mustPass && r.status !== 0)) {
		console.error(r.out.slice(-6000));
		console.error(`✗ ${what}`);
		process.exit(1);
	}
	return JSON.parse(line.slice(prefix.length + 1)) as T;
}
