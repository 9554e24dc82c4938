/** The province shard a route works in (docs/sharding.md): one per request. */
import type { Context } from 'hono';
import type { AuthEnv } from './env.ts';
import { ApiError } from '../errors.ts';
import type { ShardDb } from '../../db/shards.ts';
import type { Actor } from '../../../domain/scope.ts';
import { PROVINCE_HEADER } from '../../../api/headers.ts';

/** The header by which a national admin's page names the province it works in. */
export { PROVINCE_HEADER };

/** The shard that holds this province's records. */
export const shardOf = (c: Context<AuthEnv>, provinceCode: string): ShardDb =>
	c.get('shards').forProvince(provinceCode);

/**
 * The shard of a request about a record known only by its id (a household, a route): the
 * caller's own province, or for a national admin the province their page names
 * (PROVINCE_HEADER). With one database any province will do.
 * @throws ApiError 400 `province_required` for a national admin who names none, when sharded.
 */
export function recordShard(c: Context<AuthEnv>, actor: Actor): ShardDb {
	const province = actor.provinceCode ?? c.req.header(PROVINCE_HEADER) ?? null;
	if (province) return shardOf(c, province);
	if (!c.get('shards').sharded) return shardOf(c, '00');
	throw new ApiError('province_required', 400, `Name the province in ${PROVINCE_HEADER}`);
}
