/**
 * Registers the service worker with workbox-window and reports when a new version is waiting.
 * The page asks the user; `applyUpdate()` then tells the waiting worker to take over and reloads
 * once it controls the page. Data in IndexedDB (the outbox) is untouched by updates.
 *
 * Registration waits until the page is quiet: after `load`, and on the map page after the map
 * has coloured its communes (event `tungngo:coloured`, at most MAP_WAIT_MS), then an idle
 * callback. Otherwise the precache download would compete with the map's cold load on a slow
 * connection.
 */
import { Workbox, messageSW } from 'workbox-window';
import { visitedUrls } from './visited.ts';

export interface SwHandle {
	applyUpdate(): void;
}

/** Longest wait for the map before registering anyway. */
const MAP_WAIT_MS = 15_000;

function afterLoad(): Promise<void> {
	if (document.readyState === 'complete') return Promise.resolve();
	return new Promise((r) => window.addEventListener('load', () => r(), { once: true }));
}

function afterMap(): Promise<void> {
	if (!document.querySelector('[data-testid="coverage-map"]')) return Promise.resolve();
	if (document.querySelector('[data-coloured="true"]')) return Promise.resolve();
	return new Promise((r) => {
		const done = () => r();
		window.addEventListener('tungngo:coloured', done, { once: true });
		setTimeout(done, MAP_WAIT_MS);
	});
}

function idle(): Promise<void> {
	return new Promise((r) =>
		'requestIdleCallback' in window
			? requestIdleCallback(() => r(), { timeout: 2000 })
			: setTimeout(r, 200)
	);
}

/** Registers /service-worker.js once the page is quiet; calls onUpdateWaiting on a new version. */
export function registerServiceWorker(onUpdateWaiting: () => void): SwHandle | null {
	if (!('serviceWorker' in navigator)) return null;
	const wb = new Workbox('/service-worker.js', {
		type: import.meta.env.DEV ? 'module' : 'classic'
	});
	wb.addEventListener('waiting', onUpdateWaiting);
	void afterLoad()
		.then(afterMap)
		.then(idle)
		.then(() => wb.register())
		// `ready`, not wb.active: that never resolves when another page's registration is still
		// installing the same worker.
		.then(() => navigator.serviceWorker.ready)
		.then(
			(reg) => reg.active && messageSW(reg.active, { type: 'CACHE_VISITED', urls: visitedUrls() })
		)
		.then(() => (document.documentElement.dataset.offlineReady = 'true'))
		.catch((err) => console.warn('service worker', err));
	return {
		applyUpdate() {
			wb.addEventListener('controlling', () => window.location.reload());
			wb.messageSkipWaiting();
		}
	};
}
