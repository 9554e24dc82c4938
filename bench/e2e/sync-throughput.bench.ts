import { expect, test } from '@playwright/test';
import { FaultRunner } from '../../tests/e2e/support/faults.ts';
import {
	loginMember,
	resetFieldFixture,
	waitForServiceWorker
} from '../../tests/e2e/support/field.ts';

const N = Number(process.env.SYNC_VISITS ?? 1000);

test.beforeAll(resetFieldFixture);

test(`${N} queued visits reach D1`, async ({ context, page }) => {
	test.setTimeout(300_000);
	await loginMember(context);
	await context.addInitScript(() => localStorage.setItem('tungngo.testHooks', '1'));
	const runner = new FaultRunner(context, page, 'throughput');
	await runner.open();
	await waitForServiceWorker(page);
	await context.setOffline(true); // queue without syncing
	const q0 = Date.now();
	for (let done = 0; done < N; done += 100) await runner.record(Math.min(100, N - done));
	const queueMs = Date.now() - q0;
	await context.setOffline(false);
	let requests = 0;
	page.on('request', (r) => r.url().endsWith('/api/visits') && r.method() === 'POST' && requests++);
	const t0 = Date.now();
	await page.evaluate(() => window.__tungngoField!.syncNow());
	await page.waitForFunction(() => window.__tungngoField!.snapshot().pending === 0, undefined, {
		timeout: 120_000
	});
	const syncMs = Date.now() - t0;
	const onServer = await runner.check();
	expect(onServer).toBe(N);
	console.log(
		`SYNC-THROUGHPUT ${JSON.stringify({ visits: N, syncMs, queueMs, requests, onServer })}`
	);
});
