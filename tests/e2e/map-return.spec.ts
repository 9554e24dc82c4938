import { type Page } from '@playwright/test';
import { expect, test } from './support/test-hooks.ts';
import { queryE2eDb, runScript } from './support/e2e-db.ts';
import { waitColoured } from './support/map.ts';

/** Where the map page came from, as the page learnt from its service worker. */
const openedFrom = (page: Page) => page.locator('html').getAttribute('data-opened-from');

/** A first visit: the worker installs and stores the map page. */
async function firstVisit(page: Page) {
	await page.goto('/');
	await waitColoured(page);
	await expect(page.locator('html')).toHaveAttribute('data-offline-ready', 'true', {
		timeout: 30_000
	});
	await expect(page.locator('html')).toHaveAttribute('data-opened-from', 'network');
}

async function openMap(page: Page, from: 'cache' | 'network') {
	await page.goto('/');
	await waitColoured(page);
	await expect(page.locator('html')).toHaveAttribute('data-opened-from', from);
}

test.describe('returning to the map', () => {
	test.beforeAll(() => {
		runScript('scripts/create-admin.ts', '--demo'); // the demo accounts (idempotent)
	});

	test('opens at once from the stored page, then shows the figures the server has now', async ({
		page
	}) => {
		await firstVisit(page);
		const row = page.getByRole('row').filter({ hasText: 'Tỉnh Thái Nguyên' });
		const teams = () =>
			queryE2eDb<{ teams: number }>(
				"SELECT teams FROM area_metrics WHERE level = 'province' AND code = '19'"
			)[0]!.teams;
		const before = teams();
		await expect(row).toContainText(before.toLocaleString('vi-VN'));
		// A metrics run after the page was stored changes the figures (and their version).
		queryE2eDb(
			"UPDATE area_metrics SET teams = teams + 1000 WHERE level = 'province' AND code = '19'; " +
				"UPDATE meta SET updated_at = updated_at + 1 WHERE key = 'metrics_computed_at'"
		);
		try {
			await page.reload();
			await expect(page.locator('html')).toHaveAttribute('data-opened-from', 'cache');
			await expect(row).toContainText((before + 1000).toLocaleString('vi-VN'));
			await waitColoured(page);
		} finally {
			runScript('scripts/compute-metrics.ts'); // the figures from the records again
		}
	});

	test('someone signed in always gets the page from the server, with their own header', async ({
		page
	}) => {
		await firstVisit(page);
		await openMap(page, 'cache');

		await page.goto('/dang-nhap');
		await page.getByLabel('Số điện thoại hoặc email').fill('xa05569@demo.tungngo.vn');
		await page.getByLabel('Mật khẩu').fill('demo-quan-tri-xa');
		await page.getByRole('button', { name: 'Đăng nhập' }).click();
		await expect(page).toHaveURL(/\/quan-ly$/);

		// The stored page was rendered for nobody signed in: the worker asks the server.
		await openMap(page, 'network');
		await expect(page.getByRole('link', { name: 'Quản lý' })).toBeVisible();
		await expect(page.getByRole('link', { name: 'Đăng nhập' })).toHaveCount(0);
		await openMap(page, 'network');

		await page.goto('/quan-ly');
		await page.getByRole('button', { name: 'Đăng xuất' }).click();
		await expect(page).toHaveURL(/\/$/);
		await expect(page.getByRole('link', { name: 'Đăng nhập' })).toBeVisible();
		// Signed out, the page the server sent then is stored and opens at once again.
		await openMap(page, 'cache');
		await expect(page.getByRole('link', { name: 'Đăng nhập' })).toBeVisible();
	});

	test('a language switch is not undone by the stored page', async ({ page }) => {
		await firstVisit(page);
		await page.getByRole('link', { name: 'English' }).click();
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		await page.goto('/');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			'Coverage map of community digital-technology teams'
		);
		expect(await openedFrom(page)).not.toBe('cache');
		await page.getByRole('link', { name: 'Tiếng Việt' }).click();
		await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
	});
});
