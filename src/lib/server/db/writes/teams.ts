/** Writes teams and their members: API, CSV import and demo seed alike. */
import { members, teams } from '../schema/index.ts';
import { memberInput, teamInput } from '../schema/teams.input.ts';
import { rowWriter } from './validate.ts';

/** A team's hamlet must be in its commune. */
const teamWriter = rowWriter({
	entity: 'teams',
	schema: teamInput,
	table: teams,
	parent: { field: 'hamletId', table: 'hamlets' }
});

/** A member's team must be in the member's commune. */
const memberWriter = rowWriter({
	entity: 'members',
	schema: memberInput,
	table: members,
	parent: { field: 'teamId', table: 'teams' }
});

/**
 * Validates teams and builds their insert statements without running them.
 * @throws WriteValidationError for invalid rows or references outside the row's scope.
 */
export const prepareTeams = teamWriter.prepare;

/** Validates and inserts teams in one atomic batch. @returns how many rows were written. */
export const insertTeams = teamWriter.insert;

/**
 * Validates team members and builds their insert statements without running them.
 * @throws WriteValidationError for invalid rows or references outside the row's scope.
 */
export const prepareMembers = memberWriter.prepare;

/** Validates and inserts team members in one atomic batch. @returns how many rows were written. */
export const insertMembers = memberWriter.insert;
