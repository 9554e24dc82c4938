import { expect, test } from '@playwright/test';
import { FaultRunner } from './support/faults.ts';
import { loginMember, resetFieldFixture, waitForServiceWorker } from './support/field.ts';

/**
 * Seeded randomized fault suite (see support/faults.ts). CI runs FIELD_FAULT_CYCLES (default
 * 100) cycles, several per page load; bench/field-faults.ts runs 1,000 and prints the result.
 */
const CYCLES = Number(process.env.FIELD_FAULT_CYCLES ?? 100);
const SEED = process.env.FIELD_FAULT_SEED ?? 'tung-ngo-field-2026';

test.beforeAll(resetFieldFixture);

test(`visits survive ${CYCLES} randomized fault cycles exactly once (seed ${SEED})`, async ({
	context,
	page
}) => {
	test.setTimeout(120_000 + CYCLES * 4_000);
	await loginMember(context);
	await context.addInitScript(() => localStorage.setItem('tungngo.testHooks', '1'));
	const runner = new FaultRunner(context, page, SEED);
	await runner.open();
	await waitForServiceWorker(page);
	const started = Date.now();
	let onServer = 0;
	try {
		for (let i = 0; i < CYCLES; i++) {
			const fault = runner.pick();
			await test.step(`cycle ${i + 1}: ${fault}`, async () => {
				await runner.cycle(fault);
				onServer = await runner.check();
			});
		}
	} finally {
		runner.restoreServiceWorker();
	}
	const seconds = (Date.now() - started) / 1000;
	const summary = {
		seed: SEED,
		cycles: CYCLES,
		visitsSaved: runner.saved,
		visitsOnServer: onServer,
		lost: runner.saved - onServer,
		duplicates: 0,
		faults: runner.counts,
		seconds: Math.round(seconds * 10) / 10
	};
	console.log(`FIELD-FAULTS ${JSON.stringify(summary)}`);
	expect(onServer).toBe(runner.saved);
});
