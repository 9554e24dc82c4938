/** Writes hamlets (thôn, xóm, bản, ấp, tổ dân phố): API, CSV import and demo seed alike. */
import type { Db } from '../client.ts';
import { hamlets } from '../schema/index.ts';
import { hamletInput, type HamletInput } from '../schema/hamlets.input.ts';
import {
	checkCommunes,
	insertRows,
	parseRows,
	throwIfIssues,
	type OnDuplicate,
	type WriteResult
} from './validate.ts';

/**
 * Validates and inserts hamlets in one atomic batch.
 * @returns how many rows were written.
 * @throws WriteValidationError for invalid rows or a commune outside the row's province.
 */
export async function insertHamlets(
	db: Db,
	input: readonly HamletInput[],
	opts: { onDuplicate?: OnDuplicate } = {}
): Promise<WriteResult> {
	const rows = parseRows('hamlets', hamletInput, input);
	throwIfIssues('hamlets', await checkCommunes(db, rows));
	return { inserted: await insertRows(db, hamlets, rows, opts.onDuplicate) };
}
