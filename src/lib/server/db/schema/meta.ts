/** Small key/value facts about the database: reference-data version, demo seed, metrics run. */
import { sqliteTable, text, integer } from 'drizzle-orm/sqlite-core';

export const meta = sqliteTable('meta', {
	key: text('key').primaryKey(),
	value: text('value').notNull(),
	updatedAt: integer('updated_at').notNull()
});
