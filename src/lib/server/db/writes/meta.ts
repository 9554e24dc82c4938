/** Writes a `meta` fact (demo seed, metrics run); the statement can join another batch. */
import { sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { meta } from '../schema/index.ts';
import { statement } from '../bulk.ts';

/** An upsert statement for one meta key, to run in a batch with the writes it describes. */
export function setMetaStatement(
	db: Db,
	key: string,
	value: string,
	now: number
): D1PreparedStatement {
	return statement(
		db,
		sql`INSERT INTO ${meta} (key, value, updated_at) VALUES (${key}, ${value}, ${now})
			ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`
	);
}
