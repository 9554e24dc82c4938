/** Validation for hamlet writes (API, CSV import, demo seed): see db/writes/hamlets.ts. */
import { z } from 'zod';
import { HAMLET_KINDS } from '../../../domain/choices.ts';
import { MAX_HAMLET_NAME } from '../../../domain/csv-hamlets.ts';
import {
	checkPoint,
	communeCodeInput,
	epochMsInput,
	idInput,
	latInput,
	lonInput,
	provinceCodeInput,
	textInput
} from '../../../domain/fields.ts';

export const hamletInput = z
	.object({
		id: idInput,
		provinceCode: provinceCodeInput,
		communeCode: communeCodeInput,
		name: textInput(MAX_HAMLET_NAME),
		kind: z.enum(HAMLET_KINDS),
		lon: lonInput.nullish().transform((v) => v ?? null),
		lat: latInput.nullish().transform((v) => v ?? null),
		isDemo: z.boolean().default(false),
		createdAt: epochMsInput
	})
	.superRefine(checkPoint);

export type HamletInput = z.input<typeof hamletInput>;
export type HamletRow = z.output<typeof hamletInput>;
