/**
 * Issue 4, end to end in Chromium against the built worker: a commune admin invites a team
 * leader by link, the leader joins, creates a team and adds members; after the metrics job the
 * commune's public team count has grown by one.
 */
import { expect, test } from '@playwright/test';
import { and, eq } from 'drizzle-orm';
import { withLocalDb } from '../../scripts/lib/local-d1.ts';
import { areaMetrics } from '../../src/lib/server/db/schema/index.ts';
import { E2E_PERSIST, runScript } from './support/e2e-db.ts';
import { login } from './support/login.ts';

const COMMUNE = '05569';

/** The commune's active-team count as the public map reads it (precomputed area_metrics). */
async function publicTeamCount(): Promise<number> {
	return withLocalDb(async ({ db }) => {
		const rows = await db
			.select({ teams: areaMetrics.teams })
			.from(areaMetrics)
			.where(and(eq(areaMetrics.level, 'commune'), eq(areaMetrics.code, COMMUNE)));
		return rows[0]?.teams ?? 0;
	}, E2E_PERSIST);
}

test.beforeAll(() => {
	// The demo accounts (idempotent); `npm run test:e2e` seeds the demo data before this.
	runScript('scripts/create-admin.ts', '--demo');
});

test('a commune admin invites a leader, who joins, builds a team, and the public count follows', async ({
	page,
	browser
}) => {
	test.setTimeout(120_000);
	const suffix = Date.now().toString().slice(-6);
	const teamName = `Tổ CNS thôn Khuôn Tát ${suffix}`;
	// The public figure before, from a fresh metrics run (earlier runs may have left teams).
	runScript('scripts/compute-metrics.ts');
	const before = await publicTeamCount();

	await login(
		page,
		{ login: 'xa05569@demo.tungngo.vn', password: 'demo-quan-tri-xa' },
		/\/quan-ly$/
	);
	const cookie = (await page.context().cookies()).find((c) => c.name === '__Host-tn_session');
	expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Lax', path: '/' });
	await page.getByRole('link', { name: /Xã Định Hoá/ }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Xã Định Hoá');

	await page.getByLabel('Mời làm').selectOption('team_leader');
	await page.getByLabel('Ghi chú in trên lời mời').fill(`Tổ trưởng thôn Khuôn Tát ${suffix}`);
	await page.getByRole('button', { name: 'Tạo lời mời' }).click();
	const card = page.getByTestId('invite-card');
	await expect(card.getByRole('img', { name: 'Quét mã QR để tham gia' })).toBeVisible();
	const link = await card.getByTestId('invite-link').getAttribute('href');
	expect(link).toMatch(/\/tham-gia\/[A-Za-z0-9_-]{43}$/);

	const leaderContext = await browser.newContext();
	const leader = await leaderContext.newPage();
	await leader.goto(link!);
	await expect(
		leader.getByText('Bạn được mời làm Tổ trưởng — Xã Định Hoá, Tỉnh Thái Nguyên.')
	).toBeVisible();
	await leader.getByLabel('Họ và tên').fill('Ma Văn Thắng');
	await leader.getByLabel('Số điện thoại').fill(`0397${suffix}`);
	await leader.getByLabel('Mật khẩu mới').fill('to-truong-khuon-tat');
	await leader.getByRole('button', { name: 'Tạo tài khoản' }).click();
	await expect(leader).toHaveURL(/\/quan-ly$/);
	await expect(leader.getByTestId('signed-in-as')).toContainText('Ma Văn Thắng · Tổ trưởng');

	await leader.getByRole('link', { name: 'Tạo tổ' }).click();
	const createForm = leader.getByRole('form', { name: 'Tạo tổ' });
	await createForm.getByLabel('Tên tổ').fill(teamName);
	await createForm.getByLabel('Ngày thành lập').fill('2026-11-01');
	await createForm.getByRole('button', { name: 'Tạo tổ' }).click();
	await leader.getByRole('link', { name: teamName }).click();
	await expect(leader.getByRole('heading', { level: 1 })).toHaveText(teamName);

	const members = [
		['Ma Văn Thắng', `0397${suffix}`, 'doan_thanh_nien', 'to_truong'],
		['Hoàng Thị Nga', `0398${suffix}`, 'hoi_phu_nu', 'thanh_vien']
	] as const;
	for (const [name, phone, union, role] of members) {
		const form = leader.getByRole('form', { name: 'Thêm thành viên' });
		await form.getByLabel('Họ và tên').fill(name);
		await form.getByLabel('Số điện thoại').fill(phone);
		await form.getByLabel('Đoàn thể').selectOption(union);
		await form.getByLabel('Vai trò trong tổ').selectOption(role);
		await form.getByLabel('Học trên OneTouch').selectOption('da_hoan_thanh');
		await form.getByRole('button', { name: 'Thêm thành viên' }).click();
		await expect(leader.getByRole('cell', { name, exact: true })).toBeVisible();
	}
	await leaderContext.close();

	runScript('scripts/compute-metrics.ts');
	expect(await publicTeamCount()).toBe(before + 1);
});

test('management pages send visitors without a login to the login page', async ({ page }) => {
	await page.goto('/quan-ly/xa/05569');
	await expect(page).toHaveURL(/\/dang-nhap\?next=%2Fquan-ly%2Fxa%2F05569$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Đăng nhập');
});

test('a wrong password is refused with a clear message', async ({ page }) => {
	await page.goto('/dang-nhap');
	await page.getByLabel('Số điện thoại hoặc email').fill('xa05569@demo.tungngo.vn');
	await page.getByLabel('Mật khẩu').fill('khong-dung-dau');
	await page.getByRole('button', { name: 'Đăng nhập' }).click();
	await expect(page.getByRole('alert')).toHaveText('Sai số điện thoại/email hoặc mật khẩu.');
});

test('pages carry a CSP without unsafe-eval and the other security headers', async ({ page }) => {
	const res = await page.goto('/dang-nhap');
	const h = res!.headers();
	// Our own inline scripts by their hashes (the map's first paint), SvelteKit's by a nonce.
	expect(h['content-security-policy']).toMatch(/script-src 'self'( 'sha256-[^']+')* 'nonce-[^']+'/);
	expect(/script-src [^;]*/.exec(h['content-security-policy']!)![0]).not.toContain('unsafe-inline');
	expect(h['content-security-policy']).toContain("worker-src 'self' blob:");
	expect(h['content-security-policy']).toContain("frame-ancestors 'none'");
	expect(h['content-security-policy']).not.toContain('unsafe-eval');
	expect(h['x-content-type-options']).toBe('nosniff');
	expect(h['strict-transport-security']).toContain('max-age=');
	expect(h['referrer-policy']).toBe('strict-origin-when-cross-origin');
});
