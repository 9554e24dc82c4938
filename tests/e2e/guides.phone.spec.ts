/**
 * The training library at the door (issue 17 §3), on a phone: the guides are saved with the
 * route pack (their size shown first), the network is cut, and from the visit form the member
 * opens the VNeID guide and shows it to the resident in large type, one step per screen.
 */
import { expect, test } from '@playwright/test';
import { F, loginMember, resetFieldFixture, waitForServiceWorker } from './support/field.ts';

const ROUTE = F.routes[0];

test.use({ viewport: { width: 390, height: 844 } });
test.beforeAll(resetFieldFixture);

test('a member saves the guides with a route, goes offline and shows the VNeID guide in large type from the visit form', async ({
	context,
	page
}) => {
	test.setTimeout(120_000);
	await loginMember(context);
	await page.goto('/thuc-dia');
	await waitForServiceWorker(page);
	await page.evaluate(() => caches.delete('tungngo-guides-v1')); // a phone that saved none yet
	await page.reload();
	const panel = page.getByTestId('guides-panel');
	await expect(panel.getByTestId('guides-estimate')).toContainText(
		/Sẽ tải khoảng \d+(,\d)? KB lên máy \(6 hướng dẫn\)/
	);
	const list = (await (await page.request.get('/api/guides')).json()) as {
		totalBytes: number;
		budgetBytes: number;
	};
	console.log(
		`Guides saved offline in all: ${list.totalBytes} bytes (${(list.totalBytes / 1024).toFixed(1)} KB; budget ${list.budgetBytes} bytes)`
	);
	expect(list.totalBytes).toBeLessThanOrEqual(20 * 1024 * 1024);

	// Saved with the route pack: its estimate counts them.
	const card = page.locator(`[data-route-id="${ROUTE.id}"]`);
	await card.getByTestId('save-offline').click();
	await card.getByTestId('save-confirm').click();
	// The route, its map and the guides download on a shared CI machine: up to 30 s.
	await expect(card.getByTestId('saved-info')).toContainText('Đã lưu', { timeout: 30_000 });
	// The guides follow the route in the background: saved once their list is written.
	await expect
		.poll(() => page.evaluate(async () => !!(await caches.match('/__guides/saved.json'))), {
			timeout: 30_000
		})
		.toBe(true);
	await page.reload();
	await expect(panel.getByTestId('guides-saved')).toContainText('Đã lưu 6 hướng dẫn');

	await context.setOffline(true);
	await page.reload();
	await expect(panel.getByTestId('guides-saved')).toContainText('Đã lưu 6 hướng dẫn');
	await panel.scrollIntoViewIfNeeded();
	await page.screenshot({ path: 'test-results/guides-panel-phone.png' });
	await card.getByRole('link', { name: 'Mở tuyến' }).click();
	await expect(page.getByTestId('route-copy')).toContainText('Bản lưu ngoại tuyến');
	await page.getByTestId('household').first().getByRole('button').click();
	const form = page.getByTestId('visit-form');
	await form.getByText('Đã gặp', { exact: true }).click();
	await form.getByTestId('service-vneid').scrollIntoViewIfNeeded();
	await page.screenshot({ path: 'test-results/guides-visit-form-phone.png' });
	await form.getByTestId('guide-vneid').click();

	const sheet = page.getByTestId('guide-sheet');
	await expect(sheet.getByRole('heading', { level: 2 })).toHaveText(/Cài VNeID và kích hoạt/);
	await expect(sheet.getByRole('listitem')).toHaveCount(6);
	// The drawings come from the phone's saved copy too.
	const drawn = sheet.getByRole('img', { name: 'Thẻ căn cước gắn chip và điện thoại có mạng' });
	await expect(drawn).toBeVisible();
	await expect
		.poll(() => drawn.evaluate((img: HTMLImageElement) => img.naturalWidth))
		.toBeGreaterThan(0);
	await page.screenshot({ path: 'test-results/guides-sheet-phone.png' });

	await sheet.getByTestId('guide-show').click();
	const large = page.getByTestId('guide-large');
	await expect(large.getByTestId('guide-large-count')).toHaveText('Bước 1/6');
	await expect(large.getByRole('heading')).toHaveText('Chuẩn bị trước khi làm');
	const size = await large
		.locator('p')
		.first()
		.evaluate((p) => parseFloat(getComputedStyle(p).fontSize));
	expect(size).toBeGreaterThanOrEqual(24); // large type: at least 24 px
	await expect
		.poll(() => large.getByRole('img').evaluate((img: HTMLImageElement) => img.naturalWidth))
		.toBeGreaterThan(0);
	await page.screenshot({ path: 'test-results/guides-large-phone.png' });
	await large.getByRole('button', { name: 'Bước sau →' }).click();
	await expect(large.getByTestId('guide-large-count')).toHaveText('Bước 2/6');
	await expect(large.getByRole('heading')).toHaveText('Tải ứng dụng VNeID');
	await page.screenshot({ path: 'test-results/guides-large-phone-2.png' });
	await large.getByRole('button', { name: '← Bước trước' }).click();
	await expect(large.getByTestId('guide-large-count')).toHaveText('Bước 1/6');
	await large.getByRole('button', { name: 'Đóng' }).click();
	await expect(large).toHaveCount(0);
	await sheet.getByRole('button', { name: '← Đóng' }).click();
	await expect(form).toBeVisible(); // back to the visit, nothing lost
	await context.setOffline(false);
});
