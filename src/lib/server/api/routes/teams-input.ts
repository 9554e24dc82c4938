/** Request bodies for teams, members and hamlets: validated at the boundary (zod). */
import { z } from 'zod';
import {
	HAMLET_KINDS,
	ONETOUCH_STATUSES,
	TEAM_ROLES,
	UNION_AFFILIATIONS
} from '../../db/schema/index.ts';
import { parseDate, parsePhone } from '../../../domain/csv-fields.ts';
import { cleanText } from '../../../domain/text.ts';

const name = z
	.string()
	.transform(cleanText)
	.pipe(z.string().min(1, 'Required').max(120, 'At most 120 characters'));

/** YYYY-MM-DD or DD/MM/YYYY → YYYY-MM-DD. */
export const isoDate = z.string().transform((s, ctx) => {
	const r = parseDate(s);
	if (!r.ok) ctx.addIssue({ code: 'custom', message: r.error });
	return r.ok ? r.value : '';
});

/** A Vietnamese phone number, normalised to 0XXXXXXXXX. */
export const phone = z.string().transform((s, ctx) => {
	const r = parsePhone(s);
	if (!r.ok) ctx.addIssue({ code: 'custom', message: r.error });
	return r.ok ? r.value : '';
});

export const id = z.object({ id: z.uuid('Not a valid id') });
export const communeQuery = z.object({
	commune: z.string().regex(/^\d{5}$/, 'A commune code is 5 digits')
});

export const teamCreate = z.object({
	communeCode: z.string().regex(/^\d{5}$/, 'A commune code is 5 digits'),
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

export const hamletCreate = z.object({
	communeCode: z.string().regex(/^\d{5}$/, 'A commune code is 5 digits'),
	name,
	kind: z.enum(HAMLET_KINDS),
	lon: z.number().min(102).max(118).nullish(),
	lat: z.number().min(6).max(24).nullish()
});

export const hamletPatch = hamletCreate
	.omit({ communeCode: true })
	.partial()
	.refine((o) => Object.keys(o).length > 0, 'Nothing to change');
