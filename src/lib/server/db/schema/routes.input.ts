/** Validation for route writes (API, demo seed): see db/writes/routes.ts. */
import { z } from 'zod';
import {
	communeCodeInput,
	epochMsInput,
	idInput,
	isoDateInput,
	lonLatInput,
	orNull,
	provinceCodeInput,
	textInput
} from '../../../domain/fields.ts';
import {
	OUTING_FLAGS,
	SESSIONS,
	START_KINDS,
	TRAVEL_MODES
} from '../../../domain/routing/outing-kinds.ts';

/** A start point: both coordinates (a tuple cannot be half) or none. */
const startInput = orNull(lonLatInput);

/** A session length: a quarter of an hour to a whole day. */
export const sessionMinutesInput = z.number().int().min(15).max(720);

/** One outing of a plan: its name and households in walking order. */
export const plannedRouteInput = z.object({
	id: idInput,
	name: textInput(120),
	householdIds: z.array(idInput).min(1).max(500),
	assigneeMemberId: orNull(idInput),
	plannedOn: orNull(isoDateInput),
	session: orNull(z.enum(SESSIONS)),
	sessionMinutes: orNull(sessionMinutesInput),
	/** This outing's own start (a member's home); else the plan's start. */
	start: startInput.optional(),
	startKind: orNull(z.enum(START_KINDS)),
	flag: orNull(z.enum(OUTING_FLAGS)),
	/** This outing's stops are explicit revisits (else the plan's `revisit` applies). */
	revisit: z.boolean().optional(),
	/** Households of this outing visited again as explicit revisits (the rest are new to it). */
	revisitIds: z.array(idInput).max(500).default([])
});

/** A plan to store: the outings generated for one team from one selection. */
export const routePlanInput = z.object({
	provinceCode: provinceCodeInput,
	communeCode: communeCodeInput,
	teamId: idInput,
	createdBy: orNull(idInput),
	start: startInput,
	travelMode: z.enum(TRAVEL_MODES).default('foot'),
	/** Stops are explicit revisits: the only way a household sits on a second route. */
	revisit: z.boolean().default(false),
	walkMetersPerMinute: z.number().min(20).max(150).default(67),
	minutesPerHouse: z.number().min(1).max(120).default(8),
	isDemo: z.boolean().default(false),
	createdAt: epochMsInput,
	routes: z.array(plannedRouteInput).min(1).max(400)
});

export type RoutePlanInput = z.input<typeof routePlanInput>;
export type RoutePlan = z.output<typeof routePlanInput>;

export const routeAssignInput = z.object({
	assigneeMemberId: idInput.nullable(),
	plannedOn: orNull(isoDateInput),
	session: orNull(z.enum(SESSIONS))
});
