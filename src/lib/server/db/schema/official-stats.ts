/** Imported official figures (e.g. install counts reported by a province), shown beside ours. */
import { sqliteTable, text, integer, real, index } from 'drizzle-orm/sqlite-core';
import { services } from './services.ts';

export const officialStats = sqliteTable(
	'official_stats',
	{
		id: text('id').primaryKey(),
		provinceCode: text('province_code').notNull(),
		/** New commune code; null for a province-level figure. */
		communeCode: text('commune_code'),
		/** Old commune code when the source was keyed by pre-2025 units (converted via crosswalk). */
		oldCommuneCode: text('old_commune_code'),
		period: text('period').notNull(), // "2022", "2022-09" …
		serviceCode: text('service_code')
			.notNull()
			.references(() => services.code),
		value: real('value').notNull(),
		source: text('source').notNull(),
		importedAt: integer('imported_at').notNull()
	},
	// official figures beside a commune's / province's metrics.
	(t) => [index('official_stats_area_idx').on(t.provinceCode, t.communeCode, t.period)]
);
