/**
 * Households: the unit of "gõ từng nhà". Personal fields (head name, phone, exact point) are
 * protected data; public queries never select them. Always reached through their province
 * and commune, so a database per province is a change of wiring only.
 */
import { sqliteTable, text, integer, real, index } from 'drizzle-orm/sqlite-core';
import { hamlets } from './hamlets.ts';
import { LOCATION_STATUSES, VISIT_OUTCOMES } from '../../../domain/choices.ts';

export const households = sqliteTable(
	'households',
	{
		id: text('id').primaryKey(),
		provinceCode: text('province_code').notNull(),
		communeCode: text('commune_code').notNull(),
		hamletId: text('hamlet_id').references(() => hamlets.id),
		address: text('address').notNull(),
		/** Normalised address, for duplicate detection within a commune. */
		addressKey: text('address_key').notNull(),
		/** Alley key from the address parser: houses of one alley are walked together. */
		alleyKey: text('alley_key').notNull(),
		lon: real('lon'),
		lat: real('lat'),
		locationStatus: text('location_status', { enum: LOCATION_STATUSES }).notNull(),
		adults: integer('adults').notNull(),
		headName: text('head_name'),
		headPhone: text('head_phone'),
		consent: integer('consent', { mode: 'boolean' }).notNull().default(false),
		doNotContact: integer('do_not_contact', { mode: 'boolean' }).notNull().default(false),
		/** Visit first (a leader's call, e.g. someone asked for help): planned into the earliest sessions. */
		priority: integer('priority', { mode: 'boolean' }).notNull().default(false),
		isDemo: integer('is_demo', { mode: 'boolean' }).notNull().default(false),
		createdAt: integer('created_at').notNull(),
		/** Epoch ms of the latest edit (moved on the map, fields changed); null if never edited. */
		updatedAt: integer('updated_at'),
		/**
		 * Status from the latest visit (by visit time, then id), recomputed from the visits on
		 * every visit write, so out-of-order syncs end in the same state. Null: never visited.
		 */
		lastVisitId: text('last_visit_id'),
		lastVisitAt: integer('last_visit_at'),
		lastOutcome: text('last_outcome', { enum: VISIT_OUTCOMES }),
		/** Revisit date asked for by the latest visit (YYYY-MM-DD). */
		revisitOn: text('revisit_on'),
		/**
		 * Not-home visits since the latest visit with any other outcome (kept with the columns
		 * above), so the planning list and a leader's day read status without reading visits.
		 */
		notHomeStreak: integer('not_home_streak').notNull().default(0),
		/**
		 * Per service, what the latest visit that met someone and asked about it observed, as JSON
		 * `{"vneid": [visited_at, adults_using, adults], …}` (kept with the columns above; null
		 * before the first such visit): the adoption figures read it instead of the visits.
		 */
		servicesState: text('services_state'),
		/**
		 * Retention review (issue 13): when an admin last decided to keep this household's personal
		 * fields although it was not visited for the review period; epoch ms, null if never.
		 */
		reviewedAt: integer('reviewed_at'),
		/**
		 * Set when the household's personal data was erased: the row is then an anonymous
		 * placeholder (new id, no address, point or names) that only keeps the commune's public
		 * counts whole; no list, route or export shows it.
		 */
		erasedAt: integer('erased_at')
	},
	(t) => [
		// a commune's households (planning view, metrics job), optionally by hamlet.
		index('households_commune_idx').on(t.provinceCode, t.communeCode, t.hamletId),
		// duplicate detection on import: same normalised address in the same commune.
		index('households_address_idx').on(t.communeCode, t.addressKey)
	]
);
