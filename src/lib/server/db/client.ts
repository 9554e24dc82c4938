import { drizzle } from 'drizzle-orm/d1';
import * as schema from './schema/index.ts';

export type Db = ReturnType<typeof getDb>;

/**
 * A drizzle client for one D1 binding. Call it per request (hooks / middleware) or per
 * script run — never keep a module-level singleton (docs/style.md, "A database per request").
 */
export function getDb(d1: D1Database) {
	return drizzle(d1, { schema });
}
