/** Request bodies for households: validated at the boundary (zod). */
import { z } from 'zod';
import { phone } from './teams-input.ts';
import { cleanText } from '../../../domain/text.ts';

const communeCode = z.string().regex(/^\d{5}$/, 'A commune code is 5 digits');
const id = z.string().regex(/^[\w-]{1,64}$/, 'Not an id');
const lon = z.number().min(101.5).max(118.5);
const lat = z.number().min(6.5).max(24);
const text = (max: number) =>
	z
		.string()
		.transform(cleanText)
		.pipe(z.string().max(max, `At most ${max} characters`));

export const householdListQuery = z.object({
	commune: communeCode,
	hamlet: id.optional()
});

export const householdCreate = z
	.object({
		communeCode,
		hamletId: id.nullish(),
		address: text(300).pipe(z.string().min(1, 'Required')),
		lon: lon.nullish(),
		lat: lat.nullish(),
		adults: z.number().int().min(0).max(60),
		headName: text(120).nullish(),
		headPhone: phone.nullish(),
		consent: z.boolean().default(false),
		doNotContact: z.boolean().default(false),
		priority: z.boolean().default(false)
	})
	.refine((h) => (h.lon == null) === (h.lat == null), {
		message: 'lon and lat go together',
		path: ['lon']
	});

export const householdPatch = z
	.object({
		hamletId: id.nullable(),
		address: text(300).pipe(z.string().min(1, 'Required')),
		lon,
		lat,
		adults: z.number().int().min(0).max(60),
		headName: text(120).nullable(),
		headPhone: phone.nullable(),
		consent: z.boolean(),
		doNotContact: z.boolean(),
		/** Visit first: the planner puts the household in the earliest sessions. */
		priority: z.boolean()
	})
	.partial()
	.refine((h) => (h.lon === undefined) === (h.lat === undefined), {
		message: 'lon and lat go together',
		path: ['lon']
	})
	.refine((h) => Object.keys(h).length > 0, { message: 'Nothing to change' });

export const idParam = z.object({ id });
