/**
 * Writes households: API, CSV import and demo seed alike. The address keys come from the
 * domain address parser here, so every path into the table computes them the same way.
 * Households live in their province's shard; the checks (commune, hamlet) read the global D1
 * (docs/sharding.md).
 */
import type { Db } from '../client.ts';
import { requireShard, type ShardDb } from '../shards.ts';
import { households } from '../schema/index.ts';
import {
	householdInput,
	type HouseholdInput,
	type HouseholdRow
} from '../schema/households.input.ts';
import { parseAddress } from '../../../domain/address.ts';
import {
	prepareRows,
	rowChecker,
	runPrepared,
	type PreparedWrite,
	type WriteOptions,
	type WriteResult
} from './validate.ts';

/** A validated household with its address and alley keys. */
export function withAddressKeys(h: HouseholdRow): typeof households.$inferInsert {
	const parsed = parseAddress(h.address);
	return { ...h, addressKey: parsed.addressKey, alleyKey: parsed.alleyKey };
}

const checkHouseholds = rowChecker({
	entity: 'households',
	schema: householdInput,
	parent: { field: 'hamletId', table: 'hamlets' }
});

/**
 * Validates households and builds their insert statements, prepared on the shard, without
 * running them. addressKey and alleyKey come from the address; a household's hamlet must be in
 * its commune.
 * @param db the global D1 (communes, hamlets); shard: the households' province shard.
 * @throws WriteValidationError for invalid rows or references outside the row's scope.
 */
export async function prepareHouseholds(
	db: Db,
	shard: ShardDb,
	input: readonly HouseholdInput[],
	opts: WriteOptions = {}
): Promise<PreparedWrite> {
	const rows = await checkHouseholds(db, input);
	requireShard(shard, new Set(rows.map((r) => r.provinceCode)));
	return prepareRows(shard, households, rows.map(withAddressKeys), opts.onDuplicate);
}

/**
 * Validates and inserts households (keys derived from the address) in one atomic batch on the
 * shard.
 * @returns how many rows were written.
 * @throws WriteValidationError for invalid rows or references outside the row's scope.
 */
export async function insertHouseholds(
	db: Db,
	shard: ShardDb,
	input: readonly HouseholdInput[],
	opts?: WriteOptions
): Promise<WriteResult> {
	return runPrepared(shard, await prepareHouseholds(db, shard, input, opts));
}
