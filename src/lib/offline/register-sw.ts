/**
 * Registers the service worker with workbox-window and reports when a new version is waiting.
 * The page asks the user; `applyUpdate()` then tells the waiting worker to take over and reloads
 * once it controls the page. Data in IndexedDB (the outbox) is untouched by updates.
 */
import { Workbox } from 'workbox-window';

export interface SwHandle {
	applyUpdate(): void;
}

/** Registers /service-worker.js; calls onUpdateWaiting when a new version is installed. */
export function registerServiceWorker(onUpdateWaiting: () => void): SwHandle | null {
	if (!('serviceWorker' in navigator)) return null;
	const wb = new Workbox('/service-worker.js', {
		type: import.meta.env.DEV ? 'module' : 'classic'
	});
	wb.addEventListener('waiting', onUpdateWaiting);
	void wb.register();
	return {
		applyUpdate() {
			wb.addEventListener('controlling', () => window.location.reload());
			wb.messageSkipWaiting();
		}
	};
}
