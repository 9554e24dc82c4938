/**
 * Device cookies: a device that has logged in to an account gets a long-lived random cookie;
 * the login throttle then treats it as the owner's own device, which failures from elsewhere
 * never lock out. Only the SHA-256 of login + cookie is stored.
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { trustedDevices } from '../db/schema/index.ts';
import { randomToken, sha256Hex } from './crypto.ts';

export const DEVICE_COOKIE = '__Host-tn_device';
export const DEVICE_MAX_AGE_S = 365 * 24 * 60 * 60;

const deviceKey = (login: string, token: string) => sha256Hex(`${login}\n${token}`);

/** The stored key when this device's cookie is known for this login, else null. */
export async function knownDevice(
	db: Db,
	login: string,
	token: string | null
): Promise<string | null> {
	if (!token || !/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
	const key = await deviceKey(login, token);
	const rows = await db
		.select({ key: trustedDevices.key })
		.from(trustedDevices)
		.where(eq(trustedDevices.key, key));
	return rows.length > 0 ? key : null;
}

/**
 * After a successful login: remembers this device for the account (a new cookie when it has
 * none for this login). Returns the token to set, or null when the cookie stays as it is.
 */
export async function rememberDevice(
	db: Db,
	login: string,
	userId: string,
	known: string | null,
	now = Date.now()
): Promise<string | null> {
	if (known) {
		await db
			.update(trustedDevices)
			.set({ lastUsedAt: now })
			.where(and(eq(trustedDevices.key, known), eq(trustedDevices.userId, userId)));
		return null;
	}
	const token = randomToken(32);
	await db
		.insert(trustedDevices)
		.values({ key: await deviceKey(login, token), userId, createdAt: now, lastUsedAt: now });
	return token;
}

/** Set-Cookie value for a device token. */
export function deviceCookie(token: string): string {
	return `${DEVICE_COOKIE}=${token}; Path=/; Max-Age=${DEVICE_MAX_AGE_S}; HttpOnly; Secure; SameSite=Lax`;
}

/** The device token from a Cookie header, or null. */
export function readDeviceCookie(header: string | null | undefined): string | null {
	for (const part of (header ?? '').split(';')) {
		const eq = part.indexOf('=');
		if (eq > 0 && part.slice(0, eq).trim() === DEVICE_COOKIE) return part.slice(eq + 1).trim();
	}
	return null;
}
