/**
 * Visits: immutable events recorded on the device (id = UUIDv7 made there) and synced later.
 * Per-service counts live in `visit_services`, one row per service asked about.
 */
import { sqliteTable, text, integer, index, primaryKey } from 'drizzle-orm/sqlite-core';
import { households } from './households.ts';
import { services } from './services.ts';
import { VISIT_OUTCOMES } from '../../../domain/choices.ts';

export const visits = sqliteTable(
	'visits',
	{
		id: text('id').primaryKey(),
		provinceCode: text('province_code').notNull(),
		communeCode: text('commune_code').notNull(),
		householdId: text('household_id')
			.notNull()
			.references(() => households.id),
		routeId: text('route_id'),
		memberId: text('member_id'),
		/** When the visit happened, device clock, epoch ms. */
		visitedAt: integer('visited_at').notNull(),
		outcome: text('outcome', { enum: VISIT_OUTCOMES }).notNull(),
		/** Adults living in the household as observed at this visit (denominator for adoption). */
		adults: integer('adults').notNull(),
		peopleHelped: integer('people_helped').notNull().default(0),
		note: text('note'),
		revisitOn: text('revisit_on'),
		/** Hash of the canonical payload: same id + same hash → idempotent no-op; else 409. */
		payloadHash: text('payload_hash').notNull(),
		isDemo: integer('is_demo', { mode: 'boolean' }).notNull().default(false),
		receivedAt: integer('received_at').notNull(),
		/** Device that synced it (sync_devices.id); null for imports and demo data. Not hashed. */
		deviceId: text('device_id')
	},
	(t) => [
		// latest visit per household (metrics job, household status), scoped by commune.
		index('visits_household_idx').on(t.provinceCode, t.communeCode, t.householdId, t.visitedAt),
		// a route's visits (progress of an outing).
		index('visits_route_idx').on(t.routeId),
		// the oldest visits first (the archive of visits past their retention), and the visits of
		// the last 30 days (the shard's rate, which sets that retention: archive/retention.ts).
		index('visits_time_idx').on(t.visitedAt),
		// a household's latest visit (its status after a sync): bench/scale.ts found a scan here.
		index('visits_household_time_idx').on(t.householdId, t.visitedAt)
	]
);

export const visitServices = sqliteTable(
	'visit_services',
	{
		visitId: text('visit_id')
			.notNull()
			.references(() => visits.id),
		serviceCode: text('service_code')
			.notNull()
			.references(() => services.code),
		/** Adults of the household using the service after this visit. */
		adultsUsing: integer('adults_using').notNull(),
		/** People helped with this service during this visit ("installs"). */
		helped: integer('helped').notNull()
	},
	(t) => [primaryKey({ columns: [t.visitId, t.serviceCode] })]
);
