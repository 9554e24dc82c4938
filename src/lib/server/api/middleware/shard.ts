/** The province shard a route works in (docs/sharding.md): one per request. */
import type { Context } from 'hono';
import type { AuthEnv } from './env.ts';
import type { ShardDb } from '../../db/shards.ts';

/** The shard that holds this province's records. */
export const shardOf = (c: Context<AuthEnv>, provinceCode: string): ShardDb =>
	c.get('shards').forProvince(provinceCode);
