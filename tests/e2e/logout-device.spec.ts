import { expect, test, type Page } from '@playwright/test';
import {
	F,
	loginMember,
	outboxOf,
	resetFieldFixture,
	serverVisits,
	waitForServiceWorker
} from './support/field.ts';

const ROUTE = F.routes[0];

test.beforeAll(resetFieldFixture);

/** Saved routes in the device's field store. */
function savedRouteCount(page: Page): Promise<number> {
	return page.evaluate(
		() =>
			new Promise<number>((resolve, reject) => {
				const req = indexedDB.open('tungngo-field');
				req.onerror = () => reject(req.error);
				req.onsuccess = () => {
					const n = req.result.transaction('routes').objectStore('routes').count();
					n.onsuccess = () => resolve(n.result);
				};
			})
	);
}

test('logging out offers to remove saved routes, but never before unsent visits are sent', async ({
	context,
	page
}) => {
	test.setTimeout(120_000);
	await loginMember(context);
	await page.goto('/thuc-dia');
	await waitForServiceWorker(page);
	const card = page.locator(`[data-route-id="${ROUTE.id}"]`);
	await card.getByTestId('save-offline').click();
	await card.getByTestId('save-confirm').click();
	await expect(card.getByTestId('saved-info')).toContainText('Đã lưu');

	// A visit recorded without a signal waits in the outbox.
	const serverBefore = serverVisits().length;
	await context.setOffline(true);
	await card.getByRole('link', { name: 'Mở tuyến' }).click();
	const row = page.getByTestId('household').first();
	await row.getByRole('button').click();
	const form = page.getByTestId('visit-form');
	await form.getByText('Vắng nhà', { exact: true }).click();
	await form.getByRole('button', { name: 'Lưu lượt thăm' }).click();
	await expect(page.getByTestId('saved-toast')).toHaveText('Đã lưu trên máy');

	// Logging out says what the device holds, and will not remove the unsent visit.
	await page.getByRole('button', { name: 'Đăng xuất' }).click();
	const dialog = page.getByTestId('logout-dialog');
	await expect(dialog).toBeVisible();
	await expect(dialog.getByTestId('logout-routes')).toContainText('1 tuyến');
	await expect(dialog.getByTestId('logout-unsent')).toContainText('Còn 1 lượt thăm chưa gửi');
	const remove = dialog.getByRole('button', { name: 'Xoá dữ liệu trên máy và đăng xuất' });
	await expect(remove).toBeDisabled();
	await page.screenshot({ path: 'tests/artifacts/logout-unsent.png' });

	// Back online, "sync now" sends it; then removal is allowed and empties the store.
	await context.setOffline(false);
	await dialog.getByRole('button', { name: 'Đồng bộ ngay' }).click();
	await expect(dialog.getByTestId('logout-unsent')).toHaveCount(0);
	expect(serverVisits().length).toBe(serverBefore + 1);
	await expect(remove).toBeEnabled();
	await remove.click();
	await page.waitForURL('/');
	await expect(page.getByRole('link', { name: 'Đăng nhập' })).toBeVisible();
	expect(await savedRouteCount(page)).toBe(0);
	expect(await outboxOf(page)).toEqual([]);
});

test('logging out with nothing stored on the device asks nothing', async ({ context, page }) => {
	await loginMember(context);
	await page.goto('/tuyen-cua-toi');
	await page.getByRole('button', { name: 'Đăng xuất' }).click();
	await page.waitForURL('/');
	await expect(page.getByRole('link', { name: 'Đăng nhập' })).toBeVisible();
});
