/**
 * Precomputed public aggregates, written by the metrics job and read by the public API.
 * They hold counts (numerators and denominators), never rates: rates, suppression and
 * "no data" are decided by domain/metrics.ts when they are read.
 */
import { sqliteTable, text, integer, primaryKey, index } from 'drizzle-orm/sqlite-core';

export const AREA_LEVELS = ['country', 'province', 'commune'] as const;
export type AreaLevel = (typeof AREA_LEVELS)[number];

export const areaMetrics = sqliteTable(
	'area_metrics',
	{
		level: text('level', { enum: AREA_LEVELS }).notNull(),
		code: text('code').notNull(), // "VN", province or commune code
		provinceCode: text('province_code'),
		periodStart: text('period_start').notNull(),
		periodEnd: text('period_end').notNull(),
		teams: integer('teams').notNull(),
		members: integer('members').notNull(),
		/** Sum of usable population; null when no usable figure (members_per_1000 = no data). */
		population: integer('population'),
		hamlets: integer('hamlets').notNull(),
		hamletsCovered: integer('hamlets_covered').notNull(),
		householdsKnown: integer('households_known').notNull(),
		householdsReached: integer('households_reached').notNull(),
		householdsVisited: integer('households_visited').notNull(),
		/** Records behind these figures that are synthetic demo data (UI marks it). */
		demoRecords: integer('demo_records').notNull(),
		computedAt: integer('computed_at').notNull(),
		/**
		 * What the figures stand on (issue 16 §4, migrations/0015): 0/1 on a commune row, sums on
		 * province and country rows. 0 everywhere on rows written before the columns existed.
		 */
		communes: integer('communes').notNull().default(0),
		/** Communes where anything is entered (a team, member, hamlet or household). */
		communesWithRecords: integer('communes_with_records').notNull().default(0),
		/** …of those, with a usable population (members_per_1000). */
		communesWithPopulation: integer('communes_with_population').notNull().default(0),
		communesWithHamlets: integer('communes_with_hamlets').notNull().default(0),
		communesWithHouseholds: integer('communes_with_households').notNull().default(0)
	},
	(t) => [
		primaryKey({ columns: [t.level, t.code] }),
		// all communes of one province (province drill-down, ranking table).
		index('area_metrics_province_idx').on(t.level, t.provinceCode)
	]
);

export const areaServiceMetrics = sqliteTable(
	'area_service_metrics',
	{
		level: text('level', { enum: AREA_LEVELS }).notNull(),
		code: text('code').notNull(),
		serviceCode: text('service_code').notNull(),
		provinceCode: text('province_code'),
		/** Σ adults using the service over households with a visit (latest visit each). */
		adultsUsing: integer('adults_using').notNull(),
		/** Σ adults over the same households: the adoption denominator. */
		adultsTotal: integer('adults_total').notNull(),
		/** People helped with the service through visits in the period. */
		helped: integer('helped').notNull(),
		/** Communes with visited adults for this service (0/1 on a commune row, sums above). */
		communesWithAdults: integer('communes_with_adults').notNull().default(0)
	},
	(t) => [
		primaryKey({ columns: [t.level, t.code, t.serviceCode] }),
		// one metric for all communes (the map's single request per metric).
		index('area_service_metrics_service_idx').on(t.level, t.serviceCode)
	]
);

/**
 * Communes whose records changed since their figures were last computed. Written by triggers on
 * every record table (migrations/0007), so every write path marks its commune in the same
 * transaction as the write; the metrics job recomputes the marked communes and clears a mark
 * only if it has not changed since it was read (`changes`).
 */
export const metricsDirty = sqliteTable(
	'metrics_dirty',
	{
		communeCode: text('commune_code').primaryKey(),
		/** When the commune was first marked since its last recompute (epoch ms): oldest first. */
		markedAt: integer('marked_at').notNull(),
		/** Bumped by every change: a recompute clears the mark only if it is still the one it read. */
		changes: integer('changes').notNull().default(1)
	},
	// the run's pick, oldest mark first.
	(t) => [index('metrics_dirty_order_idx').on(t.markedAt, t.communeCode)]
);
