/**
 * Issue 13: the audit log is readable by a person — names, actions in Vietnamese, the commune's
 * name, filters that keep the area — and a login leaves its line. Screenshot: tests/artifacts.
 */
import { expect, test } from '@playwright/test';
import { runScript } from './support/e2e-db.ts';
import { login } from './support/login.ts';

const ADMIN = { login: 'xa05569@demo.tungngo.vn', password: 'demo-quan-tri-xa' };

test.beforeAll(() => runScript('scripts/create-admin.ts', '--demo'));

test('a commune admin reads the audit log in words, and filters it', async ({ page }) => {
	await login(page, ADMIN, /\/quan-ly$/);
	await page.goto('/quan-ly/nhat-ky?commune=05569');
	const table = page.getByTestId('audit-table');
	await expect(table).toBeVisible();
	const login_ = table.locator('tr', { hasText: 'Đăng nhập' }).first();
	await expect(login_).toContainText('Xã Định Hoá');
	// No raw ids or dotted action codes anywhere in the table.
	const text = await table.innerText();
	expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
	expect(text).not.toMatch(/\b[a-z]+\.[a-z_]+\b/);

	await page.getByLabel('Loại').selectOption({ label: 'Tài khoản' });
	await page.getByRole('button', { name: 'Lọc' }).click();
	await expect(page).toHaveURL(/commune=05569.*kind=auth|kind=auth.*commune=05569/);
	const kinds = await table
		.locator('tbody tr')
		.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-kind')));
	expect(kinds.length).toBeGreaterThan(0);
	expect(new Set(kinds)).toEqual(new Set(['auth']));
	await page.screenshot({ path: 'tests/artifacts/audit-log.png', fullPage: true });
	await page.setViewportSize({ width: 390, height: 844 });
	await page.screenshot({ path: 'tests/artifacts/audit-log-phone.png', fullPage: true });
});
