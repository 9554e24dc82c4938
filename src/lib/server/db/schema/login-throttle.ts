/**
 * Failed-login counters per account and per client IP. Kept in D1 because the Rate Limiting
 * binding is only approximate; keys are hashed so the table holds no logins or addresses.
 */
import { sqliteTable, text, integer } from 'drizzle-orm/sqlite-core';

export const loginThrottle = sqliteTable('login_throttle', {
	/** "account:<sha256 of the login>" or "ip:<sha256 of the address>". */
	key: text('key').primaryKey(),
	failures: integer('failures').notNull(),
	/** Start of the current counting window, epoch ms. */
	windowStart: integer('window_start').notNull(),
	/** While now < lockedUntil, logins for this key are refused without checking. */
	lockedUntil: integer('locked_until').notNull().default(0)
});
