/**
 * Logging in with a phone number or e-mail and a password, behind the throttle. The same work
 * (one PBKDF2 run) is done whether or not the account exists, and the answer is the same, so
 * neither timing nor messages reveal which logins exist.
 */
import type { Db } from '../db/client.ts';
import { parseLogin } from '../../domain/csv-fields.ts';
import { DUMMY_HASH, verifyPassword } from './password.ts';
import { clearAccount, lockedUntil, recordFailure, throttleKeys } from './throttle.ts';
import { findUserByLogin, type UserRow } from './users.ts';
import { createSession } from './session.ts';

export type LoginResult =
	| { ok: true; user: UserRow; token: string; sessionId: string; expiresAt: number }
	| { ok: false; reason: 'malformed'; message: string }
	| { ok: false; reason: 'locked'; until: number }
	| { ok: false; reason: 'invalid' };

/** Checks the throttle, then the password; creates a session on success. */
export async function attemptLogin(
	db: Db,
	rawLogin: string,
	password: string,
	ip: string,
	now = Date.now()
): Promise<LoginResult> {
	const login = parseLogin(rawLogin);
	if (!login.ok) return { ok: false, reason: 'malformed', message: login.error };
	const keys = await throttleKeys(`${login.value.kind}:${login.value.value}`, ip);
	const until = await lockedUntil(db, keys, now);
	if (until) return { ok: false, reason: 'locked', until };

	const user = await findUserByLogin(db, login.value);
	const matches = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
	if (!user || !matches || user.disabled) {
		await recordFailure(db, keys, now);
		return { ok: false, reason: 'invalid' };
	}
	await clearAccount(db, keys);
	const s = await createSession(db, user.id, now);
	return { ok: true, user, token: s.token, sessionId: s.id, expiresAt: s.expiresAt };
}

/** The client's address as Cloudflare reports it; "unknown" locally. */
export function clientIp(header: (name: string) => string | undefined): string {
	return header('cf-connecting-ip') ?? 'unknown';
}
