/** Hamlets and residential groups below a commune; entered or imported by commune admins. */
import { sqliteTable, text, integer, real, index } from 'drizzle-orm/sqlite-core';
import { communes } from './admin-units.ts';
import { HAMLET_KINDS } from '../../../domain/choices.ts';

export const hamlets = sqliteTable(
	'hamlets',
	{
		id: text('id').primaryKey(),
		provinceCode: text('province_code').notNull(),
		communeCode: text('commune_code')
			.notNull()
			.references(() => communes.code),
		name: text('name').notNull(),
		kind: text('kind', { enum: HAMLET_KINDS }).notNull(),
		lon: real('lon'),
		lat: real('lat'),
		isDemo: integer('is_demo', { mode: 'boolean' }).notNull().default(false),
		createdAt: integer('created_at').notNull()
	},
	// a commune's hamlet list; hamlet coverage in the metrics job.
	(t) => [index('hamlets_commune_idx').on(t.provinceCode, t.communeCode)]
);
