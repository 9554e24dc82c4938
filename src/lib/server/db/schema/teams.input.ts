/** Validation for team and member writes (API, CSV import, demo seed): see db/writes/teams.ts. */
import { z } from 'zod';
import { ONETOUCH_STATUSES, TEAM_ROLES, UNION_AFFILIATIONS } from '../../../domain/choices.ts';
import {
	communeCodeInput,
	epochMsInput,
	idInput,
	isoDateInput,
	phoneInput,
	provinceCodeInput,
	textInput
} from '../../../domain/fields.ts';

export const teamInput = z.object({
	id: idInput,
	provinceCode: provinceCodeInput,
	communeCode: communeCodeInput,
	hamletId: idInput.nullish().transform((v) => v ?? null),
	name: textInput(200),
	foundedOn: isoDateInput.nullish().transform((v) => v ?? null),
	active: z.boolean().default(true),
	isDemo: z.boolean().default(false),
	createdAt: epochMsInput
});

export const memberInput = z
	.object({
		id: idInput,
		teamId: idInput,
		provinceCode: provinceCodeInput,
		communeCode: communeCodeInput,
		fullName: textInput(120),
		phone: phoneInput,
		unionAffiliation: z.enum(UNION_AFFILIATIONS),
		onetouchStatus: z.enum(ONETOUCH_STATUSES),
		onetouchDate: isoDateInput.nullish().transform((v) => v ?? null),
		teamRole: z.enum(TEAM_ROLES),
		active: z.boolean().default(true),
		isDemo: z.boolean().default(false),
		createdAt: epochMsInput
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
