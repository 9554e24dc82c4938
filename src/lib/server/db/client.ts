import { drizzle } from 'drizzle-orm/d1';
import * as schema from './schema/index.ts';

/** A drizzle client of any D1 of the app: what helpers that work on every database take. */
export type AnyDb = ReturnType<typeof drizzle<typeof schema, D1Database>>;

declare const globalBrand: unique symbol;
/**
 * The global D1 (reference data, accounts, teams, public figures, audit). A province shard is a
 * ShardDb (./shards.ts): the two are distinct types, so passing one for the other does not compile.
 */
export type Db = AnyDb & { readonly [globalBrand]: true };

/**
 * A drizzle client for the global D1 binding. Call it per request (hooks / middleware) or per
 * script run — never keep a module-level singleton (docs/style.md, "A database per request").
 */
export function getDb(d1: D1Database): Db {
	return drizzle(d1, { schema }) as Db;
}

/** A drizzle client of any D1 binding (the shard router brands it). */
export function clientOf(d1: D1Database): AnyDb {
	return drizzle(d1, { schema });
}
