/**
 * Failed-login counters per account and per client IP. Kept in D1 because the Rate Limiting
 * binding is only approximate; keys are hashed so the table holds no logins or addresses.
 */
import { sqliteTable, text, integer } from 'drizzle-orm/sqlite-core';

export const loginThrottle = sqliteTable('login_throttle', {
	/** "pair:", "device:", "account:" or "ip:" and a SHA-256 (of the login, the address, or both). */
	key: text('key').primaryKey(),
	failures: integer('failures').notNull(),
	/** Start of the current counting window, epoch ms. */
	windowStart: integer('window_start').notNull(),
	/** While now < lockedUntil, logins for this key are refused without checking. */
	lockedUntil: integer('locked_until').notNull().default(0)
});

/**
 * Devices that have logged in to an account before (a device cookie, OWASP's "device cookies"):
 * failures from elsewhere never lock these out. Only the SHA-256 of login + cookie is kept.
 */
export const trustedDevices = sqliteTable('trusted_devices', {
	key: text('key').primaryKey(),
	userId: text('user_id').notNull(),
	createdAt: integer('created_at').notNull(),
	lastUsedAt: integer('last_used_at').notNull()
});
