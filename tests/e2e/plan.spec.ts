/**
 * Issue 12, end to end in Chromium against the built worker: the demo team leader of Định Hoá
 * plans the gap households of their team over a week, by motorbike, with 3-hour morning
 * sessions. The planning worker makes outings that each fit 3 hours (or say why), the draft
 * calendar shows them per member and day, saving assigns them; the saved calendar shows the
 * week, and an outing can be moved to another member. Screenshots of the calendar and of a plan
 * on the map go to tests/artifacts/.
 */
import { expect, test } from '@playwright/test';
import { withLocalDb } from '../../scripts/lib/local-d1.ts';
import { runScript } from './support/e2e-db.ts';
import { login } from './support/login.ts';

const PERSIST = '.wrangler/e2e';
const LEADER = { login: 'totruong@demo.tungngo.vn', password: 'demo-to-truong' };

/** A query on the global D1, or (`shard`) on the demo province's shard with the records. */
const on =
	(where: 'global' | 'shard') =>
	<T>(sql: string, ...binds: unknown[]) =>
		withLocalDb(async ({ db, shards }) => {
			const d = where === 'global' ? db : shards.forProvince('19');
			const r = await d.$client
				.prepare(sql)
				.bind(...binds)
				.all<T>();
			return r.results;
		}, PERSIST);
const query = on('global');
const shardQuery = on('shard');

/** Removes the routes this test plans (real rows at demo households): the gaps come back. */
async function removeTestRoutes(teamId: string) {
	const mine = `SELECT id FROM routes WHERE team_id = ? AND is_demo = 0`;
	await shardQuery(`DELETE FROM route_stops WHERE route_id IN (${mine})`, teamId);
	await shardQuery(`DELETE FROM routes WHERE team_id = ? AND is_demo = 0`, teamId);
}

let teamId = '';
let gaps = 0;
test.beforeAll(async () => {
	runScript('scripts/create-admin.ts', '--demo');
	const [leader] = await query<{ team: string }>(
		`SELECT scope_team_id AS team FROM users WHERE email = ?`,
		LEADER.login
	);
	teamId = leader!.team;
	await removeTestRoutes(teamId);
	const [team] = await query<{ hamlet: string }>(
		`SELECT hamlet_id AS hamlet FROM teams WHERE id = ?`,
		teamId
	);
	const [row] = await shardQuery<{ n: number }>(
		`SELECT count(*) AS n FROM households h WHERE h.hamlet_id = ? AND h.do_not_contact = 0
		AND NOT EXISTS (SELECT 1 FROM route_stops s WHERE s.household_id = h.id AND s.revisit = 0)`,
		team!.hamlet
	);
	gaps = row!.n;
});
test.afterAll(async () => {
	if (teamId) await removeTestRoutes(teamId);
});

