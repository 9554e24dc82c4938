/**
 * Issue 16 §6, end to end in Chromium against the built worker: the demo team leader follows
 * the link on their day to the weekly progress page and sees the chart (server-rendered SVG,
 * one week per group), the weekly table whose total is the API's, and their team's table with
 * its members; the CSV link downloads the same period with Vietnamese headers. A phone-sized
 * screenshot goes to tests/artifacts/.
 */
import { expect, test } from '@playwright/test';
import { LEADER } from './support/home-fixture.ts';
import type { Progress } from '../../src/lib/server/api/routes/progress.ts';

const vi = (n: number) => new Intl.NumberFormat('vi-VN').format(n);

test('the demo leader opens weekly progress: chart, weeks and their team', async ({ page }) => {
	await page.goto('/dang-nhap');
	await page.getByLabel('Số điện thoại hoặc email').fill(LEADER.login);
	await page.getByLabel('Mật khẩu').fill(LEADER.password);
	await page.getByRole('button', { name: 'Đăng nhập' }).click();
	await expect(page).toHaveURL(/\/quan-ly$/);
	const teamName = (await page.locator('header.day .sub a').first().textContent())!.trim();

	await page.getByRole('link', { name: 'Tiến độ theo tuần' }).click();
	await expect(page).toHaveURL(/\/quan-ly\/tien-do$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tiến độ theo tuần');

	const api = (await (await page.request.get('/api/progress?commune=05569')).json()) as Progress;
	expect(api.table.teams.map((tm) => tm.name)).toEqual([teamName]);

	const chart = page.getByTestId('progress-chart');
	await expect(chart.getByRole('img')).toHaveAttribute('aria-label', /^Biểu đồ lượt thăm/);
	await expect(chart.locator('g[data-week]')).toHaveCount(12);

	const weeks = page.getByTestId('progress-weeks');
	await expect(weeks.locator('tbody tr')).toHaveCount(12);
	await expect(weeks.locator('tfoot td').first()).toHaveText(vi(api.table.total.visits));

	const team = page.getByTestId('progress-team');
	await expect(team).toHaveCount(1);
	await expect(team.getByRole('heading', { level: 3 })).toContainText(teamName);
	await expect(team.getByTestId('progress-member')).toHaveCount(api.table.teams[0]!.members.length);
	expect(api.table.teams[0]!.members.length).toBeGreaterThan(0);
	await expect(team.getByTestId('progress-team-total').locator('td').first()).toHaveText(
		vi(api.table.teams[0]!.total.visits)
	);

	const href = await page.getByTestId('progress-csv').getAttribute('href');
	expect(href).toMatch(/^\/api\/progress\.csv\?commune=05569/);
	const csv = await page.request.get(href!);
	expect(csv.headers()['content-type']).toMatch(/^text\/csv/);
	expect((await csv.text()).replace(/^\uFEFF/, '')).toMatch(/^Tuần,Từ ngày,Đến ngày,Tổ,/);

	await page.setViewportSize({ width: 412, height: 915 });
	await page.screenshot({ path: 'tests/artifacts/progress-phone.png', fullPage: true });
});
