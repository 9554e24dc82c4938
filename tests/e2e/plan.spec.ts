/**
 * Issue 5, end to end in Chromium against the built worker: the demo team leader draws an area
 * over their hamlet on the planning map, generates routes (ordered in the Web Worker), saves
 * them and assigns one to a member; the member logs in and finds it in "my routes" with the
 * ordered households and the path drawn on the map.
 */
import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { withLocalDb } from '../../scripts/lib/local-d1.ts';

const PERSIST = '.wrangler/e2e';
const env = {
	...process.env,
	TUNG_NGO_PERSIST_DIR: PERSIST,
	CLOUDFLARE_CF_FETCH_ENABLED: 'false',
	WRANGLER_SEND_METRICS: 'false'
};
const LEADER = { login: 'totruong@demo.tungngo.vn', password: 'demo-to-truong' };
const MEMBER = { login: 'thanhvien@demo.tungngo.vn', password: 'demo-thanh-vien' };

interface Fixture {
	teamId: string;
	hamletName: string;
	hamletHouseholds: number;
	memberName: string;
}

const query = <T>(sql: string, ...binds: unknown[]) =>
	withLocalDb(async ({ db }) => {
		const r = await db.$client
			.prepare(sql)
			.bind(...binds)
			.all<T>();
		return r.results;
	}, PERSIST);

/**
 * Removes the routes this test plans (real rows at demo households): the hamlet's gaps come
 * back, and the next demo re-seed is not blocked by real rows pointing at demo ones.
 */
async function removeTestRoutes(teamId: string) {
	await query(
		`DELETE FROM route_stops WHERE route_id IN (SELECT id FROM routes WHERE team_id = ? AND is_demo = 0)`,
		teamId
	);
	await query(`DELETE FROM routes WHERE team_id = ? AND is_demo = 0`, teamId);
}

/** The leader's team and hamlet, the member login's member; routes of earlier runs removed. */
async function fixture(): Promise<Fixture> {
	const [leader] = await query<{ team: string }>(
		`SELECT scope_team_id AS team FROM users WHERE email = ?`,
		LEADER.login
	);
	const teamId = leader!.team;
	await removeTestRoutes(teamId);
	const [hamlet] = await query<{ name: string; n: number }>(
		`SELECT h.name, (SELECT count(*) FROM households x WHERE x.hamlet_id = h.id) AS n
		FROM teams t JOIN hamlets h ON h.id = t.hamlet_id WHERE t.id = ?`,
		teamId
	);
	const [member] = await query<{ name: string }>(
		`SELECT m.full_name AS name FROM users u JOIN members m ON m.id = u.member_id WHERE u.email = ?`,
		MEMBER.login
	);
	return {
		teamId,
		hamletName: hamlet!.name,
		hamletHouseholds: hamlet!.n,
		memberName: member!.name
	};
}

async function login(page: Page, who: { login: string; password: string }) {
	await page.goto('/dang-nhap');
	await page.getByLabel('Số điện thoại hoặc email').fill(who.login);
	await page.getByLabel('Mật khẩu').fill(who.password);
	await page.getByRole('button', { name: 'Đăng nhập' }).click();
	await expect(page).toHaveURL(/\/quan-ly$/);
}

let fx: Fixture;
test.beforeAll(async () => {
	// Demo accounts (idempotent; links the member login to a demo member of the leader's team).
	execFileSync(process.execPath, ['scripts/create-admin.ts', '--demo'], { env, stdio: 'ignore' });
	fx = await fixture();
});
test.afterAll(async () => {
	if (fx) await removeTestRoutes(fx.teamId);
});

