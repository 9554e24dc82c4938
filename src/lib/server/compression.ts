/**
 * Compressed pages on the wire. Cloudflare's edge compresses worker responses for browsers, but
 * wrangler dev (local use, tests, benchmarks) does not; marking the response
 * `Content-Encoding: gzip` makes the Workers runtime compress the body itself, the same way in
 * both places. The map page's HTML carries the current metric for all communes: ~56 KB → ~16 KB.
 *
 * HTML only: publicly cacheable responses (the JSON API) are stored by the adapter in the Cache
 * API, and a cached copy of a marked response comes back compressed twice.
 */
const COMPRESSIBLE = /^text\/html\b/i;

/** Whether a response to a request with these Accept-Encoding values should be gzipped. */
export function shouldCompress(
	acceptEncoding: string | null,
	status: number,
	headers: Headers
): boolean {
	if (!/\bgzip\b/i.test(acceptEncoding ?? '')) return false;
	if (status < 200 || status === 204 || status === 304 || (status >= 300 && status < 400))
		return false;
	if (headers.has('Content-Encoding')) return false;
	return COMPRESSIBLE.test(headers.get('Content-Type') ?? '');
}

/** Marks a mutable response for gzip when the request accepts it. */
export function markCompressed(request: Request, response: Response): void {
	if (!shouldCompress(request.headers.get('Accept-Encoding'), response.status, response.headers))
		return;
	response.headers.set('Content-Encoding', 'gzip');
	response.headers.append('Vary', 'Accept-Encoding');
}
