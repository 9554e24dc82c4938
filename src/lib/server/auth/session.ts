/**
 * Sessions in D1: a 256-bit random token in the cookie, its SHA-256 as the row id. Idle and
 * absolute timeouts are checked on every request; revocation deletes rows, so it takes effect
 * on the very next request.
 */
import { and, eq, ne } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { sessions, users } from '../db/schema/index.ts';
import { randomToken, sha256Hex } from './crypto.ts';

const HOUR_MS = 60 * 60 * 1000;
/** A session unused for this long ends (field phones may sit idle over a weekend). */
export const SESSION_IDLE_MS = 72 * HOUR_MS;
/** A session ends this long after login whatever the activity. */
export const SESSION_ABSOLUTE_MS = 30 * 24 * HOUR_MS;
/** lastSeenAt is written at most this often, not on every request. */
export const SESSION_TOUCH_MS = 5 * 60 * 1000;
/** Token size in bytes: 32 bytes = 256 bits, well over the 128-bit minimum. */
export const SESSION_TOKEN_BYTES = 32;

/** Creates a session for the user; returns the token (for the cookie only) and its expiry. */
export async function createSession(
	db: Db,
	userId: string,
	now = Date.now()
): Promise<{ token: string; id: string; expiresAt: number }> {
	const token = randomToken(SESSION_TOKEN_BYTES);
	const id = await sha256Hex(token);
	const expiresAt = now + SESSION_ABSOLUTE_MS;
	await db.insert(sessions).values({ id, userId, createdAt: now, lastSeenAt: now, expiresAt });
	return { token, id, expiresAt };
}

export type SessionUser = typeof users.$inferSelect;

/**
 * The live session and user for a cookie token, or null when the token is unknown, expired
 * (idle or absolute), or the account is disabled. Expired rows are deleted on the way.
 */
export async function readSession(
	db: Db,
	token: string,
	now = Date.now()
): Promise<{ sessionId: string; expiresAt: number; user: SessionUser } | null> {
	if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
	const id = await sha256Hex(token);
	const rows = await db
		.select({ s: sessions, u: users })
		.from(sessions)
		.innerJoin(users, eq(users.id, sessions.userId))
		.where(eq(sessions.id, id));
	const row = rows[0];
	if (!row) return null;
	const { s, u } = row;
	if (s.expiresAt <= now || s.lastSeenAt + SESSION_IDLE_MS <= now || u.disabled) {
		await db.delete(sessions).where(eq(sessions.id, id));
		return null;
	}
	if (now - s.lastSeenAt >= SESSION_TOUCH_MS) {
		await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id));
	}
	return { sessionId: id, expiresAt: s.expiresAt, user: u };
}

/** Ends one session (logout). */
export async function deleteSession(db: Db, sessionId: string): Promise<void> {
	await db.delete(sessions).where(eq(sessions.id, sessionId));
}

/** Ends every session of a user, except `keepSessionId` (the one changing its password). */
export function revokeUserSessions(db: Db, userId: string, keepSessionId?: string) {
	return db
		.delete(sessions)
		.where(
			keepSessionId
				? and(eq(sessions.userId, userId), ne(sessions.id, keepSessionId))
				: eq(sessions.userId, userId)
		);
}
