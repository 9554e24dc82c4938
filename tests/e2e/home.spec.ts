/**
 * Issue 12, end to end in Chromium against the built worker: after login a team leader lands on
 * their day (the team's outings of the week per member, progress, a member's unsent visits
 * flagged) and a member lands on field mode; cancelling a route asks first in an accessible
 * dialog that says what happens to the visits, then keeps the visited stops and frees the rest.
 * Screenshots of the leader's day (phone and desktop) go to tests/artifacts/.
 */
import { expect, test } from '@playwright/test';
import { runScript } from './support/e2e-db.ts';
import {
	LATER_ROUTE,
	LEADER,
	MEMBER,
	TODAY_ROUTE,
	clearHomeFixture,
	e2eShardRows,
	seedHomeFixture,
	type HomeFixture
} from './support/home-fixture.ts';
import { login } from './support/login.ts';

let fx: HomeFixture;
test.beforeAll(async () => {
	runScript('scripts/create-admin.ts', '--demo'); // the demo logins (idempotent)
	fx = await seedHomeFixture();
});
test.afterAll(clearHomeFixture);

/** The hamlet's households, and those with at least one visit (the page's denominators). */
async function hamletFigures() {
	const [row] = await e2eShardRows<{ total: number; visited: number }>(
		`SELECT count(*) AS total,
			sum(EXISTS (SELECT 1 FROM visits v WHERE v.household_id = h.id)) AS visited
		FROM households h WHERE h.hamlet_id = ?`,
		fx.hamletId
	);
	return row!;
}

const vi = (n: number) => new Intl.NumberFormat('vi-VN').format(n);

test("a team leader lands on their day: the week's outings per member, progress, sync", async ({
	page
}) => {
	await login(page, LEADER);
	await expect(page).toHaveURL(/\/quan-ly$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		/^Hôm nay, Thứ|^Hôm nay, Chủ Nhật/
	);
	await expect(page.getByRole('link', { name: 'Lập tuyến', exact: true })).toHaveAttribute(
		'href',
		/\/quan-ly\/xa\/05569\/ke-hoach$/
	);
	const actions = page.getByRole('navigation', { name: 'Quản lý' });
	await expect(actions.getByRole('link', { name: 'Đi thực địa' })).toHaveAttribute(
		'href',
		'/thuc-dia'
	);

	const figures = await hamletFigures();
	const progress = page.getByTestId('team-progress');
	await expect(progress).toContainText(`Trên ${vi(figures.total)} hộ của địa bàn`);
	await expect(progress.getByTestId('progress-visited')).toHaveText(vi(figures.visited));

	const member = page.locator('article.member', { hasText: fx.memberName });
	const today = member.locator(`[data-outing="${TODAY_ROUTE.id}"]`);
	await expect(today).toContainText('Hôm nay · Sáng');
	await expect(today).toContainText(TODAY_ROUTE.name);
	await expect(today).toContainText('Đang đi');
	await expect(today).toContainText('4 hộ · khoảng 2 giờ 10 phút');
	await expect(today).toContainText('Đã thăm 2/4 hộ');
	await expect(member.locator(`[data-outing="${LATER_ROUTE.id}"]`)).toContainText('Chiều');
	await expect(member.getByTestId('member-sync')).toContainText('3 lượt thăm chưa gửi (cũ nhất từ');
	await expect(member.getByTestId('member-late')).toContainText(
		'Có lượt thăm nằm trên máy quá 1 ngày chưa gửi'
	);

	await page.setViewportSize({ width: 390, height: 844 });
	await page.screenshot({ path: 'tests/artifacts/home-leader-phone.png', fullPage: true });
	const overflow = await page.evaluate(
		() => document.documentElement.scrollWidth - document.documentElement.clientWidth
	);
	expect(overflow).toBeLessThanOrEqual(0);
	await page.setViewportSize({ width: 1280, height: 800 });
	await page.screenshot({ path: 'tests/artifacts/home-leader-desktop.png', fullPage: true });

	// The password form moved to its own page, linked from the admin bar.
	await page.getByRole('link', { name: 'Tài khoản' }).click();
	await expect(page.getByRole('heading', { level: 2, name: 'Đổi mật khẩu' })).toBeVisible();
});

