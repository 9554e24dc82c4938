/**
 * The monthly series of the public figures (issue 16 §1, docs/monthly-series.md): per area and
 * Vietnam calendar month, stocks as at the month's end and flows summed over the month. Counts
 * only (numerators and denominators, as area_metrics); rates, "no data" and suppression are
 * decided when read (domain/metric-months.ts). A null stock is one the records cannot
 * reconstruct for that month: "no data", never 0.
 */
import { sqliteTable, text, integer, primaryKey, index } from 'drizzle-orm/sqlite-core';
import { AREA_LEVELS } from './metrics.ts';

export const areaMonths = sqliteTable(
	'area_months',
	{
		level: text('level', { enum: AREA_LEVELS }).notNull(),
		code: text('code').notNull(), // "VN", province or commune code
		/** Vietnam calendar month, YYYY-MM. */
		month: text('month').notNull(),
		provinceCode: text('province_code'),
		/** Final: written by the first run after the month ended, rewritten only by an audited recompute. */
		closed: integer('closed', { mode: 'boolean' }).notNull().default(false),
		// Stocks as at the month's end ("as now" while the month is open); null = no data.
		teams: integer('teams'),
		members: integer('members'),
		population: integer('population'),
		hamlets: integer('hamlets'),
		hamletsCovered: integer('hamlets_covered'),
		householdsKnown: integer('households_known'),
		/** Households whose latest visit in the 12 months ending at the month's end met someone. */
		householdsReached: integer('households_reached'),
		householdsVisited: integer('households_visited'),
		// Flows over the month: exact from the day tables and the archive's month totals.
		visits: integer('visits').notNull().default(0),
		demoRecords: integer('demo_records').notNull().default(0),
		computedAt: integer('computed_at').notNull(),
		/**
		 * What a province's or the country's figure of the month stands on (migrations/0020): the
		 * communes of the area and those whose figure is known; 0 on commune rows.
		 */
		communes: integer('communes').notNull().default(0),
		communesWithRecords: integer('communes_with_records').notNull().default(0),
		communesWithPopulation: integer('communes_with_population').notNull().default(0),
		communesWithHamlets: integer('communes_with_hamlets').notNull().default(0),
		communesWithHouseholds: integer('communes_with_households').notNull().default(0)
	},
	(t) => [
		primaryKey({ columns: [t.level, t.code, t.month] }),
		// one month for every area (the map's payload for a month; closing and roll-up by month).
		index('area_months_month_idx').on(t.month, t.level, t.provinceCode)
	]
);

export const areaMonthServices = sqliteTable(
	'area_month_services',
	{
		level: text('level', { enum: AREA_LEVELS }).notNull(),
		code: text('code').notNull(),
		month: text('month').notNull(),
		serviceCode: text('service_code').notNull(),
		provinceCode: text('province_code'),
		/** Stock: Σ adults using the service (latest observation in the 12 months to the month's end). */
		adultsUsing: integer('adults_using'),
		/** Stock: the adoption denominator; null = no data. */
		adultsTotal: integer('adults_total'),
		/** Flow: people helped with the service during the month. */
		helped: integer('helped').notNull().default(0),
		/** Communes with a known adoption figure (province and country rows; 0 on commune rows). */
		communesWithAdults: integer('communes_with_adults').notNull().default(0)
	},
	(t) => [
		primaryKey({ columns: [t.level, t.code, t.month, t.serviceCode] }),
		// one metric of one month for every area (the map's payload for a month).
		index('area_month_services_month_idx').on(t.month, t.serviceCode, t.level)
	]
);

/**
 * Communes whose earlier months were backfilled from the records (the series' history). A full
 * rebuild empties it, so the next runs fill months that are missing; existing rows are kept.
 */
export const areaMonthBackfill = sqliteTable('area_month_backfill', {
	communeCode: text('commune_code').primaryKey(),
	/** The earliest month written (YYYY-MM), null when the commune had no records. */
	fromMonth: text('from_month'),
	doneAt: integer('done_at').notNull()
});
