import type { Db } from '../client.ts';
import { meta } from '../schema/index.ts';

/** All `meta` facts as a plain object (reference import time, demo seed, metrics run). */
export async function readMeta(db: Db): Promise<Record<string, string>> {
	const rows = await db.select().from(meta);
	return Object.fromEntries(rows.map((r) => [r.key, r.value]));
}
