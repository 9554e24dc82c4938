/**
 * The e2e run's local D1 (prepared by `npm run test:e2e`, shared with the running wrangler dev):
 * run a project script against it, or read it with SQL through wrangler.
 */
import { expect, type APIRequestContext } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parse } from 'smol-toml';
import { provinceShards, type ShardEnv } from '../../../src/lib/server/db/shards.ts';

export const E2E_PERSIST = '.wrangler/e2e';

const env = {
	...process.env,
	TUNG_NGO_PERSIST_DIR: E2E_PERSIST,
	CLOUDFLARE_CF_FETCH_ENABLED: 'false',
	WRANGLER_SEND_METRICS: 'false'
};

/**
 * Runs the running worker's scheduled handler for `cron`, as the Cron Trigger would (wrangler
 * dev --test-scheduled), inside the server's own process: no second process on the D1 files.
 */
export async function runCron(request: APIRequestContext, cron = '*/15 * * * *'): Promise<void> {
	const res = await request.get(`/__scheduled?cron=${encodeURIComponent(cron)}`);
	expect(res.status()).toBe(200);
}

/**
 * Runs a node script of the project (e.g. scripts/compute-metrics.ts) on the e2e D1. A failure
 * says why: the script's last error lines are in the thrown error.
 */
export function runScript(script: string, ...args: string[]): void {
	try {
		execFileSync(process.execPath, [script, ...args], {
			env,
			stdio: ['ignore', 'ignore', 'pipe'],
			maxBuffer: 16 * 1024 * 1024
		});
	} catch (err) {
		const stderr = String((err as { stderr?: unknown }).stderr ?? '');
		const tail = stderr.trim().split('\n').slice(-15).join('\n');
		throw new Error(`${script} ${args.join(' ')} failed:\n${tail}`, { cause: err });
	}
}

/** The D1 binding of wrangler.toml that holds a province's records (its shard), as the router reads it. */
export function shardBinding(provinceCode: string): string {
	const config = parse(readFileSync('wrangler.toml', 'utf8')) as {
		d1_databases?: { binding: string }[];
		vars?: Record<string, unknown>;
	};
	const bound = Object.fromEntries((config.d1_databases ?? []).map((d) => [d.binding, {}]));
	const env = { ...bound, ...config.vars } as unknown as ShardEnv;
	return provinceShards(env).get(provinceCode) ?? 'DB';
}

/**
 * The rows of one SQL query on the e2e D1, read by `wrangler d1 execute`: the global D1, or
 * with `opts.province` the shard of that province (households, routes, visits …).
 */
export function queryE2eDb<T>(sql: string, opts: { province?: string } = {}): T[] {
	const out = execFileSync(
		process.execPath,
		[
			'node_modules/wrangler/bin/wrangler.js',
			'd1',
			'execute',
			opts.province ? shardBinding(opts.province) : 'DB',
			'--local',
			'--persist-to',
			E2E_PERSIST,
			'--json',
			'--command',
			sql
		],
		{ env, encoding: 'utf8' }
	);
	return (JSON.parse(out) as { results: T[] }[])[0]!.results;
}
