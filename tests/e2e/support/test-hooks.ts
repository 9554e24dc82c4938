/**
 * The app's test-only globals (window.__tungNgoMap, __tungNgoRouteMap, __tungngoField) exist
 * only when a test turns them on before the page loads (src/lib/test-hooks.ts). `test` here is
 * Playwright's with them on in its default context; `enableTestHooks` is for other contexts.
 */
import { test as base, type BrowserContext } from '@playwright/test';

export { expect } from '@playwright/test';

export async function enableTestHooks(context: BrowserContext): Promise<void> {
	await context.addInitScript(() => localStorage.setItem('tungngo.testHooks', '1'));
}

export const test = base.extend({
	context: async ({ context }, use) => {
		await enableTestHooks(context);
		await use(context);
	}
});