test('a leader plans a week of the team’s gaps by motorbike in 3-hour sessions and assigns it', async ({
	page
}) => {
	test.setTimeout(120_000);
	expect(gaps).toBeGreaterThan(30);
	await login(page, LEADER, /\/quan-ly$/);
	await page.goto('/quan-ly/xa/05569/ke-hoach');
	const map = page.getByTestId('plan-map');
	await expect(map).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });

	await page.getByRole('button', { name: 'Tất cả hộ chưa có tuyến' }).click();
	await expect(page.getByTestId('selection-count')).toContainText(`Đã chọn ${gaps} hộ`);
	await page.getByLabel('Xe máy').check();
	await expect(page.getByLabel('Sáng', { exact: true })).toBeChecked();
	await expect(page.getByTestId('plan-days')).toHaveText(
		/^6 ngày đi, từ (T\d|CN) \d\d\/\d\d đến (T\d|CN) \d\d\/\d\d$/
	);
	const members = page.getByTestId('plan-members').getByRole('checkbox');
	const memberCount = await members.count();
	expect(memberCount).toBeGreaterThan(1);
	for (const hours of await page.getByLabel(/^Buổi dài \(giờ\) — /).all())
		await expect(hours).toHaveValue('3');

	await page.getByTestId('generate').click();
	const result = page.getByTestId('plan-result');
	await expect(result).toBeVisible({ timeout: 30_000 });
	await expect(result.getByRole('status')).toContainText(`cho ${gaps} hộ`);

	// Every outing fits its 3 hours, or carries its reason; each member has one outing a session.
	const chips = page.getByTestId('draft-calendar').locator('.chip');
	const outings = await chips.count();
	expect(outings).toBeGreaterThan(1);
	for (const chip of await chips.all()) {
		const minutes = Number(await chip.getAttribute('data-minutes'));
		if (minutes > 180) await expect(chip).toHaveClass(/bad/);
		else expect(minutes).toBeGreaterThan(0);
	}
	await expect(page.getByTestId('draft-calendar')).toHaveAttribute('data-conflicts', '0');
	await expect(page.getByTestId('draft-calendar').locator('tbody tr')).toHaveCount(memberCount);

	// Pick an outing: it shows on the map with its numbered stops.
	await chips.first().click();
	await expect(page.getByTestId('outing-details')).toContainText('Xuất phát: nhà văn hóa thôn');
	await expect(map).not.toHaveAttribute('data-route-lines', '0');
	await map.scrollIntoViewIfNeeded();
	await page.screenshot({ path: 'tests/artifacts/plan-map.png' });
	await page.getByTestId('draft-calendar').scrollIntoViewIfNeeded();
	await page.screenshot({ path: 'tests/artifacts/plan-calendar.png', fullPage: true });

	await result.getByRole('button', { name: `Lưu và giao ${outings} chuyến` }).click();
	await expect(
		page.getByRole('status').filter({ hasText: `Đã lưu ${outings} chuyến.` })
	).toBeVisible();

	// Saved: assigned to members on days and sessions, by motorbike, each household once.
	const saved = await shardQuery<{
		n: number;
		assigned: number;
		longest: number;
		flagged: number;
		moto: number;
		stops: number;
	}>(
		`SELECT count(*) AS n, sum(assignee_member_id IS NOT NULL AND planned_on IS NOT NULL AND session = 'morning') AS assigned,
		max(CASE WHEN flag IS NULL THEN estimated_minutes END) AS longest,
		sum(flag IN ('too_far', 'session_too_short')) AS flagged, sum(travel_mode = 'motorbike') AS moto,
		(SELECT count(*) FROM route_stops s JOIN routes r2 ON r2.id = s.route_id WHERE r2.team_id = ?1 AND r2.is_demo = 0) AS stops
		FROM routes WHERE team_id = ?1 AND is_demo = 0`,
		teamId
	);
	expect(saved[0]).toMatchObject({ n: outings, assigned: outings, moto: outings, stops: gaps });
	expect(saved[0]!.longest).toBeLessThanOrEqual(180);
	const doubles = await shardQuery<{ n: number }>(
		`SELECT count(*) AS n FROM (SELECT household_id FROM route_stops WHERE revisit = 0
		GROUP BY household_id HAVING count(*) > 1)`
	);
	expect(doubles[0]!.n).toBe(0);
	await expect(page.getByTestId('gaps')).toHaveText('0');

	// The saved calendar shows the week; moving an outing to another member goes to the server.
	const calendar = page.getByTestId('plan-calendar');
	await page.getByRole('button', { name: 'Tuần sau ›' }).click();
	await page.getByRole('button', { name: '‹ Tuần trước' }).click();
	// On a Saturday the plan starts the Monday after: its first outings are next week.
	if ((await calendar.count()) === 0)
		await page.getByRole('button', { name: 'Tuần sau ›' }).click();
	const firstSaved = calendar.locator('.chip').first();
	await firstSaved.click();
	const details = page.getByTestId('outing-details');
	const from = await details.getByLabel('Người đi').inputValue();
	const other = await details
		.getByLabel('Người đi')
		.locator('option')
		.evaluateAll(
			(os, f) => os.map((o) => (o as HTMLOptionElement).value).find((v) => v && v !== f),
			from
		);
	await details.getByLabel('Người đi').selectOption(other!);
	await details.getByRole('button', { name: 'Chuyển chuyến này' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Đã chuyển chuyến.' })).toBeVisible();
	const moved = await shardQuery<{ n: number }>(
		`SELECT count(*) AS n FROM routes WHERE team_id = ? AND is_demo = 0 AND assignee_member_id = ?`,
		teamId,
		other
	);
	expect(moved[0]!.n).toBeGreaterThan(0);
});
