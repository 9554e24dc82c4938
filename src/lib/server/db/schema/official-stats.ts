/**
 * Official figures (issue 16 §2): counts published by the authorities per commune, month and
 * service (VNeID accounts activated, VssID installs, …), imported from CSV and shown beside the
 * visit-based metrics as "số liệu chính thức" with their source. Rows keyed by a pre-2025 commune
 * are stored on the new communes they map to (domain/official-stats-crosswalk.ts); `estimate`
 * marks a figure apportioned from a split old commune.
 */
import { sqliteTable, text, integer, index, primaryKey } from 'drizzle-orm/sqlite-core';
import { communes } from './admin-units.ts';

export const officialStats = sqliteTable(
	'official_stats',
	{
		communeCode: text('commune_code')
			.notNull()
			.references(() => communes.code),
		/** Calendar month "YYYY-MM" the figure is for. */
		month: text('month').notNull(),
		/** A code of the service catalogue (domain/services.ts), e.g. "vneid". */
		serviceCode: text('service_code').notNull(),
		provinceCode: text('province_code').notNull(),
		value: integer('value').notNull(),
		/** True when any part was apportioned from a split old commune by population. */
		estimate: integer('estimate', { mode: 'boolean' }).notNull().default(false),
		source: text('source').notNull(),
		note: text('note'),
		/** JSON array of the pre-2025 codes the figure came from; null when keyed by the new code. */
		oldCodes: text('old_codes'),
		importedBy: text('imported_by'),
		importedAt: integer('imported_at').notNull()
	},
	(t) => [
		// re-importing the same (commune, month, service) updates the row (ON CONFLICT).
		primaryKey({ columns: [t.communeCode, t.month, t.serviceCode] }),
		// the public metric official_<service>: each commune's latest month of one service.
		index('official_stats_service_idx').on(t.serviceCode, t.communeCode, t.month),
		// the admin listing of a province, newest months first.
		index('official_stats_province_idx').on(t.provinceCode, t.month)
	]
);
