/**
 * Opens wrangler's embedded (local) D1 from a node script, through getPlatformProxy — the same
 * databases and files `wrangler dev` uses: the global `DB` and the province shards of
 * wrangler.toml (`SHARD_n`, docs/sharding.md). Writes go through the real D1 API, so batches
 * are atomic exactly as in production.
 */
import { getPlatformProxy } from 'wrangler';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'smol-toml';
import { getDb, type Db } from '../../src/lib/server/db/client.ts';
import { ShardRouter, type ShardEnv } from '../../src/lib/server/db/shards.ts';
import { persistDir, repoRoot } from './paths.ts';

export interface LocalDb {
	d1: D1Database;
	db: Db;
	/** Every binding of wrangler.toml (DB, the shards, ARCHIVE, vars). */
	env: ShardEnv & Record<string, unknown>;
	/** The shards of every province (a scheduled job's router: `many`). */
	shards: ShardRouter;
}

/** Runs fn with the local D1s of `persistTo` (default: persistDir()), then closes them. */
export async function withLocalDb<T>(
	fn: (ctx: LocalDb) => Promise<T>,
	persistTo: string = persistDir()
): Promise<T> {
	const proxy = await getPlatformProxy<ShardEnv & Record<string, unknown>>({
		configPath: join(repoRoot, 'wrangler.toml'),
		persist: { path: join(persistTo, 'v3') }
	});
	try {
		const db = getDb(proxy.env.DB);
		const shards = new ShardRouter(proxy.env, db, { many: true });
		return await fn({ d1: proxy.env.DB, db, env: proxy.env, shards });
	} finally {
		await proxy.dispose();
	}
}

/** The D1 bindings of wrangler.toml: `DB` first, then the shards. */
export function d1Bindings(configPath = join(repoRoot, 'wrangler.toml')): string[] {
	const config = parse(readFileSync(configPath, 'utf8')) as {
		d1_databases?: { binding: string }[];
	};
	return (config.d1_databases ?? []).map((d) => d.binding);
}

/** Applies every database's migrations (migrations/, migrations-shard/) with wrangler itself. */
export function applyMigrations(persistTo: string = persistDir()): void {
	for (const binding of d1Bindings()) {
		execFileSync(
			'npx',
			['wrangler', 'd1', 'migrations', 'apply', binding, '--local', '--persist-to', persistTo],
			{
				cwd: repoRoot,
				stdio: ['ignore', 'ignore', 'inherit'],
				env: { ...process.env, CI: 'true', WRANGLER_SEND_METRICS: 'false' }
			}
		);
	}
}
