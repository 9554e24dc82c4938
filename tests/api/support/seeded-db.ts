/**
 * The setup most API test files share: a fresh local D1 with the areas of AREAS seeded, opened
 * before the file's tests and closed after them.
 */
import { afterAll, beforeAll } from 'vitest';
import { openTestDb, type TestDb } from './db.ts';
import { seedAreas } from './accounts-factory.ts';

/**
 * Registers the file's database: before its tests it is opened and seeded, then `setup` runs on
 * it (keep the handle, make users and records); after them it is closed. `timeout` (ms) is the
 * setup's, for a file that builds a large world.
 */
export function useSeededDb(setup: (t: TestDb) => Promise<void> | void, timeout?: number): void {
	let t: TestDb | undefined;
	beforeAll(async () => {
		t = await openTestDb();
		await seedAreas(t.db);
		await setup(t);
	}, timeout);
	afterAll(() => t?.close());
}
