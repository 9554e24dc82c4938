/**
 * Logging in with a phone number or e-mail and a password, behind the throttle. The same work
 * (one PBKDF2 run) is done whether or not the account exists, and the answer is the same, so
 * neither timing nor messages reveal which logins exist.
 */
import type { Db } from '../db/client.ts';
import { parseLogin } from '../../domain/csv-fields.ts';
import { DUMMY_HASH, verifyPassword } from './password.ts';
import { clearPlace, lockedUntil, recordFailure, throttleKeys } from './throttle.ts';
import { knownDevice, rememberDevice } from './devices.ts';
import { findUserByLogin, type UserRow } from './users.ts';
import { createSession } from './session.ts';

export type LoginResult =
	| {
			ok: true;
			user: UserRow;
			token: string;
			sessionId: string;
			expiresAt: number;
			/** A new device cookie to set, or null to keep the one sent. */
			device: string | null;
	  }
	| { ok: false; reason: 'malformed'; message: string }
	| { ok: false; reason: 'locked'; until: number }
	| { ok: false; reason: 'invalid' };

export interface LoginPlace {
	/** The client's address, or null when it cannot be trusted (see clientIp). */
	ip: string | null;
	/** The device cookie sent with the request, if any. */
	device: string | null;
}

/** Checks the throttle, then the password; creates a session on success. */
export async function attemptLogin(
	db: Db,
	rawLogin: string,
	password: string,
	from: LoginPlace,
	now = Date.now()
): Promise<LoginResult> {
	const login = parseLogin(rawLogin);
	if (!login.ok) return { ok: false, reason: 'malformed', message: login.error };
	const name = `${login.value.kind}:${login.value.value}`;
	const known = await knownDevice(db, name, from.device);
	const keys = await throttleKeys(name, from.ip, known);
	const until = await lockedUntil(db, keys, now);
	if (until) return { ok: false, reason: 'locked', until };

	const user = await findUserByLogin(db, login.value);
	const matches = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
	if (!user || !matches || user.disabled) {
		await recordFailure(db, keys, now);
		return { ok: false, reason: 'invalid' };
	}
	await clearPlace(db, keys);
	const device = await rememberDevice(db, name, user.id, known, now);
	const s = await createSession(db, user.id, now);
	return { ok: true, user, token: s.token, sessionId: s.id, expiresAt: s.expiresAt, device };
}

/**
 * The client's address, for the per-address throttle. Only Cloudflare's own
 * `CF-Connecting-IP` is believed, and only on a request that came through Cloudflare's edge
 * (the runtime attaches `request.cf` there, and the edge overwrites any such header a client
 * sends). Anywhere else — behind another proxy, or a dev server — anyone could send it, so the
 * address is unknown (null) and the per-address limit is not applied.
 */
export function clientIp(request: Request): string | null {
	const viaCloudflare = (request as Request & { cf?: unknown }).cf != null;
	return viaCloudflare ? request.headers.get('cf-connecting-ip') : null;
}
