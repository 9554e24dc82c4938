/**
 * The session cookie. `__Host-` pins it to this exact host, path / and Secure; HttpOnly keeps
 * it from scripts; SameSite=Lax keeps it off cross-site POSTs. Chromium accepts Secure cookies
 * on http://localhost and http://127.0.0.1 (loopback counts as a secure context), which the
 * e2e tests rely on; any other plain-http host cannot log in, by design.
 */
export const SESSION_COOKIE = '__Host-tn_session';

/** Set-Cookie value for a new session that ends at `expiresAt` (epoch ms). */
export function sessionCookie(token: string, expiresAt: number, now = Date.now()): string {
	const maxAge = Math.max(0, Math.floor((expiresAt - now) / 1000));
	return `${SESSION_COOKIE}=${token}; Path=/; Max-Age=${maxAge}; HttpOnly; Secure; SameSite=Lax`;
}

/** Set-Cookie value that removes the session cookie. */
export function clearedSessionCookie(): string {
	return `${SESSION_COOKIE}=; Path=/; Max-Age=0; HttpOnly; Secure; SameSite=Lax`;
}

/** The session token from a Cookie header, or null. */
export function readSessionCookie(header: string | null | undefined): string | null {
	if (!header) return null;
	for (const part of header.split(';')) {
		const eq = part.indexOf('=');
		if (eq > 0 && part.slice(0, eq).trim() === SESSION_COOKIE) {
			return part.slice(eq + 1).trim() || null;
		}
	}
	return null;
}
