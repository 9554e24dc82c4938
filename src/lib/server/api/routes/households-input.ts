/** Request bodies for households: validated at the boundary (zod). */
import { z } from 'zod';
import {
	checkPoint,
	communeCodeInput as communeCode,
	idInput as id,
	latInput as lat,
	lonInput as lon,
	nullableText,
	optionalText,
	phoneText as phone,
	textInput
} from '../../../domain/fields.ts';

export const householdListQuery = z.object({
	commune: communeCode,
	hamlet: id.optional()
});

export const householdCreate = z
	.object({
		communeCode,
		hamletId: id.nullish(),
		address: textInput(300),
		lon: lon.nullish(),
		lat: lat.nullish(),
		adults: z.number().int().min(0).max(60),
		headName: optionalText(120),
		headPhone: phone.nullish(),
		consent: z.boolean().default(false),
		doNotContact: z.boolean().default(false),
		priority: z.boolean().default(false)
	})
	.superRefine(checkPoint);

export const householdPatch = z
	.object({
		hamletId: id.nullable(),
		address: textInput(300),
		lon,
		lat,
		adults: z.number().int().min(0).max(60),
		headName: nullableText(120),
		headPhone: phone.nullable(),
		consent: z.boolean(),
		doNotContact: z.boolean(),
		/** Visit first: the planner puts the household in the earliest sessions. */
		priority: z.boolean()
	})
	.partial()
	// Moving a household sets both coordinates: a patch cannot clear its point or half-move it.
	.superRefine(checkPoint)
	.refine((h) => Object.keys(h).length > 0, { message: 'Nothing to change' });

export const idParam = z.object({ id });
