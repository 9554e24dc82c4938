/**
 * A fresh, migrated local D1 (real workerd / miniflare, no mocks) for one test file.
 * Usage: `const t = await openTestDb(); … await t.close();`
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getPlatformProxy } from 'wrangler';
import { inject } from 'vitest';
import { getDb, type Db } from '../../../src/lib/server/db/client.ts';
import { repoRoot } from '../../../scripts/lib/paths.ts';

export interface TestDb {
	d1: D1Database;
	db: Db;
	/** The R2 bucket of the visit archive (local, in this test's folder). */
	archive: R2Bucket;
	/** The wrangler persist folder of this database (for scripts run against it). */
	persistTo: string;
	close(): Promise<void>;
}

export async function openTestDb(): Promise<TestDb> {
	const persistTo = mkdtempSync(join(tmpdir(), 'tung-ngo-d1-'));
	cpSync(inject('d1Template'), persistTo, { recursive: true });
	const proxy = await getPlatformProxy<{ DB: D1Database; ARCHIVE: R2Bucket }>({
		configPath: join(repoRoot, 'wrangler.toml'),
		persist: { path: join(persistTo, 'v3') }
	});
	return {
		d1: proxy.env.DB,
		db: getDb(proxy.env.DB),
		archive: proxy.env.ARCHIVE,
		persistTo,
		async close() {
			await proxy.dispose();
			rmSync(persistTo, { recursive: true, force: true });
		}
	};
}
