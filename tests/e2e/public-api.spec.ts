/**
 * The public API as the deployed worker serves it (worker/entry.js hands public reads straight
 * to the Hono app, every other request to SvelteKit): the same security headers on both paths,
 * the figures' cache headers, ETag and 304, stray query parameters kept out of shared caches.
 */
import { expect, test, type APIResponse } from '@playwright/test';

const SECURITY = {
	'x-content-type-options': 'nosniff',
	'x-frame-options': 'DENY',
	'referrer-policy': 'strict-origin-when-cross-origin',
	'content-security-policy': "default-src 'none'; frame-ancestors 'none'; base-uri 'none'"
};

function expectSecured(res: APIResponse) {
	expect(res.headers()).toMatchObject(SECURITY);
	expect(res.headers()['strict-transport-security']).toContain('max-age=');
}

test('public reads carry the security and cache headers, and a held ETag gets a 304', async ({
	request
}) => {
	const url = '/api/metrics/communes?metric=households_reached';
	const res = await request.get(url);
	expect(res.status()).toBe(200);
	expectSecured(res);
	expect(res.headers()['content-type']).toContain('application/json');
	expect(res.headers()['cache-control']).toContain('public');
	const etag = res.headers()['etag'];
	expect(etag).toBeTruthy();
	const body = (await res.json()) as {
		metric: string;
		values: Record<string, number>;
		noData: string[];
		suppressed: string[];
	};
	expect(body.metric).toBe('households_reached');
	// every commune of the country is in the payload, with a figure or without one
	const communes = Object.keys(body.values).length + body.noData.length + body.suppressed.length;
	expect(communes).toBe(3321);

	const again = await request.get(url, { headers: { 'if-none-match': etag! } });
	expect(again.status()).toBe(304);
	expectSecured(again);

	// a parameter the route does not read: the same figures, but kept out of shared caches
	const stray = await request.get(`${url}&cb=${Date.now()}`);
	expect(stray.status()).toBe(200);
	expect(stray.headers()['etag']).toBe(etag);
	expect(stray.headers()['cache-control']).toContain('private');

	const provinces = await request.get('/api/provinces');
	expect(provinces.status()).toBe(200);
	expectSecured(provinces);
	expect(((await provinces.json()) as { provinces: unknown[] }).provinces).toHaveLength(34);
});

test('an unknown public path and a signed-in API call answer as the API does everywhere', async ({
	request
}) => {
	const missing = await request.get('/api/metrics/areas/99');
	expect(missing.status()).toBe(404);
	expectSecured(missing);
	expect(((await missing.json()) as { code: string }).code).toBeTruthy();
	// not a public read: through SvelteKit, the same error shape and headers
	const guarded = await request.get('/api/households?commune=05569');
	expect(guarded.status()).toBe(401);
	expectSecured(guarded);
	expect(((await guarded.json()) as { code: string }).code).toBeTruthy();
});
