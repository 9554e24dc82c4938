import { expect, test } from './support/test-hooks.ts';
import { communeStates, waitColoured } from './support/map.ts';
import { login } from './support/login.ts';
import { addMonths, monthOf } from '../../src/lib/domain/metric-months.ts';

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

	test('official figures over time: a past month on the map with its basis, the trend, the report', async ({
		page
	}) => {
		test.slow();
		// Two months ago (the official-statistics spec imports last month's): four communes of
		// Thái Nguyên, imported as the province admin does.
		const month = addMonths(monthOf(Date.now()), -2);
		const source = 'Công an tỉnh Thái Nguyên (e2e theo tháng)';
		const figures = { '01840': 1200, '01843': 950, '01849': 40, '01864': 600 };
		const csv =
			'\uFEFFMã xã mới,Mã xã cũ (trước 2025),Tháng (YYYY-MM),Dịch vụ,Số liệu,Nguồn,Ghi chú\n' +
			Object.entries(figures)
				.map(([code, n]) => `${code},,${month},vneid,${n},${source},`)
				.join('\n') +
			'\n';
		await login(page, { login: 'tinh19@demo.tungngo.vn', password: 'demo-quan-tri-tinh' });
		await page.goto('/quan-ly/so-lieu-chinh-thuc');
		await page.getByTestId('official-file').setInputFiles({
			name: 'so-lieu-thang.csv',
			mimeType: 'text/csv',
			buffer: Buffer.from(csv, 'utf8')
		});
		await page.getByRole('button', { name: /^Nhập \d+ số liệu$/ }).click();
		await expect(page.getByTestId('official-message')).toBeVisible();

		const [y, m] = month.split('-');
		for (const [name, size] of [
			['desktop', { width: 1280, height: 800 }],
			['phone', { width: 390, height: 844 }]
		] as const) {
			await page.setViewportSize(size);
			// The map on that month: the province's sum says how many communes it stands on.
			await page.goto(`/?metric=official_vneid&month=${month}&province=19`);
			await waitColoured(page, `official_vneid|${month}`);
			await expect(page.getByTestId('map-legend')).toContainText(`Tháng ${m}/${y}`);
			await expect(page.getByTestId('map-legend')).toContainText('Số liệu chính thức');
			const basis = page.getByTestId('figure-basis').first();
			await expect(basis).toContainText(/từ 4\/\d+ xã có số liệu/);
			await page.screenshot({ path: `${ARTIFACTS}/official-month-map-${name}.png` });

			// The province page's trend of the official metric: that month's sum, no data elsewhere.
			await page.goto('/tinh/19?metric=official_vneid');
			const chart = page.getByTestId('trend-chart');
			await expect(chart.locator('circle.dot').first()).toBeVisible();
			await expect(chart.locator('tbody')).toContainText('2.790');
			await page.screenshot({ path: `${ARTIFACTS}/official-trend-${name}.png`, fullPage: true });
		}

		// The province report of that month: the official figures apart, with their source.
		await page.setViewportSize({ width: 1280, height: 800 });
		await page.goto(`/bao-cao/19/${month}`);
		const official = page.getByTestId('report-official');
		await expect(
			official.getByRole('heading', { name: 'Số liệu chính thức', exact: true })
		).toBeVisible();
		await expect(official.locator('tr[data-metric="official_vneid"]').first()).toContainText(
			'2.790'
		);
		await expect(official).toContainText(`Nguồn: ${source}`);
		await page.screenshot({ path: `${ARTIFACTS}/report-official.png`, fullPage: true });
		await page.setViewportSize({ width: 390, height: 844 });
		await page.screenshot({ path: `${ARTIFACTS}/report-official-phone.png`, fullPage: true });
	});
});