test('a commune admin lands on the commune’s day: its total and every team', async ({ page }) => {
	await login(page, { login: 'xa05569@demo.tungngo.vn', password: 'demo-quan-tri-xa' });
	await expect(page).toHaveURL(/\/quan-ly$/);
	await expect(page.getByRole('heading', { level: 2, name: 'Toàn xã' })).toBeVisible();
	await expect(page.getByTestId('commune-progress')).toContainText('hộ của địa bàn');
	const team = page.getByTestId('team-day').filter({ hasText: fx.teamName });
	await team.getByText(fx.teamName).click(); // folded among many teams: open it
	await expect(team.locator(`[data-outing="${TODAY_ROUTE.id}"]`)).toContainText(TODAY_ROUTE.name);
	await page.setViewportSize({ width: 390, height: 844 });
	await page.screenshot({ path: 'tests/artifacts/home-commune-phone.png', fullPage: true });
});

test('a member lands on field mode after login', async ({ page }) => {
	await login(page, MEMBER);
	await expect(page).toHaveURL(/\/thuc-dia$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tuyến của tôi');
	await page.getByRole('link', { name: 'Tuyến của tôi' }).click();
	await expect(page).toHaveURL(/\/tuyen-cua-toi$/);
	await expect(page.getByTestId('my-routes')).toContainText(LATER_ROUTE.name);
});

test('on the planning page: no alley explained; cancelling asks first, keeps the visited households', async ({
	page
}) => {
	test.setTimeout(120_000);
	await login(page, LEADER);
	await page.getByRole('link', { name: 'Lập tuyến', exact: true }).click();
	// The demo hamlet's addresses have no alley: "Theo ngõ" says why it offers none.
	await page.getByRole('button', { name: 'Theo ngõ' }).click();
	await expect(page.getByTestId('no-alleys')).toHaveText(
		'Xã này chưa có hộ nào có địa chỉ theo ngõ/ngách/hẻm/kiệt (ví dụ “Số 12, ngõ 45, phố …”), nên chưa có ngõ để chọn. Hãy chọn theo thôn hoặc vẽ vùng.'
	);

	const row = page.getByTestId('routes-list').locator(`li[data-route="${TODAY_ROUTE.id}"]`);
	const cancel = row.getByRole('button', { name: 'Hủy tuyến' });

	await cancel.click();
	const dialog = page.getByRole('dialog', { name: `Hủy tuyến “${TODAY_ROUTE.name}”?` });
	await expect(dialog).toBeVisible();
	await expect(dialog).toContainText(
		'2 hộ đã được thăm trong chuyến này — các lượt thăm được giữ nguyên. 2 hộ chưa thăm sẽ trở lại danh sách hộ chưa có tuyến.'
	);
	await expect(dialog).toContainText(`${fx.memberName} sẽ không còn được giao tuyến này.`);
	await expect(dialog.getByRole('button', { name: 'Không hủy' })).toBeFocused();
	await page.screenshot({ path: 'tests/artifacts/plan-cancel-dialog.png' });
	await page.keyboard.press('Escape');
	await expect(dialog).toBeHidden();
	await expect(cancel).toBeFocused();
	const [kept] = await e2eShardRows<{ status: string }>(
		`SELECT status FROM routes WHERE id = ?`,
		TODAY_ROUTE.id
	);
	expect(kept!.status).toBe('in_progress');

	await cancel.click();
	await dialog.getByRole('button', { name: 'Hủy tuyến' }).click();
	await expect(dialog).toBeHidden();
	const note = page.locator(`li[data-route="${TODAY_ROUTE.id}"]`).getByRole('status');
	await expect(note).toHaveText(
		'Đã hủy tuyến: 2 hộ đã thăm giữ nguyên lượt thăm, 2 hộ trở lại danh sách chưa có tuyến.'
	);
	await expect(note).toBeFocused();
	await page.screenshot({ path: 'tests/artifacts/plan-route-cancelled.png' });
	const after = await e2eShardRows<{ status: string; stops: number; visits: number }>(
		`SELECT status, (SELECT count(*) FROM route_stops WHERE route_id = r.id) AS stops,
			(SELECT count(*) FROM visits WHERE route_id = r.id) AS visits FROM routes r WHERE id = ?`,
		TODAY_ROUTE.id
	);
	expect(after).toEqual([{ status: 'cancelled', stops: 2, visits: 2 }]);
});
