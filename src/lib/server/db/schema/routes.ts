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

export const ROUTE_STATUSES = ['draft', 'assigned', 'in_progress', 'done', 'cancelled'] as const;

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
		index('routes_assignee_idx').on(t.assigneeMemberId, t.plannedOn)
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
