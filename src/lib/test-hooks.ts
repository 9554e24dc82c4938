/**
 * Test-only globals, present only when a test turned them on: the page's localStorage holds
 * `tungngo.testHooks = 1` (tests/e2e/support/test-hooks.ts sets it before the page loads).
 * A person's browser never has them, and the field hooks' code is not even loaded there.
 * The globals are declared in src/app.d.ts.
 */
export const TEST_HOOKS_KEY = 'tungngo.testHooks';

/** True when the running test asked for its hooks. */
export function testHooksEnabled(): boolean {
	try {
		return typeof localStorage !== 'undefined' && localStorage.getItem(TEST_HOOKS_KEY) === '1';
	} catch {
		return false;
	}
}

/** Puts `value` on window under `name` for a test to read, when tests enabled their hooks. */
export function exposeForTests<K extends '__tungNgoMap' | '__tungNgoRouteMap' | '__tungNgoPlanMap'>(
	name: K,
	value: Window[K]
): void {
	if (testHooksEnabled()) window[name] = value;
}
