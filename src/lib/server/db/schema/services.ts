/**
 * The service catalogue (VNeID, VssID, …), editable by admins, and per-province settings
 * such as the name of the province's own citizen app.
 */
import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { provinces } from './admin-units.ts';

export const services = sqliteTable(
	'services',
	{
		code: text('code').primaryKey(), // e.g. "vneid", used in metric names: adoption_vneid
		nameVi: text('name_vi').notNull(),
		nameEn: text('name_en').notNull(),
		descriptionVi: text('description_vi').notNull(),
		descriptionEn: text('description_en').notNull(),
		sortOrder: integer('sort_order').notNull(),
		active: integer('active', { mode: 'boolean' }).notNull()
	},
	// the catalogue in display order (the metrics job reads it so): no plan scans a table
	(t) => [index('services_order_idx').on(t.sortOrder, t.code)]
);

export const provinceSettings = sqliteTable('province_settings', {
	provinceCode: text('province_code')
		.primaryKey()
		.references(() => provinces.code),
	/** e.g. "C-Thái Nguyên"; null means the generic "ứng dụng công dân của tỉnh". */
	citizenAppName: text('citizen_app_name')
});
