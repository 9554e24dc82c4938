/**
 * Issue 17 §2, end to end in Chromium against the built worker: "when will every household have
 * been visited?" on the commune's public page (burn-up chart, dates in vi-VN, small counts
 * hidden in its table) and on the leader's home — the demo team leader their team's, the
 * commune's admin the commune's and each team's — each sentence the API's dates. Screenshots,
 * phone and desktop, go to tests/artifacts/.
 */
import { expect, test, type Page } from '@playwright/test';
import { runScript } from './support/e2e-db.ts';
import { login } from './support/login.ts';
import { LEADER } from './support/home-fixture.ts';
import type { ForecastBody } from '../../src/lib/server/api/routes/forecast.ts';
import type { Forecast } from '../../src/lib/domain/forecast.ts';

const ADMIN = { login: 'xa05569@demo.tungngo.vn', password: 'demo-quan-tri-xa' };
const DATES = /^Dự kiến xong: 50 % trước (\d\d\/\d\d\/\d{4}), 85 % trước (\d\d\/\d\d\/\d{4})$/;
const vnDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const fromVn = (d: string) => `${d.slice(6, 10)}-${d.slice(3, 5)}-${d.slice(0, 2)}`;
const today = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);

/** The sentence the panel must show for the API's forecast. */
function sentence(f: Forecast): string | RegExp {
	if (f.status === 'forecast' && f.p50 && f.p85)
		return `Dự kiến xong: 50 % trước ${vnDate(f.p50)}, 85 % trước ${vnDate(f.p85)}`;
	if (f.status === 'insufficient') return 'Chưa đủ dữ liệu để dự báo.';
	return /./;
}

async function shoot(page: Page, name: string, target: ReturnType<Page['getByTestId']>) {
	for (const [size, w, h] of [
		['phone', 390, 844],
		['desktop', 1280, 800]
	] as const) {
		await page.setViewportSize({ width: w, height: h });
		await target.scrollIntoViewIfNeeded();
		await page.screenshot({ path: `tests/artifacts/forecast-${name}-${size}.png` });
	}
}

test.beforeAll(() => runScript('scripts/create-admin.ts', '--demo'));

test('the commune page tells when every household will have been visited', async ({ page }) => {
	await page.goto('/xa/05569');
	const panel = page.getByTestId('commune-forecast');
	await expect(panel.getByRole('heading', { level: 2 })).toHaveText('Khi nào thăm hết các hộ?');
	const text = (await panel.getByTestId('forecast-summary').textContent())!.trim();
	const m = DATES.exec(text);
	expect(m, text).not.toBeNull();
	const [p50, p85] = [fromVn(m![1]!), fromVn(m![2]!)];
	expect(p50 >= today() && p85 >= p50).toBe(true);
	const chart = panel.getByTestId('burnup-chart');
	await expect(chart.getByRole('img')).toHaveAttribute('aria-label', /^Biểu đồ tích luỹ/);
	await expect(chart.locator('polyline.scope')).not.toHaveCount(0);
	await expect(chart.locator('polyline.projection')).toHaveCount(2);
	await expect(chart.locator('tbody tr')).toHaveCount(26);
	// No count of 1–10 in the public table: a figure is 0, above 10, or hidden.
	const cells = await chart.locator('tbody td.num').allTextContents();
	for (const c of cells) expect(c.trim()).toMatch(/^(0|\d{1,3}(\.\d{3})*|ẩn \(số nhỏ\))$/);
	expect(cells.some((c) => /^([1-9]|10)$/.test(c.trim()))).toBe(false);
	await shoot(page, 'commune', panel);
});

test("the demo team leader sees their team's forecast on their home", async ({ page }) => {
	await login(page, LEADER, /\/quan-ly$/);
	const api = (await (
		await page.request.get('/api/forecast?commune=05569')
	).json()) as ForecastBody;
	expect(api.communeForecast).toBeNull();
	expect(api.teams).toHaveLength(1);
	const panel = page.getByTestId('forecast-team');
	await expect(panel).toHaveCount(1);
	await expect(panel.getByRole('heading', { level: 2 })).toContainText(api.teams[0]!.name);
	await expect(panel.getByTestId('forecast-summary')).toHaveText(sentence(api.teams[0]!.forecast));
	await expect(panel.getByTestId('burnup-chart').locator('polyline.done')).not.toHaveCount(0);
	await shoot(page, 'leader', panel);
});

test("the commune's admin sees the commune's forecast and each team's", async ({ page }) => {
	await login(page, ADMIN, /\/quan-ly$/);
	const api = (await (
		await page.request.get('/api/forecast?commune=05569')
	).json()) as ForecastBody;
	const commune = page.getByTestId('forecast-commune');
	await expect(commune.getByRole('heading', { level: 2 })).toContainText('Khi nào thăm hết');
	await expect(commune.getByTestId('forecast-summary')).toHaveText(
		sentence(api.communeForecast!.forecast)
	);
	const teams = page.getByTestId('forecast-team');
	await expect(teams).toHaveCount(api.teams.length);
	const first = teams.first();
	await first.locator('summary').first().click();
	await expect(first.getByTestId('burnup-chart')).toBeVisible();
	await expect(first.getByTestId('forecast-summary')).toHaveText(sentence(api.teams[0]!.forecast));
	await shoot(page, 'admin', page.getByTestId('home-forecast'));
});
