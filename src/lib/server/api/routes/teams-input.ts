/** Request bodies for teams, members and hamlets: validated at the boundary (zod). */
import { z } from 'zod';
import {
	HAMLET_KINDS,
	ONETOUCH_STATUSES,
	TEAM_ROLES,
	UNION_AFFILIATIONS
} from '../../../domain/choices.ts';
import {
	checkPoint,
	communeCodeInput as communeCode,
	dayText as isoDate,
	latInput,
	lonInput,
	phoneText as phone,
	textInput
} from '../../../domain/fields.ts';

/** A name in its stored form (domain cleanText), 1–120 characters. */
const name = textInput(120);

export const id = z.object({ id: z.uuid('Not a valid id') });
export const communeQuery = z.object({ commune: communeCode });

export const teamCreate = z.object({
	communeCode,
	name,
	hamletId: z.uuid().nullish(),
	foundedOn: isoDate.nullish()
});

export const teamPatch = z
	.object({
		name,
		hamletId: z.uuid().nullable(),
		foundedOn: isoDate.nullable(),
		active: z.boolean()
	})
	.partial()
	.refine((o) => Object.keys(o).length > 0, 'Nothing to change');

export const memberCreate = z.object({
	fullName: name,
	phone: phone.nullish(),
	unionAffiliation: z.enum(UNION_AFFILIATIONS),
	onetouchStatus: z.enum(ONETOUCH_STATUSES),
	onetouchDate: isoDate.nullish(),
	teamRole: z.enum(TEAM_ROLES)
});

export const memberPatch = memberCreate
	.extend({ active: z.boolean(), teamId: z.uuid() })
	.partial()
	.refine((o) => Object.keys(o).length > 0, 'Nothing to change');

const hamletFields = z.object({
	communeCode,
	name,
	kind: z.enum(HAMLET_KINDS),
	lon: lonInput.nullish(),
	lat: latInput.nullish()
});

/** A new hamlet: its point is both coordinates or none (domain/point.ts). */
export const hamletCreate = hamletFields.superRefine(checkPoint);

/**
 * Changes to a hamlet. A patch may move one coordinate, or clear both; the handler checks the
 * merged result (stored row + patch) with the same point rule.
 */
export const hamletPatch = hamletFields
	.omit({ communeCode: true })
	.partial()
	.refine((o) => Object.keys(o).length > 0, 'Nothing to change');
