/** Writes teams and their members: API, CSV import and demo seed alike. */
import type { Db } from '../client.ts';
import { members, teams } from '../schema/index.ts';
import { memberInput, teamInput, type MemberInput, type TeamInput } from '../schema/teams.input.ts';
import {
	checkCommunes,
	checkParents,
	insertRows,
	parseRows,
	throwIfIssues,
	type OnDuplicate,
	type WriteResult
} from './validate.ts';

/**
 * Validates and inserts teams in one atomic batch. A team's hamlet must be in its commune.
 * @returns how many rows were written.
 * @throws WriteValidationError for invalid rows or references outside the row's scope.
 */
export async function insertTeams(
	db: Db,
	input: readonly TeamInput[],
	opts: { onDuplicate?: OnDuplicate } = {}
): Promise<WriteResult> {
	const rows = parseRows('teams', teamInput, input);
	throwIfIssues('teams', [
		...(await checkCommunes(db, rows)),
		...(await checkParents(db, rows, 'hamletId', 'hamlets'))
	]);
	return { inserted: await insertRows(db, teams, rows, opts.onDuplicate) };
}

/**
 * Validates and inserts team members in one atomic batch. A member's team must be in the
 * member's commune.
 * @returns how many rows were written.
 * @throws WriteValidationError for invalid rows or references outside the row's scope.
 */
export async function insertMembers(
	db: Db,
	input: readonly MemberInput[],
	opts: { onDuplicate?: OnDuplicate } = {}
): Promise<WriteResult> {
	const rows = parseRows('members', memberInput, input);
	throwIfIssues('members', [
		...(await checkCommunes(db, rows)),
		...(await checkParents(db, rows, 'teamId', 'teams'))
	]);
	return { inserted: await insertRows(db, members, rows, opts.onDuplicate) };
}
