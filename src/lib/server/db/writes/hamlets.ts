/** Writes hamlets (thôn, xóm, bản, ấp, tổ dân phố): API, CSV import and demo seed alike. */
import type { Db } from '../client.ts';
import { hamlets } from '../schema/index.ts';
import { hamletInput, type HamletInput } from '../schema/hamlets.input.ts';
import {
	checkCommunes,
	prepareRows,
	runPrepared,
	parseRows,
	throwIfIssues,
	type OnDuplicate,
	type PreparedWrite,
	type WriteResult
} from './validate.ts';

/**
 * Validates hamlets and builds their insert statements without running them.
 * @throws WriteValidationError for invalid rows or references outside the row's scope.
 */
export async function prepareHamlets(
	db: Db,
	input: readonly HamletInput[],
	opts: { onDuplicate?: OnDuplicate } = {}
): Promise<PreparedWrite> {
	const rows = parseRows('hamlets', hamletInput, input);
	throwIfIssues('hamlets', [...(await checkCommunes(db, rows))]);
	return prepareRows(db, hamlets, rows, opts.onDuplicate);
}

/**
 * Validates and inserts hamlets in one atomic batch.
 * @returns how many rows were written.
 * @throws WriteValidationError for invalid rows or references outside the row's scope.
 */
export async function insertHamlets(
	db: Db,
	input: readonly HamletInput[],
	opts: { onDuplicate?: OnDuplicate } = {}
): Promise<WriteResult> {
	return runPrepared(db, await prepareHamlets(db, input, opts));
}
