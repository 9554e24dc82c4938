/** Request bodies for routes: validated at the boundary (zod). */
import { z } from 'zod';
import {
	OUTING_FLAGS,
	SESSIONS,
	START_KINDS,
	TRAVEL_MODES
} from '../../../domain/routing/outing-kinds.ts';
import {
	communeCodeInput as communeCode,
	idInput as id,
	isoDateInput as isoDay,
	lonLatInput as lonLat,
	textInput
} from '../../../domain/fields.ts';

/** A commune's routes; `team` one team's, `hamlet` those of the hamlet's teams. */
export const routeListQuery = z.object({
	commune: communeCode,
	team: id.optional(),
	hamlet: id.optional()
});

export const routePlanBody = z.object({
	communeCode,
	teamId: id,
	/** The polygon the leader drew, if the selection was drawn: checked again here. */
	area: z.array(lonLat).max(500).nullish(),
	start: lonLat.nullish(),
	revisit: z.boolean().default(false),
	travelMode: z.enum(TRAVEL_MODES).default('foot'),
	walkMetersPerMinute: z.number().min(20).max(150).default(67),
	minutesPerHouse: z.number().min(1).max(120).default(8),
	routes: z
		.array(
			z.object({
				name: textInput(120),
				householdIds: z.array(id).min(1).max(500),
				assigneeMemberId: id.nullish(),
				plannedOn: isoDay.nullish(),
				session: z.enum(SESSIONS).nullish(),
				sessionMinutes: z.number().int().min(15).max(720).nullish(),
				start: lonLat.nullish(),
				startKind: z.enum(START_KINDS).nullish(),
				flag: z.enum(OUTING_FLAGS).nullish(),
				revisit: z.boolean().optional(),
				revisitIds: z.array(id).max(500).optional()
			})
		)
		.max(400)
});

export const routeAssignBody = z.object({
	assigneeMemberId: id.nullable(),
	plannedOn: isoDay.nullish(),
	session: z.enum(SESSIONS).nullish()
});

export const idParam = z.object({ id });
