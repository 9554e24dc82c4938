import { expect, test } from '@playwright/test';
import { FaultRunner } from './support/faults.ts';
import {
	F,
	loginMember,
	outboxOf,
	resetFieldFixture,
	serverVisits,
	waitForServiceWorker
} from './support/field.ts';

test.beforeAll(resetFieldFixture);

test('after a new build the update prompt appears, and reloading applies it without losing the outbox', async ({
	context,
	page
}) => {
	test.setTimeout(120_000);
	await loginMember(context);
	await context.addInitScript(() => localStorage.setItem('tungngo.testHooks', '1'));
	const runner = new FaultRunner(context, page, 'update');
	await runner.open();
	await waitForServiceWorker(page);
	const before = await page.evaluate(
		async () => (await navigator.serviceWorker.getRegistration())?.active?.scriptURL
	);

	// Two visits wait in the outbox (the sync API is unreachable) when the new version arrives.
	await context.route('**/api/visits', (route) => route.abort('internetdisconnected'));
	await runner.record(2);
	const pending = (await outboxOf(page)).filter((v) => v.state === 'pending');
	expect(pending).toHaveLength(2);
	try {
		await runner.newServiceWorker(); // a new build is deployed; the prompt; "Tải lại"
	} finally {
		runner.restoreServiceWorker();
	}
	await expect(page.getByTestId('update-prompt')).toHaveCount(0);
	const after = await page.evaluate(async () => {
		const reg = await navigator.serviceWorker.getRegistration();
		return { url: reg?.active?.scriptURL, waiting: !!reg?.waiting };
	});
	expect(after).toEqual({ url: before, waiting: false });
	expect((await outboxOf(page)).map((v) => v.id).sort()).toEqual(pending.map((v) => v.id).sort());

	await context.unroute('**/api/visits');
	await runner.drain();
	const onServer = serverVisits().filter((v) =>
		v.household_id.startsWith(`${F.householdPrefix}${F.routes[1].id}`)
	);
	expect(onServer.map((v) => v.id).sort()).toEqual(pending.map((v) => v.id).sort());
});
