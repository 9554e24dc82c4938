/** Routes: a planned, ordered list of households for one outing, and its stops. */
import { sql } from 'drizzle-orm';
import {
	sqliteTable,
	text,
	integer,
	real,
	index,
	primaryKey,
	uniqueIndex
} from 'drizzle-orm/sqlite-core';
import { teams, members } from './teams.ts';
import { households } from './households.ts';
import {
	OUTING_FLAGS,
	SESSIONS,
	START_KINDS,
	TRAVEL_MODES
} from '../../../domain/routing/outing-kinds.ts';
import { ROUTE_STATUSES } from '../../../domain/choices.ts';

export const routes = sqliteTable(
	'routes',
	{
		id: text('id').primaryKey(),
		provinceCode: text('province_code').notNull(),
		communeCode: text('commune_code').notNull(),
		teamId: text('team_id')
			.notNull()
			.references(() => teams.id),
		assigneeMemberId: text('assignee_member_id').references(() => members.id),
		name: text('name').notNull(),
		plannedOn: text('planned_on'), // YYYY-MM-DD
		/** Morning, afternoon or evening of plannedOn; null = not scheduled to a session. */
		session: text('session', { enum: SESSIONS }),
		/** How the member gets about on this outing (times are estimated with it). */
		travelMode: text('travel_mode', { enum: TRAVEL_MODES }).notNull().default('foot'),
		/** The session length the outing was planned to fit, minutes (null: planned by size). */
		sessionMinutes: integer('session_minutes'),
		/** Of estimatedMinutes, the time spent getting about (the rest is at the houses). */
		travelMinutes: integer('travel_minutes'),
		/** What the start point is (cultural house, the member's home, the first house). */
		startKind: text('start_kind', { enum: START_KINDS }),
		/** Why the outing cannot fit its session (or walks an alley in parts); null when it fits. */
		flag: text('flag', { enum: OUTING_FLAGS }),
		status: text('status', { enum: ROUTE_STATUSES }).notNull(),
		distanceM: real('distance_m'),
		estimatedMinutes: integer('estimated_minutes'),
		/** Where the walk starts (e.g. the cultural house); null = at the first stop. */
		startLon: real('start_lon'),
		startLat: real('start_lat'),
		/** User who planned the route. */
		createdBy: text('created_by'),
		/** Epoch ms of the latest assignment. */
		assignedAt: integer('assigned_at'),
		updatedAt: integer('updated_at'),
		isDemo: integer('is_demo', { mode: 'boolean' }).notNull().default(false),
		createdAt: integer('created_at').notNull()
	},
	(t) => [
		// a team's routes in a commune (leader view).
		index('routes_team_idx').on(t.provinceCode, t.communeCode, t.teamId),
		// "my routes" for a member.
		index('routes_assignee_idx').on(t.assigneeMemberId, t.plannedOn),
		// a team's plan calendar and the leader's day: outings by date.
		index('routes_calendar_idx').on(t.provinceCode, t.communeCode, t.plannedOn)
	]
);

export const routeStops = sqliteTable(
	'route_stops',
	{
		routeId: text('route_id')
			.notNull()
			.references(() => routes.id),
		seq: integer('seq').notNull(),
		householdId: text('household_id')
			.notNull()
			.references(() => households.id),
		provinceCode: text('province_code').notNull(),
		communeCode: text('commune_code').notNull(),
		/** An explicitly scheduled revisit: the only way a household sits on a second route. */
		revisit: integer('revisit', { mode: 'boolean' }).notNull().default(false)
	},
	(t) => [
		primaryKey({ columns: [t.routeId, t.seq] }),
		// coverage guarantee: which route holds a household ("gaps" = households with none).
		index('route_stops_household_idx').on(t.provinceCode, t.communeCode, t.householdId),
		// coverage guarantee enforced by the database: one non-revisit stop per household.
		uniqueIndex('route_stops_household_once')
			.on(t.householdId)
			.where(sql`${t.revisit} = 0`)
	]
);
