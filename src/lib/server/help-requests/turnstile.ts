/**
 * The human check of the help-request form: Cloudflare Turnstile, when a site key and a secret
 * are configured (TURNSTILE_SITE_KEY, TURNSTILE_SECRET_KEY; docs/help-requests.md). Without
 * them, the rate limits alone apply.
 */

/** Cloudflare's documented siteverify endpoint. */
export const SITEVERIFY_URL = 'https://challenges.cloudflare.com/turnstile/v0/siteverify';

export interface TurnstileEnv {
	/** The widget's public site key; shown on the form when set with the secret. */
	TURNSTILE_SITE_KEY?: string;
	TURNSTILE_SECRET_KEY?: string;
	/** Another siteverify URL (a test's local stub server); default Cloudflare's. */
	TURNSTILE_VERIFY_URL?: string;
}

/** The site key to show the widget with, or null when the check is off (no key or no secret). */
export function turnstileSiteKey(env: TurnstileEnv | undefined): string | null {
	return env?.TURNSTILE_SITE_KEY && env.TURNSTILE_SECRET_KEY ? env.TURNSTILE_SITE_KEY : null;
}

/**
 * Whether Cloudflare accepts this token (siteverify: `secret`, `response`, `remoteip`). True when
 * the check is off. A siteverify that cannot be reached or answers garbage counts as a failure:
 * the form then says to try again, rather than letting unchecked requests through.
 */
export async function verifyTurnstile(
	env: TurnstileEnv | undefined,
	token: string | null | undefined,
	ip: string | null
): Promise<boolean> {
	if (!turnstileSiteKey(env)) return true;
	if (!token) return false;
	const form = new FormData();
	form.set('secret', env!.TURNSTILE_SECRET_KEY!);
	form.set('response', token);
	if (ip) form.set('remoteip', ip);
	try {
		const res = await fetch(env!.TURNSTILE_VERIFY_URL || SITEVERIFY_URL, {
			method: 'POST',
			body: form,
			signal: AbortSignal.timeout(5000)
		});
		if (!res.ok) return false;
		const body = (await res.json()) as { success?: unknown };
		return body.success === true;
	} catch {
		return false;
	}
}

/** Turnstile's script and frame origin. */
export const TURNSTILE_ORIGIN = 'https://challenges.cloudflare.com';

/**
 * The page CSP with Turnstile's script and frame admitted (the help-request form, when the check
 * is on); `frame-src` is added, since the default CSP falls back to `default-src 'self'`.
 */
export function allowTurnstile(csp: string): string {
	const out = csp
		.split(';')
		.map((d) => (/^\s*script-src\s/.test(d) ? `${d.trimEnd()} ${TURNSTILE_ORIGIN}` : d))
		.join(';');
	return /(^|;)\s*frame-src\s/.test(out) ? out : `${out}; frame-src ${TURNSTILE_ORIGIN}`;
}
