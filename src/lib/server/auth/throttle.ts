/**
 * Login throttling that slows an attacker without locking the owner out (D1 counters, hashed
 * keys, one upsert per key so concurrent failures cannot lose counts):
 * - a login from one place — this device if it has logged in to the account before, else this
 *   IP address — is locked for 15 minutes after 5 failures: only that place;
 * - an account is locked after 10 failures in 15 minutes from anywhere, but only for devices
 *   it does not know: the owner's own phone still gets in (see devices.ts);
 * - an IP address is locked after 30 failures across accounts (a commune office shares one).
 * Where the address comes from: see clientIp in login.ts.
 */
import { inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { loginThrottle } from '../db/schema/index.ts';
import { sha256Hex } from './crypto.ts';

export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const THROTTLE_LOCK_MS = 15 * 60 * 1000;
/** Failures of one login from one place (device or address) before that place is locked. */
export const PLACE_FAILURE_LIMIT = 5;
/** Failures of one login from anywhere before devices it does not know are locked out. */
export const ACCOUNT_FAILURE_LIMIT = 10;
/** Failures from one address before it is locked: higher, since an office shares one. */
export const IP_FAILURE_LIMIT = 30;

export interface ThrottleKeys {
	/** This login from this device (when known) or this address. */
	place: string;
	/** This login from anywhere; null when the device is known (never locked out). */
	account: string | null;
	/** This address; null when the address is unknown (one shared key would lock everyone). */
	ip: string | null;
}

/**
 * Hashed keys for a normalised login, the client's address (null when unknown) and, when this
 * device has logged in to the account before, its device key.
 */
export async function throttleKeys(
	login: string,
	ip: string | null,
	knownDevice: string | null = null
): Promise<ThrottleKeys> {
	return {
		place: knownDevice
			? `device:${knownDevice}`
			: `pair:${await sha256Hex(`${login}\n${ip ?? 'unknown'}`)}`,
		account: knownDevice ? null : `account:${await sha256Hex(login)}`,
		ip: ip ? `ip:${await sha256Hex(ip)}` : null
	};
}

const present = (keys: ThrottleKeys) =>
	[keys.place, keys.account, keys.ip].filter((k): k is string => k !== null);

/** Epoch ms until which logins are refused for these keys, or 0 when not locked. */
export async function lockedUntil(db: Db, keys: ThrottleKeys, now = Date.now()): Promise<number> {
	const rows = await db
		.select({ lockedUntil: loginThrottle.lockedUntil })
		.from(loginThrottle)
		.where(inArray(loginThrottle.key, present(keys)));
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

/**
 * Counts one failure against every key. The account counts failures from unknown devices only
 * (a known device's own mistakes lock that device, not the account).
 */
export async function recordFailure(db: Db, keys: ThrottleKeys, now = Date.now()): Promise<void> {
	const place = failureUpsert(db, keys.place, PLACE_FAILURE_LIMIT, now);
	const more = [
		...(keys.account ? [failureUpsert(db, keys.account, ACCOUNT_FAILURE_LIMIT, now)] : []),
		...(keys.ip ? [failureUpsert(db, keys.ip, IP_FAILURE_LIMIT, now)] : [])
	];
	await db.batch([place, ...more]);
}

/**
 * Clears this place's counter after a successful login. The account and IP counters stay: one
 * valid login must not reset the count of guesses made from elsewhere or against others.
 */
export async function clearPlace(db: Db, keys: ThrottleKeys): Promise<void> {
	await db.delete(loginThrottle).where(inArray(loginThrottle.key, [keys.place]));
}

/** A counter of its own (e.g. answers that would reveal which logins exist, per invite). */
export async function countAttempt(
	db: Db,
	key: string,
	limit: number,
	now = Date.now()
): Promise<void> {
	await failureUpsert(db, key, limit, now);
}

/** Epoch ms until which one counter refuses, or 0. */
export async function keyLockedUntil(db: Db, key: string, now = Date.now()): Promise<number> {
	return lockedUntil(db, { place: key, account: null, ip: null }, now);
}
