/**
 * Issue 17 §1, end to end in Chromium against the built worker: on a 390 px phone a resident of
 * Định Hoá finds the commune, is told what is missing, files a help request for bản Phú Hưng
 * and checks its status by its code; the team leader of that hamlet sees it as a priority
 * household in planning, plans the week, and the status page then says "Đã lên lịch".
 * Screenshots of the form (with its errors) and of the status page go to tests/artifacts/.
 */
import { createHash } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { withLocalDb } from '../../scripts/lib/local-d1.ts';
import { login } from './support/login.ts';

const PERSIST = '.wrangler/e2e';
const ARTIFACTS = 'tests/artifacts';
const LEADER = { login: 'totruong@demo.tungngo.vn', password: 'demo-to-truong' };
const PHONE_NUMBER = '0977 123 456';
test.use({ viewport: { width: 390, height: 844 } });

/** A query on the demo province's shard (households, routes, help requests). */
const shardQuery = <T>(sql: string, ...binds: unknown[]) =>
	withLocalDb(async ({ shards }) => {
		const r = await shards
			.forProvince('19')
			.$client.prepare(sql)
			.bind(...binds)
			.all<T>();
		return r.results;
	}, PERSIST);

/**
 * Removes what this test made: its request, the household made from it, the routes planned,
 * and the phone's rate-limit counter (so the test can run again within 15 minutes). One local
 * D1 session for all of it.
 */
async function cleanUp() {
	const key = `help-phone:${createHash('sha256').update('0977123456').digest('hex')}`;
	await withLocalDb(async ({ db, shards }) => {
		await db.$client.prepare('DELETE FROM login_throttle WHERE key = ?').bind(key).run();
		const d1 = shards.forProvince('19').$client;
		const mine = `SELECT id FROM routes WHERE is_demo = 0 AND commune_code = '05569'`;
		await d1.batch([
			d1.prepare(`DELETE FROM route_stops WHERE route_id IN (${mine})`),
			d1.prepare(`DELETE FROM routes WHERE is_demo = 0 AND commune_code = '05569'`),
			d1.prepare(
				`DELETE FROM households WHERE is_demo = 0 AND id IN
				(SELECT household_id FROM help_requests WHERE phone = '0977123456')`
			),
			d1.prepare(`DELETE FROM help_requests WHERE phone = '0977123456'`)
		]);
	}, PERSIST);
}

test.beforeAll(async () => {
	test.setTimeout(180_000);
	await cleanUp();
});
test.afterAll(async () => {
	test.setTimeout(180_000);
	await cleanUp();
});

