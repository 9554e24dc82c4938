/**
 * Validation of visits before any database read: zod, and each visit's time against its
 * receipt time (domain/visit-time.ts). A device's batch fails as a VisitBatchError naming the
 * id each sent visit carried.
 */
import {
	deviceVisitInput,
	visitInput,
	type VisitInput,
	type VisitRow
} from '../schema/visits.input.ts';
import { VisitBatchError, WriteValidationError, type WriteIssue } from './errors.ts';
import { parseRows, throwIfIssues } from './validate.ts';
import {
	VISIT_CLOCK_SKEW_MS,
	visitTimeMessage,
	visitTimeProblem
} from '../../../domain/visit-time.ts';

/**
 * Visit times against receipt times (domain/visit-time.ts); a given receipt time may not lie
 * after `now` either.
 */
function timeIssues(rows: readonly VisitRow[], now: number): WriteIssue[] {
	return rows.flatMap((r, index) => {
		if (r.receivedAt > now + VISIT_CLOCK_SKEW_MS)
			return [{ index, path: 'receivedAt', message: 'receivedAt is after the write time' }];
		const problem = visitTimeProblem(r.visitedAt, r.receivedAt);
		return problem
			? [
					{
						index,
						path: 'visitedAt',
						message: visitTimeMessage(problem, r.visitedAt, r.receivedAt)
					}
				]
			: [];
	});
}

/**
 * Validates visits from a trusted writer (demo seed, history replay): zod, then each visit's
 * time against its receipt time (`receivedAt`, else `now`).
 * @returns the rows, each with its receipt time.
 * @throws WriteValidationError naming row and field.
 */
export function parseVisits(input: readonly VisitInput[], now = Date.now()): VisitRow[] {
	const rows = parseRows('visits', visitInput, input).map((r) => ({
		...r,
		receivedAt: r.receivedAt ?? now
	}));
	throwIfIssues('visits', timeIssues(rows, now));
	return rows;
}

/**
 * Validates visits as a device sent them: server-side fields the device sent (`receivedAt`,
 * `isDemo`) are dropped; every visit is real and stamped as received `now`, so `?since=`
 * syncs see it.
 * @throws VisitBatchError naming row and field (a visit time out of bounds included).
 */
export function parseDeviceVisits(input: readonly unknown[], now: number): VisitRow[] {
	try {
		const rows = parseRows('visits', deviceVisitInput, input).map((r) => ({
			...r,
			isDemo: false,
			receivedAt: now
		}));
		throwIfIssues('visits', timeIssues(rows, now));
		return rows;
	} catch (err) {
		throw asBatchError(err, input);
	}
}

/** The id a sent visit carries, or null. */
export function sentId(v: unknown): string | null {
	const id = (v as { id?: unknown } | null)?.id;
	return typeof id === 'string' ? id : null;
}

/** A validation failure of a device's batch as a VisitBatchError naming the sent ids. */
function asBatchError(err: unknown, sent: readonly unknown[]): unknown {
	return err instanceof WriteValidationError
		? new VisitBatchError(err.issues, sent.map(sentId))
		: err;
}
