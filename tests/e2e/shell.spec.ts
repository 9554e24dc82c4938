import { expect, test } from '@playwright/test';

test.describe('layout shell', () => {
	test('speaks Vietnamese first and lists the 34 provinces from D1', async ({ page }) => {
		await page.goto('/');
		await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			'Bản đồ độ phủ Tổ công nghệ số cộng đồng'
		);
		await expect(page.getByRole('link', { name: 'Tỉnh Thái Nguyên' })).toBeVisible();
		await expect(page.getByText('34 tỉnh, thành phố · 3.321 xã, phường, đặc khu')).toBeVisible();
	});

	test('switches to English and remembers it', async ({ page }) => {
		await page.goto('/');
		await page.getByRole('link', { name: 'English' }).click();
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		await page.goto('/tinh/19');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Thai Nguyen Province');
		await page.getByRole('link', { name: 'Tiếng Việt' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tỉnh Thái Nguyên');
	});

	test('marks demo data as demo', async ({ page }) => {
		await page.goto('/');
		await expect(page.getByTestId('demo-badge')).toContainText('Dữ liệu mẫu');
	});

	test('renders a commune page server-side with diacritics', async ({ browser }) => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto('/xa/05569');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Xã Định Hoá');
		await context.close();
	});
});
