/**
 * Issue 13, "Also hit when tried as a new user would": what someone trying the public map and
 * the demo accounts for the first time ran into, in Chromium against the built worker.
 */
import { expect, test } from './support/test-hooks.ts';
import { waitColoured } from './support/map.ts';
import { login } from './support/login.ts';

const ARTIFACTS = 'tests/artifacts';
const ADMIN = { login: 'xa05569@demo.tungngo.vn', password: 'demo-quan-tri-xa' };
const MEMBER = { login: 'thanhvien@demo.tungngo.vn', password: 'demo-thanh-vien' };

test.describe('a first visit to the public map', () => {
	test('search finds places typed with their unit word: xã, phường, tỉnh', async ({ page }) => {
		await page.goto('/');
		await waitColoured(page);
		const box = page.getByRole('combobox', { name: 'Tìm xã, phường hoặc tỉnh' });
		const first = page.getByRole('option').first();

		await box.fill('xa dinh hoa');
		await expect(page.getByRole('option', { name: /Xã Định Hoá\s*Thái Nguyên/ })).toBeVisible();
		await box.fill('phuong ba dinh');
		await expect(first).toContainText('Phường Ba Đình');
		await box.fill('tinh thai nguyen');
		await expect(first).toContainText('Tỉnh Thái Nguyên');
		await box.fill('Thành phố Hà Nội');
		await expect(first).toContainText('Thành phố Hà Nội');
		await box.press('Enter');
		await expect(page).toHaveURL(/[?&]province=01/);
	});

	test('switching language keeps the metric, province and commune in view', async ({ page }) => {
		await page.goto('/');
		await waitColoured(page);
		await page.getByRole('link', { name: 'Tỉnh Thái Nguyên' }).click();
		await page.getByTestId('metric-picker').selectOption('households_reached');
		await waitColoured(page, 'households_reached');
		await page.getByTestId('ranking').getByRole('link', { name: 'Xã Định Hoá' }).click();
		await expect(page).toHaveURL(/metric=households_reached&province=19&commune=05569/);

		await page.getByRole('link', { name: 'English' }).click();
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		await expect(page).toHaveURL(/metric=households_reached&province=19&commune=05569/);
		await expect(page.getByTestId('metric-picker')).toHaveValue('households_reached');
		const panel = page.getByTestId('commune-panel');
		await expect(panel.getByRole('heading', { name: 'Dinh Hoa Commune' })).toBeVisible();
		await waitColoured(page, 'households_reached');
		await page.screenshot({ path: `${ARTIFACTS}/lang-switch-kept-state.png` });

		await page.getByRole('link', { name: 'Tiếng Việt' }).click();
		await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
		await expect(page).toHaveURL(/metric=households_reached&province=19&commune=05569/);
		await expect(panel.getByRole('heading', { name: 'Xã Định Hoá' })).toBeVisible();
	});

	test('metric names read naturally: VssID as written, scams, and a count says it is one', async ({
		page
	}) => {
		await page.goto('/?metric=adoption_vssid&province=19&commune=05569');
		await waitColoured(page, 'adoption_vssid');
		await expect(page.getByTestId('map-legend')).toContainText('Tỷ lệ người lớn dùng VssID');
		const picker = page.getByTestId('metric-picker');
		await expect(picker).not.toContainText('vssID');
		await expect(picker).toContainText('Tỷ lệ người lớn biết nhận diện lừa đảo trực tuyến');
		await expect(picker).not.toContainText('dùng phòng chống');

		await page.goto('/?province=19&commune=05569&lang=en');
		const current = page.getByTestId('commune-panel').getByTestId('current-figure');
		await expect(current).toContainText('A count, not a rate');
		await expect(current).not.toContainText('Denominator');
		await expect(page.getByTestId('metric-picker')).toContainText(
			'Adults who can recognise online scams'
		);
		await expect(page.getByTestId('metric-picker')).not.toContainText('Scam awareness');
	});

	test('the province page lists the teams once for the default metric', async ({ page }) => {
		await page.goto('/tinh/19');
		const header = page.getByTestId('province-communes').locator('thead th');
		await expect(header).toHaveText(['Mã xã', 'Tên', 'Tổ công nghệ số đang hoạt động']);
		await page.getByLabel('Chỉ số trong bảng').selectOption('adoption_vneid');
		await page.getByRole('button', { name: 'Xem', exact: true }).click();
		await expect(header.last()).toHaveText('Tỷ lệ người lớn dùng VNeID');
		await expect(header).toHaveCount(4);
	});
});

test.describe('a first try of the demo accounts', () => {
	test('a member opening the planning page is told why, in the page language', async ({ page }) => {
		await login(page, MEMBER);
		const res = await page.goto('/quan-ly/xa/05569/ke-hoach');
		expect(res?.status()).toBe(403);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Đã có lỗi');
		await expect(page.getByTestId('error-detail')).toHaveText(
			'Tài khoản của bạn không có quyền xem trang này.'
		);
		await expect(page.locator('main')).not.toContainText(/forbidden|not allowed|permission/i);
		await page.screenshot({ path: `${ARTIFACTS}/error-403-vi.png` });

		await page.goto('/quan-ly/xa/05569/ke-hoach?lang=en');
		await expect(page.getByTestId('error-detail')).toHaveText(
			'Your account does not have access to this page.'
		);
	});

	test('the invite form starts filled in; the team page names its commune and team', async ({
		page
	}) => {
		await login(page, ADMIN);
		await page.goto('/quan-ly/xa/05569');
		// A commune admin invites team leaders first.
		await expect(page.getByLabel('Mời làm')).toHaveValue('team_leader');

		await page.locator('table a[href^="/quan-ly/to/"]').first().click();
		await expect(page).toHaveURL(/\/quan-ly\/to\//);
		const teamName = (await page.getByRole('heading', { level: 1 }).textContent())!.trim();
		await expect(page.getByRole('link', { name: 'Xã Định Hoá', exact: true })).toHaveAttribute(
			'href',
			'/quan-ly/xa/05569'
		);
		await expect(page.getByText('05569', { exact: true })).toHaveCount(0);
		await expect(page.getByLabel('Mời làm')).toHaveValue('member');
		const team = page.getByLabel('Vào tổ');
		await expect(team.locator('option:checked')).toHaveText(teamName);
	});
});
