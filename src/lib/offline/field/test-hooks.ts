/**
 * Hooks for the field fault suite (tests/e2e/field-faults.spec.ts, bench/field-faults.ts): the
 * real outbox and sync engine, reachable from a test when the page's localStorage has
 * `tungngo.testHooks = 1` (only then is this module loaded, see SyncPanel). Nothing is mocked: the suite injects network faults around them.
 */
import { testHooksEnabled } from '$lib/test-hooks';
import { allVisits, newVisitId, recordVisit } from './outbox';
import { syncEngine } from './sync-engine';

declare global {
	interface Window {
		__tungngoField?: {
			recordVisit: typeof recordVisit;
			newVisitId: typeof newVisitId;
			allVisits: typeof allVisits;
			syncNow: () => Promise<void>;
			loggedIn: () => void;
			snapshot: () => ReturnType<typeof syncEngine>['snapshot'];
		};
	}
}

/** Installs the hooks when the test flag is set. */
export function installTestHooks(): void {
	if (!testHooksEnabled()) return;
	const engine = syncEngine();
	window.__tungngoField = {
		recordVisit,
		newVisitId,
		allVisits,
		syncNow: () => engine.syncNow(),
		loggedIn: () => engine.loggedIn(),
		snapshot: () => engine.snapshot
	};
}
