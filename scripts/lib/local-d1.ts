/**
 * Opens wrangler's embedded (local) D1 from a node script, through getPlatformProxy — the same
 * database and files `wrangler dev` uses. Writes go through the real D1 API, so batches are
 * atomic exactly as in production.
 */
import { getPlatformProxy } from 'wrangler';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { getDb, type Db } from '../../src/lib/server/db/client.ts';
import { persistDir, repoRoot } from './paths.ts';

export interface LocalDb {
	d1: D1Database;
	db: Db;
}

/** Runs fn with the local D1 of `persistTo` (default: persistDir()), then closes it. */
export async function withLocalDb<T>(
	fn: (ctx: LocalDb) => Promise<T>,
	persistTo: string = persistDir()
): Promise<T> {
	const proxy = await getPlatformProxy<{ DB: D1Database }>({
		configPath: join(repoRoot, 'wrangler.toml'),
		persist: { path: join(persistTo, 'v3') }
	});
	try {
		return await fn({ d1: proxy.env.DB, db: getDb(proxy.env.DB) });
	} finally {
		await proxy.dispose();
	}
}

/** Applies the migrations in migrations/ with wrangler itself (idempotent). */
export function applyMigrations(persistTo: string = persistDir()): void {
	execFileSync(
		'npx',
		['wrangler', 'd1', 'migrations', 'apply', 'DB', '--local', '--persist-to', persistTo],
		{
			cwd: repoRoot,
			stdio: ['ignore', 'ignore', 'inherit'],
			env: { ...process.env, CI: 'true', WRANGLER_SEND_METRICS: 'false' }
		}
	);
}
