/**
 * Login sessions. The cookie carries a 256-bit random token; only its SHA-256 is stored, so a
 * copy of the database cannot be replayed as a login. Idle and absolute timeouts are checked
 * on every request (auth/session.ts).
 */
import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { users } from './users.ts';

export const sessions = sqliteTable(
	'sessions',
	{
		/** Hex SHA-256 of the session token. */
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id),
		createdAt: integer('created_at').notNull(),
		/** Refreshed at most every few minutes; idle timeout counts from here. */
		lastSeenAt: integer('last_seen_at').notNull(),
		/** Absolute timeout, epoch ms: the session ends here whatever the activity. */
		expiresAt: integer('expires_at').notNull()
	},
	// revoking all sessions of a user (admin action, password change).
	(t) => [index('sessions_user_idx').on(t.userId)]
);
