/**
 * Writes households: API, CSV import and demo seed alike. The address keys come from the
 * domain address parser here, so every path into the table computes them the same way.
 */
import { households } from '../schema/index.ts';
import { householdInput, type HouseholdRow } from '../schema/households.input.ts';
import { parseAddress } from '../../../domain/address.ts';
import { rowWriter } from './validate.ts';

/** A validated household with its address and alley keys. */
export function withAddressKeys(h: HouseholdRow): typeof households.$inferInsert {
	const parsed = parseAddress(h.address);
	return { ...h, addressKey: parsed.addressKey, alleyKey: parsed.alleyKey };
}

const householdWriter = rowWriter({
	entity: 'households',
	schema: householdInput,
	table: households,
	parent: { field: 'hamletId', table: 'hamlets' },
	toRow: withAddressKeys
});

/**
 * Validates households and builds their insert statements without running them. addressKey
 * and alleyKey come from the address; a household's hamlet must be in its commune.
 * @throws WriteValidationError for invalid rows or references outside the row's scope.
 */
export const prepareHouseholds = householdWriter.prepare;

/**
 * Validates and inserts households (keys derived from the address) in one atomic batch.
 * @returns how many rows were written.
 * @throws WriteValidationError for invalid rows or references outside the row's scope.
 */
export const insertHouseholds = householdWriter.insert;
