/**
 * Shards in tests that run on one database (no PROVINCE_SHARDS): the router's answer there is
 * the global D1 itself, so a test hands it on as the shard.
 */
import type { Db } from '../../../src/lib/server/db/client.ts';
import type { ShardDb } from '../../../src/lib/server/db/shards.ts';

export const oneShard = (db: Db) => db as ShardDb;
