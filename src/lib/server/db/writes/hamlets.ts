/** Writes hamlets (thôn, xóm, bản, ấp, tổ dân phố): API, CSV import and demo seed alike. */
import { hamlets } from '../schema/index.ts';
import { hamletInput } from '../schema/hamlets.input.ts';
import { rowWriter } from './validate.ts';

const hamletWriter = rowWriter({ entity: 'hamlets', schema: hamletInput, table: hamlets });

/**
 * Validates hamlets and builds their insert statements without running them.
 * @throws WriteValidationError for invalid rows or references outside the row's scope.
 */
export const prepareHamlets = hamletWriter.prepare;

/**
 * Validates and inserts hamlets in one atomic batch.
 * @returns how many rows were written.
 * @throws WriteValidationError for invalid rows or references outside the row's scope.
 */
export const insertHamlets = hamletWriter.insert;
