/**
 * Validation for visit writes (device sync, CSV import, demo seed): see db/writes/visits.ts.
 * A visit is an immutable event; its id is a UUIDv7 made on the device.
 */
import { z } from 'zod';
import { VISIT_OUTCOMES, type VisitOutcome } from '../../../domain/choices.ts';
import {
	communeCodeInput,
	epochMsInput,
	idInput,
	isoDateInput,
	optionalText,
	orNull,
	provinceCodeInput,
	serviceCodeInput
} from '../../../domain/fields.ts';

export const visitServiceInput = z.object({
	serviceCode: serviceCodeInput,
	/** Adults of the household using the service after the visit. */
	adultsUsing: z.number().int().min(0),
	/** People helped with the service during the visit. */
	helped: z.number().int().min(0)
});

type VisitShape = {
	outcome: VisitOutcome;
	adults: number;
	peopleHelped: number;
	services: z.output<typeof visitServiceInput>[];
};

/** Counts must fit the household as observed: nobody is counted twice or out of thin air. */
function checkCounts(v: VisitShape, ctx: z.RefinementCtx): void {
	const issue = (path: (string | number)[], message: string) =>
		ctx.addIssue({ code: 'custom', path, message });
	if (v.outcome !== 'met' && (v.services.length > 0 || v.peopleHelped > 0)) {
		issue(['services'], 'only a visit that met someone records services or people helped');
	}
	const seen = new Set<string>();
	v.services.forEach((s, i) => {
		if (seen.has(s.serviceCode)) issue(['services', i, 'serviceCode'], 'service listed twice');
		seen.add(s.serviceCode);
		if (s.adultsUsing > v.adults) issue(['services', i, 'adultsUsing'], 'more than the adults');
		if (s.helped > v.adults) issue(['services', i, 'helped'], 'more than the adults');
		if (s.helped > v.peopleHelped) issue(['peopleHelped'], 'fewer than helped with a service');
	});
}

/** The fields of a visit as the device records it: what the payload hash covers. */
const visitFields = z.object({
	id: z.uuidv7(),
	provinceCode: provinceCodeInput,
	communeCode: communeCodeInput,
	householdId: idInput,
	routeId: orNull(idInput),
	memberId: orNull(idInput),
	/** When it happened; bounded by its receipt time (domain/visit-time.ts) in the write. */
	visitedAt: epochMsInput,
	outcome: z.enum(VISIT_OUTCOMES),
	adults: z.number().int().min(0).max(60),
	peopleHelped: z.number().int().min(0).default(0),
	note: optionalText(1000),
	revisitOn: orNull(isoDateInput),
	services: z.array(visitServiceInput).max(50).default([])
});

/**
 * A visit as a device sends it (POST /api/visits). Server-side fields are not part of it:
 * a `receivedAt` or `isDemo` (or anything else) the device sends is dropped, never stored.
 */
export const deviceVisitInput = visitFields.superRefine(checkCounts);

/** A visit from a trusted writer: the demo seed, or an import replaying history. */
export const visitInput = visitFields
	.extend({
		isDemo: z.boolean().default(false),
		/** Server receipt time; defaults to the write time. Only replays of history set it. */
		receivedAt: epochMsInput.optional()
	})
	.superRefine(checkCounts);

export type VisitInput = z.input<typeof visitInput>;
/** A validated visit with its receipt time, stamped by the write (db/writes/visits.ts). */
export type VisitRow = Omit<z.output<typeof visitInput>, 'receivedAt'> & { receivedAt: number };
export type VisitServiceRow = z.output<typeof visitServiceInput>;
