/**
 * Login throttling with D1 counters, per account and per client IP. A key that reaches its
 * limit within the window is locked for LOCK_MS; after that it counts from zero again. The
 * update is one upsert statement, so concurrent failures cannot lose counts.
 */
import { inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { loginThrottle } from '../db/schema/index.ts';
import { sha256Hex } from './crypto.ts';

export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const THROTTLE_LOCK_MS = 15 * 60 * 1000;
/** Failures per account (login name, known or not) before it is locked. */
export const ACCOUNT_FAILURE_LIMIT = 5;
/** Failures per IP before it is locked: higher, since a commune office shares one address. */
export const IP_FAILURE_LIMIT = 30;

export interface ThrottleKeys {
	account: string;
	ip: string;
}

/** Hashed keys for a normalised login and a client address. */
export async function throttleKeys(login: string, ip: string): Promise<ThrottleKeys> {
	return {
		account: `account:${await sha256Hex(login)}`,
		ip: `ip:${await sha256Hex(ip)}`
	};
}

/** Epoch ms until which logins are refused for these keys, or 0 when not locked. */
export async function lockedUntil(db: Db, keys: ThrottleKeys, now = Date.now()): Promise<number> {
	const rows = await db
		.select({ lockedUntil: loginThrottle.lockedUntil })
		.from(loginThrottle)
		.where(inArray(loginThrottle.key, [keys.account, keys.ip]));
	const until = Math.max(0, ...rows.map((r) => r.lockedUntil));
	return until > now ? until : 0;
}

function failureUpsert(db: Db, key: string, limit: number, now: number) {
	const fresh = sql`${loginThrottle.windowStart} + ${THROTTLE_WINDOW_MS} <= ${now}`;
	const next = sql`CASE WHEN ${fresh} THEN 1 ELSE ${loginThrottle.failures} + 1 END`;
	return db
		.insert(loginThrottle)
		.values({
			key,
			failures: 1,
			windowStart: now,
			lockedUntil: limit <= 1 ? now + THROTTLE_LOCK_MS : 0
		})
		.onConflictDoUpdate({
			target: loginThrottle.key,
			set: {
				failures: next,
				windowStart: sql`CASE WHEN ${fresh} THEN ${now} ELSE ${loginThrottle.windowStart} END`,
				lockedUntil: sql`CASE WHEN ${next} >= ${limit} THEN ${now + THROTTLE_LOCK_MS} ELSE ${loginThrottle.lockedUntil} END`
			}
		});
}

/** Counts one failed login against both keys. */
export async function recordFailure(db: Db, keys: ThrottleKeys, now = Date.now()): Promise<void> {
	await db.batch([
		failureUpsert(db, keys.account, ACCOUNT_FAILURE_LIMIT, now),
		failureUpsert(db, keys.ip, IP_FAILURE_LIMIT, now)
	]);
}

/**
 * Clears the account's counter after a successful login. The IP counter stays: one valid
 * account must not reset the count of guesses against others from the same address.
 */
export async function clearAccount(db: Db, keys: ThrottleKeys): Promise<void> {
	await db.delete(loginThrottle).where(inArray(loginThrottle.key, [keys.account]));
}