test('a resident asks for help on a phone, checks the status, and the leader plans it', async ({
	page,
	browser
}) => {
	test.setTimeout(180_000);
	// From the commune's page, as a resident would come.
	await page.goto('/xa/05569');
	// The commune's public count of requests: a heading and a figure or the small-count words.
	await expect(
		page.getByRole('heading', { name: 'Yêu cầu hỗ trợ từ người dân (12 tháng)' })
	).toBeVisible();
	await page.getByRole('link', { name: 'Gia đình tôi cần được hỗ trợ →' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Gia đình tôi cần được hỗ trợ');
	await expect(page.getByText('Xã Định Hoá').first()).toBeVisible();
	// Choosing another commune goes through the search, which works without JavaScript.
	await page.getByRole('link', { name: 'Chọn xã khác' }).click();
	await page.getByLabel('Tên xã, phường').fill('dinh hoa');
	await page.getByRole('button', { name: 'Tìm' }).click();
	await page
		.getByRole('link', { name: /Xã Định Hoá/ })
		.first()
		.click();
	await expect(page).toHaveURL(/\?xa=05569$/);

	await page.screenshot({ path: `${ARTIFACTS}/help-request-form-phone.png`, fullPage: true });
	// Sent empty: each missing field says what it needs.
	await page.getByRole('button', { name: 'Gửi yêu cầu' }).click();
	await expect(page.getByRole('alert')).toHaveText(
		'Chưa gửi được. Vui lòng sửa các mục được đánh dấu.'
	);
	await expect(page.getByText('Hãy chọn ít nhất một việc cần hỗ trợ.')).toBeVisible();
	await expect(page.getByText('Số điện thoại chưa đúng')).toBeVisible();
	await expect(page.getByText('Cần đánh dấu đồng ý để tổ có thể liên hệ.')).toBeVisible();
	await page.screenshot({ path: `${ARTIFACTS}/help-request-errors-phone.png`, fullPage: true });

	await page.getByLabel('Thôn, xóm, tổ dân phố').selectOption({ label: 'Bản Phú Hưng' });
	await page.getByRole('checkbox', { name: /VNeID/ }).check();
	await page.getByRole('checkbox', { name: /Phòng chống lừa đảo/ }).check();
	await page.getByLabel('Số điện thoại để tổ gọi hẹn').fill(PHONE_NUMBER);
	await page.getByRole('radio', { name: 'Buổi chiều' }).check();
	await page.getByRole('checkbox', { name: /Tôi đồng ý/ }).check();
	// Targets are large enough for a thumb.
	for (const box of [
		await page.getByRole('button', { name: 'Gửi yêu cầu' }).boundingBox(),
		await page.getByLabel('Số điện thoại để tổ gọi hẹn').boundingBox()
	])
		expect(box!.height).toBeGreaterThanOrEqual(44);
	expect(
		await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
	).toBeLessThanOrEqual(0);
	await page.getByRole('button', { name: 'Gửi yêu cầu' }).click();

	// The status page: the code, the steps, nothing personal.
	await expect(page).toHaveURL(/\/ho-tro\/19-[A-Z0-9]{6}\?moi=1$/);
	const code = /\/ho-tro\/(19-[A-Z0-9]{6})/.exec(page.url())![1]!;
	await expect(page.getByRole('status')).toContainText(
		`Hãy ghi lại mã ${code.replace('-', '\u2011')}`
	);
	await expect(page.locator('[aria-current="step"]')).toHaveText('Đã nhận');
	await expect(page.getByText('Tổ của xã đã nhận yêu cầu và sẽ gọi điện hẹn lịch.')).toBeVisible();
	const text = await page.locator('main, body').first().innerText();
	expect(text).not.toContain('0977');
	expect(text).not.toContain('Phú Hưng');
	await page.screenshot({ path: `${ARTIFACTS}/help-request-status-phone.png`, fullPage: true });

	// Later, by the code typed loosely on the form.
	await page.goto('/ho-tro');
	await page.getByLabel('Mã yêu cầu').fill(code.toLowerCase().replace('-', ' '));
	await page.getByRole('button', { name: 'Xem tình trạng' }).click();
	await expect(page).toHaveURL(new RegExp(`/ho-tro/${code}$`));

	// Asking again from the same phone for the same hamlet gives the same code.
	await page.goto('/ho-tro?xa=05569');
	await page.getByLabel('Thôn, xóm, tổ dân phố').selectOption({ label: 'Bản Phú Hưng' });
	await page.getByRole('checkbox', { name: /VssID/ }).check();
	await page.getByLabel('Số điện thoại để tổ gọi hẹn').fill('0977123456');
	await page.getByRole('checkbox', { name: /Tôi đồng ý/ }).check();
	await page.getByRole('button', { name: 'Gửi yêu cầu' }).click();
	await expect(page).toHaveURL(new RegExp(`/ho-tro/${code}\\?trung=1$`));
	await expect(page.getByRole('status')).toContainText('gộp vào yêu cầu cũ');

	// The leader, on a desktop: the request's household is a priority gap; planning the week
	// takes it, and the status moves to "scheduled".
	const [req] = await shardQuery<{ household_id: string }>(
		`SELECT household_id FROM help_requests WHERE code = ?`,
		code
	);
	const [hh] = await shardQuery<{ priority: number; location_status: string }>(
		`SELECT priority, location_status FROM households WHERE id = ?`,
		req!.household_id
	);
	expect(hh).toEqual({ priority: 1, location_status: 'needs_check' });
	const desk = await browser.newContext({
		viewport: { width: 1280, height: 800 },
		locale: 'vi-VN'
	});
	const leader = await desk.newPage();
	await leader.goto('/');
	await expect(leader.getByRole('link', { name: 'Gia đình tôi cần được hỗ trợ →' })).toBeVisible();
	await leader.screenshot({ path: `${ARTIFACTS}/help-request-map-link-desktop.png` });
	await leader.goto('/ho-tro?xa=05569');
	await leader.screenshot({ path: `${ARTIFACTS}/help-request-form-desktop.png`, fullPage: true });
	await login(leader, LEADER, /\/quan-ly$/);
	await leader.goto('/quan-ly/xa/05569/ke-hoach');
	const map = leader.getByTestId('plan-map');
	await expect(map).toHaveAttribute('data-ready', 'true', { timeout: 90_000 });
	await leader.getByRole('button', { name: 'Tất cả hộ chưa có tuyến' }).click();
	await leader.getByTestId('generate').click();
	const result = leader.getByTestId('plan-result');
	await expect(result).toBeVisible({ timeout: 60_000 });
	await result.getByRole('button', { name: /^Lưu và giao \d+ chuyến$/ }).click();
	await expect(leader.getByRole('status').filter({ hasText: /Đã lưu \d+ chuyến\./ })).toBeVisible({
		timeout: 30_000
	});
	// The leader's list of requests: the code, the phone to call, the new status.
	await leader.goto('/quan-ly/xa/05569/ho-tro');
	const row = leader.getByRole('row').filter({ hasText: code });
	await expect(row).toContainText('0977123456');
	await expect(row).toContainText('Đã lên lịch');
	await expect(row).toContainText('Bản Phú Hưng');
	await leader.screenshot({ path: `${ARTIFACTS}/help-request-leader-list-desktop.png` });
	await desk.close();

	await page.goto(`/ho-tro/${code}`);
	await expect(page.locator('[aria-current="step"]')).toHaveText('Đã lên lịch');
	await expect(page.getByText('Tổ đã xếp lịch đến nhà.')).toBeVisible();
});
