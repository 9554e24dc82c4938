/**
 * Where to go after logging in: only a path of this site. `next` is resolved the way a browser
 * would resolve it (tabs and line breaks dropped, backslashes read as slashes), and anything that
 * lands on another origin, or is not a plain path, falls back to the role's home. An open
 * redirect would let phishing links borrow our login page.
 */
const BASE = 'https://tung-ngo.invalid';

/** The same-site path `raw` leads to, or null when it leads anywhere else. */
export function sameSitePath(raw: string | null | undefined): string | null {
	if (!raw || !raw.startsWith('/')) return null;
	let url: URL;
	try {
		url = new URL(raw, BASE);
	} catch {
		return null;
	}
	if (url.origin !== BASE) return null;
	const path = url.pathname + url.search + url.hash;
	// A path that a browser would read as protocol-relative once printed in a Location header.
	if (path.startsWith('//') || path.startsWith('/\\')) return null;
	return path;
}
