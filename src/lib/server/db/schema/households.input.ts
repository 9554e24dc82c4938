/**
 * Validation for household writes (API, CSV import, demo seed): see db/writes/households.ts.
 * addressKey / alleyKey are not inputs: the write function derives them from the address.
 */
import { z } from 'zod';
import { LOCATION_STATUSES } from '../../../domain/choices.ts';
import {
	checkPoint,
	idInput,
	latInput,
	lonInput,
	optionalText,
	orNull,
	phoneInput,
	scopedRecordFields,
	textInput
} from '../../../domain/fields.ts';

export const householdInput = z
	.object({
		...scopedRecordFields,
		hamletId: orNull(idInput),
		address: textInput(300),
		lon: orNull(lonInput),
		lat: orNull(latInput),
		locationStatus: z.enum(LOCATION_STATUSES).default('needs_check'),
		adults: z.number().int().min(0).max(60),
		headName: optionalText(120),
		headPhone: phoneInput,
		consent: z.boolean().default(false),
		doNotContact: z.boolean().default(false),
		priority: z.boolean().default(false)
	})
	.superRefine(checkPoint)
	.refine((h) => h.locationStatus !== 'exact' || h.lon !== null, {
		message: 'an exact location needs lon and lat',
		path: ['locationStatus']
	});

export type HouseholdInput = z.input<typeof householdInput>;
export type HouseholdRow = z.output<typeof householdInput>;
