/**
 * Writes households: API, CSV import and demo seed alike. The address keys come from the
 * domain address parser here, so every path into the table computes them the same way.
 */
import type { Db } from '../client.ts';
import { households } from '../schema/index.ts';
import {
	householdInput,
	type HouseholdInput,
	type HouseholdRow
} from '../schema/households.input.ts';
import { parseAddress } from '../../../domain/address.ts';
import {
	checkCommunes,
	checkParents,
	insertRows,
	parseRows,
	throwIfIssues,
	type OnDuplicate,
	type WriteResult
} from './validate.ts';

/** A validated household with its address and alley keys. */
export function withAddressKeys(h: HouseholdRow): typeof households.$inferInsert {
	const parsed = parseAddress(h.address);
	return { ...h, addressKey: parsed.addressKey, alleyKey: parsed.alleyKey };
}

/**
 * Validates and inserts households in one atomic batch, deriving addressKey and alleyKey from
 * the address. A household's hamlet must be in its commune.
 * @returns how many rows were written.
 * @throws WriteValidationError for invalid rows or references outside the row's scope.
 */
export async function insertHouseholds(
	db: Db,
	input: readonly HouseholdInput[],
	opts: { onDuplicate?: OnDuplicate } = {}
): Promise<WriteResult> {
	const rows = parseRows('households', householdInput, input);
	throwIfIssues('households', [
		...(await checkCommunes(db, rows)),
		...(await checkParents(db, rows, 'hamletId', 'hamlets'))
	]);
	return {
		inserted: await insertRows(db, households, rows.map(withAddressKeys), opts.onDuplicate)
	};
}
