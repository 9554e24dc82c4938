/** Validation for hamlet writes (API, CSV import, demo seed): see db/writes/hamlets.ts. */
import { z } from 'zod';
import { HAMLET_KINDS } from '../../../domain/choices.ts';
import { MAX_HAMLET_NAME } from '../../../domain/csv-hamlets.ts';
import {
	checkPoint,
	latInput,
	lonInput,
	orNull,
	scopedRecordFields,
	textInput
} from '../../../domain/fields.ts';

export const hamletInput = z
	.object({
		...scopedRecordFields,
		name: textInput(MAX_HAMLET_NAME),
		kind: z.enum(HAMLET_KINDS),
		lon: orNull(lonInput),
		lat: orNull(latInput)
	})
	.superRefine(checkPoint);

export type HamletInput = z.input<typeof hamletInput>;
export type HamletRow = z.output<typeof hamletInput>;
