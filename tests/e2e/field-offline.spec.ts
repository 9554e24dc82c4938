import { expect, test, type Page } from '@playwright/test';
import { queryE2eDb, runCron } from './support/e2e-db.ts';
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

async function record(page: Page, index: number, outcome: string, helpVneid = 0) {
	const row = page.getByTestId('household').nth(index);
	await row.getByRole('button').click();
	const form = page.getByTestId('visit-form');
	await form.getByText(outcome, { exact: true }).click();
	for (let i = 0; i < helpVneid; i++) {
		await form
			.getByTestId('service-vneid')
			.getByRole('button', { name: 'Thêm: VNeID (cài, kích hoạt mức 2) — Giúp hôm nay' })
			.click();
	}
	await form.getByRole('button', { name: 'Lưu lượt thăm' }).click();
	await expect(page.getByTestId('saved-toast')).toHaveText('Đã lưu trên máy');
	await expect(row).toHaveAttribute('data-status', outcomeCode(outcome));
}

const outcomeCode = (label: string) =>
	({ 'Đã gặp': 'met', 'Vắng nhà': 'not_home', 'Từ chối': 'refused' })[label]!;

/** Runs the metrics job as the Cron Trigger does, in the running worker. */
const runMetricsJob = (page: Page) => runCron(page.request);

function communeFigures() {
	return queryE2eDb<{ visited: number; reached: number; vneid_helped: number }>(
		`SELECT m.households_visited AS visited, m.households_reached AS reached,
				(SELECT helped FROM area_service_metrics s WHERE s.level = 'commune' AND s.code = '${F.communeCode}' AND s.service_code = 'vneid') AS vneid_helped
			FROM area_metrics m WHERE m.level = 'commune' AND m.code = '${F.communeCode}'`
	)[0]!;
}

test('a member saves a route, records visits offline across a reload and a reopen, and they arrive exactly once', async ({
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
	await runMetricsJob(page);
	const before = communeFigures();
	const serverBefore = serverVisits().length;

	await context.setOffline(true);
	await page.reload();
	await expect(page.getByTestId('sync-panel')).toBeVisible();
	await card.getByRole('link', { name: 'Mở tuyến' }).click();
	await expect(page.getByTestId('route-copy')).toContainText('Bản lưu ngoại tuyến');
	await expect(page.getByTestId('household')).toHaveCount(ROUTE.stops);
	await expect(page.getByTestId('route-map')).toHaveAttribute('data-ready', 'true');
	await expect(page.getByTestId('household').first()).toHaveAttribute('data-status', 'not_visited');

	await record(page, 0, 'Đã gặp', 2);
	await record(page, 1, 'Vắng nhà');
	await record(page, 2, 'Từ chối');
	await expect(page.getByTestId('household').first().getByTestId('status-badge')).toContainText(
		'Đã gặp · chưa gửi'
	);
	await expect(page.getByTestId('pending-count')).toHaveAttribute('data-pending', '3');
	await page.screenshot({ path: 'test-results/field-offline-route.png', fullPage: true });

	// Close the page, reopen it (still offline): the visits and colours are still there.
	await page.close();
	const again = await context.newPage();
	await again.goto(`/thuc-dia/tuyen/${ROUTE.id}`);
	await expect(again.getByTestId('household').nth(1)).toHaveAttribute('data-status', 'not_home');
	await expect(again.getByTestId('pending-count')).toHaveAttribute('data-pending', '3');
	const saved = await outboxOf(again);
	expect(saved.filter((v) => v.state === 'pending')).toHaveLength(3);
	expect(serverVisits()).toHaveLength(serverBefore);

	// Online again: the outbox drains, each visit reaches the server exactly once.
	await context.setOffline(false);
	await again.evaluate(() => window.dispatchEvent(new Event('online')));
	await expect(again.getByTestId('pending-count')).toHaveAttribute('data-pending', '0', {
		timeout: 20_000
	});
	const onServer = serverVisits();
	const ids = saved.map((v) => v.id).sort();
	expect(
		onServer
			.filter((v) => ids.includes(v.id))
			.map((v) => v.id)
			.sort()
	).toEqual(ids);
	expect(new Set(onServer.map((v) => v.id)).size).toBe(onServer.length);
	expect(onServer).toHaveLength(serverBefore + 3);

	// The public metrics for the commune follow after the metrics job.
	await runMetricsJob(page);
	const after = communeFigures();
	expect(after.visited).toBe(before.visited + 3);
	expect(after.reached).toBe(before.reached + 1);
	expect(after.vneid_helped).toBe(before.vneid_helped + 2);
});
