/**
 * Security headers for every response the worker makes. Pages get their Content-Security-Policy
 * from SvelteKit (`kit.csp` in svelte.config.js, with nonces for its inline scripts); the JSON
 * API gets the strict one below, since it never serves anything to render.
 */

/** Headers for pages and API alike. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
	'Strict-Transport-Security': 'max-age=63072000; includeSubDomains',
	'X-Content-Type-Options': 'nosniff',
	'Referrer-Policy': 'strict-origin-when-cross-origin',
	// Legacy twin of CSP frame-ancestors, for old in-app browsers.
	'X-Frame-Options': 'DENY',
	'Cross-Origin-Opener-Policy': 'same-origin',
	'Permissions-Policy': 'camera=(), microphone=(), payment=(), usb=(), geolocation=(self)'
};

/** CSP for JSON (and CSV) API responses: nothing may load, nothing may frame them. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

/** Sets every security header that is not already set on a mutable Headers object. */
export function applySecurityHeaders(headers: Headers, csp?: string): void {
	for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
		if (!headers.has(name)) headers.set(name, value);
	}
	if (csp && !headers.has('Content-Security-Policy')) headers.set('Content-Security-Policy', csp);
}

/**
 * Adds request header names to a response's `Vary`, each once (case-insensitive), keeping the
 * names already there. Middleware that several mounted sub-apps share may run twice for one
 * request; the header must still name each header once.
 */
export function addVary(headers: Headers, ...names: string[]): void {
	const current = (headers.get('Vary') ?? '')
		.split(',')
		.map((n) => n.trim())
		.filter(Boolean);
	if (current.includes('*')) return;
	const seen = new Set(current.map((n) => n.toLowerCase()));
	for (const name of names) {
		if (!seen.has(name.toLowerCase())) current.push(name);
		seen.add(name.toLowerCase());
	}
	if (current.length > 0) headers.set('Vary', current.join(', '));
}

/**
 * Adds origins (e.g. a configured base map's host) to the fetch and image sources of a page's
 * CSP, so MapLibre may load that style's tiles, glyphs and sprites. Other directives stay.
 */
export function extendCsp(csp: string, origins: string[]): string {
	if (origins.length === 0) return csp;
	const extra = ' ' + origins.join(' ');
	return csp
		.split(';')
		.map((d) => (/^\s*(connect-src|img-src)\s/.test(d) ? d.trimEnd() + extra : d))
		.join(';');
}

/** The origin of a configured URL, or nothing when unset or malformed. */
export function originsOf(url: string | undefined): string[] {
	if (!url) return [];
	try {
		const u = new URL(url);
		return u.protocol === 'https:' ? [u.origin] : [];
	} catch {
		return [];
	}
}
