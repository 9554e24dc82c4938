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
	prepareRows,
	runPrepared,
	parseRows,
	throwIfIssues,
	type OnDuplicate,
	type PreparedWrite,
	type WriteResult
} from './validate.ts';

/** A validated household with its address and alley keys. */
export function withAddressKeys(h: HouseholdRow): typeof households.$inferInsert {
	const parsed = parseAddress(h.address);
	return { ...h, addressKey: parsed.addressKey, alleyKey: parsed.alleyKey };
}

/**
 * Validates households and builds their insert statements without running them. addressKey
 * and alleyKey come from the address; a household's hamlet must be in its commune.
 * @throws WriteValidationError for invalid rows or references outside the row's scope.
 */
export async function prepareHouseholds(
	db: Db,
	input: readonly HouseholdInput[],
	opts: { onDuplicate?: OnDuplicate } = {}
): Promise<PreparedWrite> {
	const rows = parseRows('households', householdInput, input);
	throwIfIssues('households', [
		...(await checkCommunes(db, rows)),
		...(await checkParents(db, rows, 'hamletId', 'hamlets'))
	]);
	return prepareRows(db, households, rows.map(withAddressKeys), opts.onDuplicate);
}

/**
 * Validates and inserts households (keys derived from the address) in one atomic batch.
 * @returns how many rows were written.
 * @throws WriteValidationError for invalid rows or references outside the row's scope.
 */
export async function insertHouseholds(
	db: Db,
	input: readonly HouseholdInput[],
	opts: { onDuplicate?: OnDuplicate } = {}
): Promise<WriteResult> {
	return runPrepared(db, await prepareHouseholds(db, input, opts));
}
