import { expect, test } from './support/test-hooks.ts';
import { communeStates, waitColoured } from './support/map.ts';

const ARTIFACTS = 'tests/artifacts';

/** The months with figures, newest first, as the public API lists them. */
async function monthsWithFigures(request: import('@playwright/test').APIRequestContext) {
	const res = await request.get('/api/metrics/months');
	expect(res.ok()).toBe(true);
	const body = (await res.json()) as { current: string; months: { month: string }[] };
	return body.months.map((m) => m.month);
}

test.describe('months, trends and change since (issue 16 §3)', () => {
	test('a visitor switches months on the map; the URL, the legend and the colours follow', async ({
		page,
		request
	}) => {
		const months = await monthsWithFigures(request);
		expect(months.length).toBeGreaterThanOrEqual(3);
		const [, month, earlier] = months; // the last closed month and the one before
		await page.goto('/?metric=helped_vneid');
		await waitColoured(page, 'helped_vneid');
		const twelve = await communeStates(page, 'helped_vneid');

		await page.getByTestId('month-select').selectOption(month!);
		await waitColoured(page, `helped_vneid|${month}`);
		await expect(page).toHaveURL(new RegExp(`month=${month}`));
		const [y, m] = month!.split('-');
		await expect(page.getByTestId('map-legend')).toContainText(`Tháng ${m}/${y}`);
		const monthly = await communeStates(page, `helped_vneid|${month}`);
		// One month's people helped are not the 12 months': some commune's class differs.
		expect(Object.keys(monthly).some((c) => monthly[c] !== twelve[c])).toBe(true);

		await page.getByTestId('since-select').selectOption(earlier!);
		await waitColoured(page, `helped_vneid|${month}|${earlier}`);
		await expect(page).toHaveURL(new RegExp(`since=${earlier}`));
		await expect(page.getByTestId('map-legend')).toContainText('Thay đổi từ tháng');
		await page.screenshot({ path: `${ARTIFACTS}/map-change-since.png` });

		// The link reproduces the view on a fresh load (server-rendered with the same figures).
		await page.reload();
		await waitColoured(page, `helped_vneid|${month}|${earlier}`);
		await expect(page.getByTestId('since-select')).toHaveValue(earlier!);
	});

	test('a commune page shows the trend and a month, without JavaScript', async ({ browser }) => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto('/xa/05569?metric=helped_vneid');
		const chart = page.getByTestId('trend-chart');
		await expect(chart).toBeVisible();
		// A month of 0 is a bar of no height: a month with people helped is drawn.
		await expect(chart.locator('svg rect.bar:not([height="0"])').first()).toBeVisible();
		// 24 months in the table, oldest first, each with a figure or why there is none.
		await expect(chart.locator('tbody tr')).toHaveCount(24);
		await page.screenshot({ path: `${ARTIFACTS}/commune-trend.png`, fullPage: true });

		// The plain form picks a month: the figures become that month's.
		const form = page.getByTestId('period-form');
		const options = await form.locator('select[name=month] option').allTextContents();
		expect(options[0]).toBe('12 tháng gần nhất');
		const month = await form.locator('select[name=month] option').nth(2).getAttribute('value');
		await form.locator('select[name=month]').selectOption(month!);
		await form.getByRole('button').click();
		await expect(page).toHaveURL(new RegExp(`month=${month}`));
		const [y, m] = month!.split('-');
		await expect(page.getByTestId('current-figure')).toContainText(`/${m}/${y}`);
		await context.close();
	});

	test('a province page draws its trend as a line for a rate', async ({ page }) => {
		await page.goto('/tinh/19?metric=households_reached');
		const chart = page.getByTestId('trend-chart');
		await expect(chart.locator('polyline.line').first()).toBeVisible();
		await page.screenshot({ path: `${ARTIFACTS}/province-trend.png`, fullPage: true });
	});
});
