/** Validation for team and member writes (API, CSV import, demo seed): see db/writes/teams.ts. */
import { z } from 'zod';
import { ONETOUCH_STATUSES, TEAM_ROLES, UNION_AFFILIATIONS } from '../../../domain/choices.ts';
import {
	idInput,
	isoDateInput,
	orNull,
	phoneInput,
	scopedRecordFields,
	textInput
} from '../../../domain/fields.ts';

export const teamInput = z.object({
	...scopedRecordFields,
	hamletId: orNull(idInput),
	name: textInput(200),
	foundedOn: orNull(isoDateInput),
	active: z.boolean().default(true)
});

export const memberInput = z
	.object({
		...scopedRecordFields,
		teamId: idInput,
		fullName: textInput(120),
		phone: phoneInput,
		unionAffiliation: z.enum(UNION_AFFILIATIONS),
		onetouchStatus: z.enum(ONETOUCH_STATUSES),
		onetouchDate: orNull(isoDateInput),
		teamRole: z.enum(TEAM_ROLES),
		active: z.boolean().default(true)
	})
	// A training date says when OneTouch training started or ended; none before it starts.
	.refine((m) => m.onetouchStatus !== 'chua_hoc' || m.onetouchDate === null, {
		message: 'no OneTouch date before training starts',
		path: ['onetouchDate']
	});

export type TeamInput = z.input<typeof teamInput>;
export type TeamRow = z.output<typeof teamInput>;
export type MemberInput = z.input<typeof memberInput>;
export type MemberRow = z.output<typeof memberInput>;
