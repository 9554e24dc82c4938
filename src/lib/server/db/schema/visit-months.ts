/**
 * Monthly totals of archived visits (issue 15, retention): when a commune's visits of a month
 * are older than the retention period, they move to a file in R2 (src/lib/server/archive/) and
 * what the reports need of them stays here. No personal data: counts per commune and month.
 */
import { sqliteTable, text, integer, primaryKey } from 'drizzle-orm/sqlite-core';

export const visitMonths = sqliteTable(
	'visit_months',
	{
		provinceCode: text('province_code').notNull(),
		communeCode: text('commune_code').notNull(),
		/** Vietnam calendar month, YYYY-MM. */
		month: text('month').notNull(),
		visits: integer('visits').notNull(),
		/** Visits that met someone. */
		met: integer('met').notNull(),
		/** Distinct households visited in the month. */
		households: integer('households').notNull(),
		peopleHelped: integer('people_helped').notNull(),
		demoVisits: integer('demo_visits').notNull(),
		/** The R2 object holding the month's visits (re-importable). */
		objectKey: text('object_key').notNull(),
		archivedAt: integer('archived_at').notNull()
	},
	(t) => [primaryKey({ columns: [t.provinceCode, t.communeCode, t.month] })]
);

export const visitMonthServices = sqliteTable(
	'visit_month_services',
	{
		provinceCode: text('province_code').notNull(),
		communeCode: text('commune_code').notNull(),
		month: text('month').notNull(),
		serviceCode: text('service_code').notNull(),
		/** Visits that asked about the service. */
		asked: integer('asked').notNull(),
		adultsUsing: integer('adults_using').notNull(),
		helped: integer('helped').notNull()
	},
	(t) => [primaryKey({ columns: [t.provinceCode, t.communeCode, t.month, t.serviceCode] })]
);