test('a leader draws an area over a hamlet, plans and assigns; the member sees the route', async ({
	page,
	browser
}) => {
	test.setTimeout(120_000);
	await login(page, LEADER);
	await page.goto('/quan-ly/xa/05569');
	await page.getByRole('link', { name: 'Lập tuyến đi từng ngõ, gõ từng nhà' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Lập tuyến đi từng ngõ');
	const map = page.getByTestId('plan-map');
	await expect(map).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
	await expect(map).toHaveAttribute('data-households', String(fx.hamletHouseholds));

	// Zoom to the hamlet, then draw an area over it (corners clear of the map's buttons).
	await page.getByRole('button', { name: 'Theo thôn' }).click();
	await page.getByLabel('Chọn thôn').selectOption({ label: fx.hamletName });
	await page.getByRole('button', { name: 'Vẽ vùng' }).click();
	await page.getByRole('button', { name: 'Bắt đầu vẽ' }).click();
	await map.evaluate((el) => el.scrollIntoView({ block: 'start' }));
	await page.waitForTimeout(300);
	const box = (await map.boundingBox())!;
	for (const [x, y] of [
		[0.04, 0.04],
		[0.96, 0.04],
		[0.96, 0.85],
		[0.85, 0.95],
		[0.04, 0.92]
	])
		await page.mouse.click(box.x + box.width * x!, box.y + box.height * y!);
	await page.getByRole('button', { name: 'Xong' }).click();
	const count = page.getByTestId('selection-count');
	await expect(count).toContainText(`Đã chọn ${fx.hamletHouseholds} hộ`);

	// Small outings so the split shows: 2 or 3 households each.
	await page.getByLabel('Ít nhất').fill('2');
	await page.getByLabel('Nhiều nhất').fill('3');
	await page.getByRole('button', { name: 'Tạo tuyến' }).click();
	const result = page.getByTestId('plan-result');
	await expect(result).toBeVisible();
	await expect(map).not.toHaveAttribute('data-route-lines', '0');
	const names = await result.getByLabel('Tên chuyến').all();
	expect(names.length).toBeGreaterThan(1);
	const routeName = `Chuyến thử ${Date.now().toString().slice(-6)}`;
	await names[0]!.fill(routeName);
	await page.screenshot({ path: 'test-results/plan-generated.png' });
	await result.getByRole('button', { name: /^Lưu \d+ chuyến$/ }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Đã lưu' })).toBeVisible();
	await expect(page.getByTestId('gaps')).toHaveText('0');

	// Every household of the selection that may be visited is now on exactly one route.
	const doubles = await query<{ n: number }>(
		`SELECT count(*) AS n FROM (SELECT household_id FROM route_stops WHERE revisit = 0
		GROUP BY household_id HAVING count(*) > 1)`
	);
	expect(doubles[0]!.n).toBe(0);

	// Assign the first outing to the member, for tomorrow.
	const row = page.getByTestId('routes-list').locator('li', { hasText: routeName });
	await row.getByLabel('Người đi').selectOption({ label: fx.memberName });
	await row.getByLabel('Ngày đi').fill('2026-12-01');
	await row.getByRole('button', { name: 'Giao' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Đã giao tuyến.' })).toBeVisible();
	await expect(row).toContainText(fx.memberName);

	// The member, in a fresh session.
	const ctx = await browser.newContext();
	const mp = await ctx.newPage();
	await login(mp, MEMBER);
	await mp.getByRole('link', { name: 'Tuyến của tôi' }).click();
	const mine = mp.getByTestId('my-routes');
	await expect(mine).toContainText(routeName);
	await mine.getByRole('link', { name: new RegExp(routeName) }).click();
	await expect(mp.getByRole('heading', { level: 1 })).toHaveText(routeName);
	const stops = mp.getByTestId('route-stops').locator('li');
	const n = await stops.count();
	expect(n).toBeGreaterThanOrEqual(2);
	expect(n).toBeLessThanOrEqual(3);
	await expect(stops.locator('.seq')).toHaveText(
		Array.from({ length: n }, (_, i) => String(i + 1))
	);
	const routeMap = mp.getByTestId('route-map');
	await expect(routeMap).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
	await expect(routeMap).toHaveAttribute('data-route-lines', '1');
	await expect(mp.getByTestId('route-facts')).toContainText('km');
	await mp.screenshot({ path: 'test-results/plan-member-route.png', fullPage: true });
	await ctx.close();
});
