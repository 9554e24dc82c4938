/**
 * The one table of household status colours, shared by the planner (map, legend, route view)
 * and field mode (route map, list badges, visit form), so a colour means the same thing on
 * every screen: "refused" is one colour everywhere. Hues are colour-blind-safe (ColorBrewer
 * Dark2), do-not-contact near black. Field mode's statuses map onto the planner's.
 */
import type { HouseholdStatus } from '../domain/routing/status.ts';
import type { HouseholdStatus as FieldStatus } from '../domain/field/household-status.ts';

/** Colour per planning status. */
export const STATUS_COLORS: Record<HouseholdStatus, string> = {
	never: '#4a6fa5',
	met: '#1b9e77',
	not_home: '#e6ab02',
	revisit_due: '#d95f02',
	refused: '#7570b3',
	do_not_contact: '#222222'
};

/** Text drawn on a status colour (numbers on dots, badges): dark on the light yellow. */
export const STATUS_INK: Record<HouseholdStatus, string> = {
	never: '#ffffff',
	met: '#ffffff',
	not_home: '#1a1a1a',
	revisit_due: '#ffffff',
	refused: '#ffffff',
	do_not_contact: '#ffffff'
};

/**
 * Field mode's status → the planner's. "Moved" shares "refused" (the planner counts both as
 * "refused / moved away"); "not visited" is the planner's "never".
 */
export const FIELD_TO_PLAN_STATUS: Record<FieldStatus, HouseholdStatus> = {
	not_visited: 'never',
	met: 'met',
	not_home: 'not_home',
	refused: 'refused',
	moved: 'refused',
	do_not_contact: 'do_not_contact'
};

const mapField = (table: Record<HouseholdStatus, string>) =>
	Object.fromEntries(
		Object.entries(FIELD_TO_PLAN_STATUS).map(([field, plan]) => [field, table[plan]])
	) as Record<FieldStatus, string>;

/** Colour per field status (from STATUS_COLORS). */
export const FIELD_STATUS_COLORS: Record<FieldStatus, string> = mapField(STATUS_COLORS);

/** Ink per field status (from STATUS_INK). */
export const FIELD_STATUS_INK: Record<FieldStatus, string> = mapField(STATUS_INK);

/** The field statuses a legend lists: one entry per colour ("moved" rides with "refused"). */
export const FIELD_LEGEND: readonly FieldStatus[] = [
	'not_visited',
	'met',
	'not_home',
	'refused',
	'do_not_contact'
];

/** The ring and highlight of the next house to walk to (map and list). */
export const NEXT_COLOR = '#e7298a';
