/** Writes teams and their members: API, CSV import and demo seed alike. */
import type { Db } from '../client.ts';
import { members, teams } from '../schema/index.ts';
import { memberInput, teamInput, type MemberInput, type TeamInput } from '../schema/teams.input.ts';
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

/**
 * Validates teams and builds their insert statements without running them. A team's hamlet
 * must be in its commune.
 * @throws WriteValidationError for invalid rows or references outside the row's scope.
 */
export async function prepareTeams(
	db: Db,
	input: readonly TeamInput[],
	opts: { onDuplicate?: OnDuplicate } = {}
): Promise<PreparedWrite> {
	const rows = parseRows('teams', teamInput, input);
	throwIfIssues('teams', [
		...(await checkCommunes(db, rows)),
		...(await checkParents(db, rows, 'hamletId', 'hamlets'))
	]);
	return prepareRows(db, teams, rows, opts.onDuplicate);
}

/**
 * Validates and inserts teams in one atomic batch (see prepareTeams).
 * @returns how many rows were written.
 * @throws WriteValidationError for invalid rows or references outside the row's scope.
 */
export async function insertTeams(
	db: Db,
	input: readonly TeamInput[],
	opts: { onDuplicate?: OnDuplicate } = {}
): Promise<WriteResult> {
	return runPrepared(db, await prepareTeams(db, input, opts));
}

/**
 * Validates team members and builds their insert statements without running them. A member's
 * team must be in the member's commune.
 * @throws WriteValidationError for invalid rows or references outside the row's scope.
 */
export async function prepareMembers(
	db: Db,
	input: readonly MemberInput[],
	opts: { onDuplicate?: OnDuplicate } = {}
): Promise<PreparedWrite> {
	const rows = parseRows('members', memberInput, input);
	throwIfIssues('members', [
		...(await checkCommunes(db, rows)),
		...(await checkParents(db, rows, 'teamId', 'teams'))
	]);
	return prepareRows(db, members, rows, opts.onDuplicate);
}

/**
 * Validates and inserts team members in one atomic batch (see prepareMembers).
 * @returns how many rows were written.
 * @throws WriteValidationError for invalid rows or references outside the row's scope.
 */
export async function insertMembers(
	db: Db,
	input: readonly MemberInput[],
	opts: { onDuplicate?: OnDuplicate } = {}
): Promise<WriteResult> {
	return runPrepared(db, await prepareMembers(db, input, opts));
}
