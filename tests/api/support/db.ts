/**
 * Fresh, migrated local D1s (real workerd / miniflare, no mocks) for one test file: the global
 * `DB` and the three province shards of wrangler.toml (docs/sharding.md).
 * Usage: `const t = await openTestDb(); … t.shard('19') … await t.close();`
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getPlatformProxy } from 'wrangler';
import { inject } from 'vitest';
import { getDb, type Db } from '../../../src/lib/server/db/client.ts';
import { ShardRouter, type ShardDb, type ShardEnv } from '../../../src/lib/server/db/shards.ts';
import { drainAuditOutboxes } from '../../../src/lib/server/auth/audit-outbox.ts';
import { repoRoot } from '../../../scripts/lib/paths.ts';

export type TestEnv = ShardEnv & Record<string, unknown> & { ARCHIVE: R2Bucket };

export interface TestDb {
	d1: D1Database;
	/** The global D1. */
	db: Db;
	/** Every binding of wrangler.toml, as the worker gets them (the API's env). */
	env: TestEnv;
	/** Every shard (a scheduled job's router). */
	shards: ShardRouter;
	/** The shard that holds a province's records. */
	shard(provinceCode: string): ShardDb;
	/**
	 * Moves every shard's audit outbox into the global audit_log, as the scheduled run does:
	 * before a test reads the global log for entries of record writes.
	 */
	moveAudit(): Promise<number>;
	/** The R2 bucket of the visit archive (local, in this test's folder). */
	archive: R2Bucket;
	/** The wrangler persist folder of these databases (for scripts run against them). */
	persistTo: string;
	close(): Promise<void>;
}

export async function openTestDb(): Promise<TestDb> {
	const persistTo = mkdtempSync(join(tmpdir(), 'tung-ngo-d1-'));
	cpSync(inject('d1Template'), persistTo, { recursive: true });
	const proxy = await getPlatformProxy<TestEnv>({
		configPath: join(repoRoot, 'wrangler.toml'),
		persist: { path: join(persistTo, 'v3') }
	});
	const db = getDb(proxy.env.DB);
	const shards = new ShardRouter(proxy.env, db, { many: true });
	return {
		d1: proxy.env.DB,
		db,
		env: proxy.env,
		shards,
		shard: (provinceCode) => shards.forProvince(provinceCode),
		moveAudit: async () => (await drainAuditOutboxes(db, shards, Infinity)).moved,
		archive: proxy.env.ARCHIVE,
		persistTo,
		async close() {
			await proxy.dispose();
			rmSync(persistTo, { recursive: true, force: true });
		}
	};
}
