/**
 * The training library's versions (issue 17 §3, docs/guides.md): one row per published version
 * of a guide; the files themselves are content-addressed objects in R2 (server/guides/store.ts).
 */
import { sqliteTable, text, integer, index, primaryKey } from 'drizzle-orm/sqlite-core';
import { services } from './services.ts';

export const guideVersions = sqliteTable(
	'guide_versions',
	{
		slug: text('slug').notNull(),
		version: integer('version').notNull(),
		serviceCode: text('service_code')
			.notNull()
			.references(() => services.code),
		title: text('title').notNull(),
		summary: text('summary').notNull(),
		/** The manifest's file name, `<sha256>.json`. */
		manifest: text('manifest').notNull(),
		/** JSON array of every file name of the version (manifest first, then pictures). */
		files: text('files').notNull(),
		bytes: integer('bytes').notNull(),
		steps: integer('steps').notNull(),
		authorUserId: text('author_user_id'),
		createdAt: integer('created_at').notNull()
	},
	(t) => [
		// the primary key serves "current version of a guide" (max version per slug) and history
		primaryKey({ columns: [t.slug, t.version] }),
		// the guides of one service (the visit form asks for a service's guide)
		index('guide_versions_service_idx').on(t.serviceCode)
	]
);
