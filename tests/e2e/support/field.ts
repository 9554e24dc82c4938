/** Helpers for the field e2e tests: login, CDP network faults, reading the device's outbox. */
import { expect, type BrowserContext, type Page } from '@playwright/test';
import { queryE2eDb, runScript } from './e2e-db.ts';
import { FIELD_FIXTURE as F } from './field-fixture-ids.ts';

export { F };

/** Puts the field fixture back to its initial state (no visits on its households). */
export function resetFieldFixture(): void {
	runScript('tests/e2e/support/field-fixture.ts');
}

/** Logs the context in as the fixture's member (API login; the cookie lands in the context). */
export async function loginMember(context: BrowserContext): Promise<void> {
	const res = await context.request.post('/api/auth/login', {
		data: { login: F.email, password: F.password }
	});
	expect(res.status(), await res.text()).toBe(200);
}

/** Visits of the fixture's households as the server has them (the e2e D1, via wrangler). */
export function serverVisits(): { id: string; household_id: string; outcome: string }[] {
	return queryE2eDb<{ id: string; household_id: string; outcome: string }>(
		`SELECT id, household_id, outcome FROM visits WHERE household_id LIKE '${F.householdPrefix}%' ORDER BY id`,
		{ province: F.provinceCode }
	);
}

/** Every visit id in the page's outbox (IndexedDB), with its state. */
export async function outboxOf(page: Page): Promise<{ id: string; state: string }[]> {
	return page.evaluate(
		() =>
			new Promise<{ id: string; state: string }[]>((resolve, reject) => {
				const req = indexedDB.open('tungngo-field');
				req.onerror = () => reject(req.error);
				req.onsuccess = () => {
					const db = req.result;
					if (!db.objectStoreNames.contains('outbox')) return resolve([]);
					const all = db.transaction('outbox').objectStore('outbox').getAll();
					all.onsuccess = () => {
						resolve(
							(all.result as { id: string; state: string }[]).map((v) => ({
								id: v.id,
								state: v.state
							}))
						);
						db.close();
					};
					all.onerror = () => reject(all.error);
				};
			})
	);
}

/** Waits until the page's service worker controls it (its precache of the app shell is done). */
export async function waitForServiceWorker(page: Page): Promise<void> {
	// A synchronous predicate: an async one returns a promise, which counts as truthy at once.
	await page.waitForFunction(() => !!navigator.serviceWorker?.controller, undefined, {
		timeout: 60_000
	});
}
