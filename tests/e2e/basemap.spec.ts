/**
 * Issue 14, in Chromium against the built worker: the demo's streets (scripts/build-basemap.ts,
 * served from the local R2 through /api/basemap) are drawn under the households of the planning
 * view and under the communes of the public map, the communes stay readable over them, and a
 * base map that cannot be reached leaves the app's own map with a notice. Screenshots at desktop
 * and phone size go to tests/artifacts/. (The field map offline: field-route.phone.spec.ts.)
 */
import type { Page } from '@playwright/test';
import { expect, test } from './support/test-hooks.ts';
import { LEADER } from './support/home-fixture.ts';
import { login } from './support/login.ts';

/** Features MapLibre has drawn from the base map's source, per source layer. */
function drawnBasemap(page: Page, map: '__tungNgoPlanMap' | '__tungNgoMap') {
	return page.evaluate((name) => {
		const m = window[name]!;
		const out: Record<string, number> = {};
		for (const f of m.queryRenderedFeatures())
			if (f.source === 'protomaps') out[f.sourceLayer!] = (out[f.sourceLayer!] ?? 0) + 1;
		return out;
	}, map);
}

test('the planning view shows the demo streets under the households', async ({ page }) => {
	test.setTimeout(90_000);
	await login(page, LEADER);
	await page.goto('/quan-ly/xa/05569/ke-hoach');
	const map = page.getByTestId('plan-map');
	await expect(map).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
	await expect(map).toHaveAttribute('data-basemap', 'shown');
	await expect(page.getByTestId('basemap-notice')).toHaveCount(0);
	// Roads and the land under them come from the base map; the households stay on top.
	await expect
		.poll(async () => (await drawnBasemap(page, '__tungNgoPlanMap'))['roads'] ?? 0, {
			timeout: 20_000
		})
		.toBeGreaterThan(0);
	const order = await page.evaluate(() =>
		window.__tungNgoPlanMap!.getStyle().layers.map((l) => l.id)
	);
	expect(order.indexOf('household-points')).toBeGreaterThan(order.indexOf('roads_minor'));
	await page.screenshot({ path: 'tests/artifacts/basemap-plan.png' });
	await page.setViewportSize({ width: 390, height: 844 });
	await expect
		.poll(async () => (await drawnBasemap(page, '__tungNgoPlanMap'))['roads'] ?? 0)
		.toBeGreaterThan(0);
	await page.screenshot({ path: 'tests/artifacts/basemap-plan-phone.png' });
});

test('the public map draws the communes readably over the base map', async ({ page }) => {
	await page.goto('/?commune=05569');
	const map = page.getByTestId('coverage-map');
	await expect(map).toHaveAttribute('data-status', 'ready', { timeout: 30_000 });
	await expect(map).toHaveAttribute('data-basemap', 'shown');
	const layers = await page.evaluate(() => window.__tungNgoMap!.getStyle().layers);
	const at = (id: string) => layers.findIndex((l) => l.id === id);
	// The communes over the base map's land and water, under its labels; see-through fills.
	expect(at('commune-fill')).toBeGreaterThan(at('earth'));
	expect(at('commune-fill')).toBeGreaterThan(at('water'));
	expect(at('commune-fill')).toBeLessThan(at('roads_labels_minor'));
	expect(at('commune-label')).toBeGreaterThan(at('roads_labels_minor'));
	const fill = layers[at('commune-fill')] as { paint?: Record<string, unknown> };
	expect(JSON.stringify(fill.paint?.['fill-opacity'])).toMatch(/0\.\d/);
	await expect
		.poll(async () => Object.keys(await drawnBasemap(page, '__tungNgoMap')).length, {
			timeout: 20_000
		})
		.toBeGreaterThan(0);
	await page.screenshot({ path: 'tests/artifacts/basemap-public.png' });
	await page.setViewportSize({ width: 390, height: 844 });
	await page.screenshot({ path: 'tests/artifacts/basemap-public-phone.png' });
});

test('a base map that cannot be reached leaves the own map and says so', async ({ page }) => {
	await page.route('**/api/basemap/style.json', (r) => r.abort('connectionrefused'));
	await page.goto('/?commune=05569');
	const map = page.getByTestId('coverage-map');
	await expect(map).toHaveAttribute('data-status', 'ready', { timeout: 30_000 });
	await expect(map).toHaveAttribute('data-basemap', 'unavailable');
	await expect(page.getByTestId('basemap-notice')).toHaveText(
		'Không tải được bản đồ nền (đường, ngõ): đang hiện bản đồ đơn giản, các số liệu vẫn đúng.'
	);
	// The figures are still drawn: the commune fill layer with its own background.
	const ids = await page.evaluate(() => window.__tungNgoMap!.getStyle().layers.map((l) => l.id));
	expect(ids[0]).toBe('background');
	expect(ids).toContain('commune-fill');
	expect(ids).not.toContain('earth');
});

test('the satellite switch shows the imagery a configured base map carries, and back', async ({
	page
}) => {
	// The e2e server has no imagery configured (BASEMAP_SATELLITE_URL is a deploy setting whose
	// style the API tests check): the served style gets the same layer here, its tiles a PNG.
	const png = Buffer.from(
		'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
		'base64'
	);
	await page.route('**/sat/**', (r) => r.fulfill({ body: png, contentType: 'image/png' }));
	await page.route('**/api/basemap/style.json', async (r) => {
		const style = await (await r.fetch()).json();
		const origin = new URL(r.request().url()).origin;
		style.sources.satellite = { type: 'raster', tiles: [`${origin}/sat/{z}/{x}/{y}.png`] };
		const at = style.layers.findIndex((l: { id: string }) => l.id.startsWith('roads_'));
		const layer = {
			id: 'satellite',
			type: 'raster',
			source: 'satellite',
			layout: { visibility: 'none' }
		};
		style.layers.splice(at, 0, layer);
		await r.fulfill({ json: style });
	});
	await page.goto('/?commune=05569');
	const map = page.getByTestId('coverage-map');
	await expect(map).toHaveAttribute('data-status', 'ready', { timeout: 30_000 });
	const visibility = () =>
		page.evaluate(() => window.__tungNgoMap!.getLayoutProperty('satellite', 'visibility'));
	expect(await visibility()).toBe('none');
	const button = page.getByTestId('basemap-satellite');
	await expect(button).toHaveText('Ảnh vệ tinh');
	await button.click();
	await expect(button).toHaveAttribute('aria-pressed', 'true');
	await expect(button).toHaveText('Bản đồ đường');
	expect(await visibility()).toBe('visible');
	await button.click();
	expect(await visibility()).toBe('none');
});
