/**
 * The browser's last sync device id, in an HttpOnly cookie scoped to the sync API. Storage
 * eviction wipes IndexedDB (and with it the device id) but not server-set cookies, so on the
 * next sync the server sees "this browser was device A, which still held unsynced visits; it
 * now says it is device B" and reports the loss.
 */
export const DEVICE_COOKIE = '__Secure-tn_device';

const MAX_AGE_S = 400 * 24 * 60 * 60; // browsers cap cookie lifetime at 400 days

/** Set-Cookie value remembering this browser's device id. */
export function deviceCookie(deviceId: string): string {
	return `${DEVICE_COOKIE}=${deviceId}; Path=/api/visits; Max-Age=${MAX_AGE_S}; HttpOnly; Secure; SameSite=Strict`;
}

/** A cookie's value from a Cookie header, or null. */
export function readCookie(header: string | null | undefined, name: string): string | null {
	if (!header) return null;
	for (const part of header.split(';')) {
		const eq = part.indexOf('=');
		if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim() || null;
	}
	return null;
}
