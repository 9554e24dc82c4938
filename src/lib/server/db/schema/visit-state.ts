/**
 * What the metrics job needs of the visits per day, kept as they are written (issue 15: one
 * commune's recompute reads these and the households' status, not every visit of the period).
 * Triggers on `visits`, `visit_services` and `households` keep them (migrations/0012,
 * migrations-shard/0002), in the write's own transaction, so every write path — sync, import,
 * archive and restore, erasure, demo cleanup — keeps them right. Counts only: no names, notes
 * or places.
 */
import { sqliteTable, text, integer, primaryKey } from 'drizzle-orm/sqlite-core';

/** Visits per commune and Vietnam day (day number: (epoch ms + 7 h) / 86.400.000). */
export const communeDays = sqliteTable(
	'commune_days',
	{
		provinceCode: text('province_code').notNull(),
		communeCode: text('commune_code').notNull(),
		day: integer('day').notNull(),
		visits: integer('visits').notNull(),
		demoVisits: integer('demo_visits').notNull()
	},
	(t) => [primaryKey({ columns: [t.provinceCode, t.communeCode, t.day] })]
);

/**
 * Per commune, Vietnam day and service: people helped by that day's visits, and the adoption
 * sums of the households whose latest observation of the service (households.services_state)
 * is of that day — so a commune's adoption over a period is a sum of days, not of households.
 */
export const communeServiceDays = sqliteTable(
	'commune_service_days',
	{
		provinceCode: text('province_code').notNull(),
		communeCode: text('commune_code').notNull(),
		day: integer('day').notNull(),
		serviceCode: text('service_code').notNull(),
		helped: integer('helped').notNull().default(0),
		adultsUsing: integer('adults_using').notNull().default(0),
		adults: integer('adults').notNull().default(0)
	},
	(t) => [primaryKey({ columns: [t.provinceCode, t.communeCode, t.day, t.serviceCode] })]
);
