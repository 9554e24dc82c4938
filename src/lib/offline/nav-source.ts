/**
 * Whether this window was opened from the service worker's stored copy of the page (the map page
 * opens that way when it may: lib/offline/sw/pages.ts). The page then refreshes its data.
 */
import { messageSW } from 'workbox-window';
import { NAV_SOURCE } from './sw/policy.ts';

/**
 * When the stored copy this window opened from had been fetched (ISO time), or null: it came
 * from the network, or there is no service worker, or it did not answer within `timeoutMs`.
 */
export async function openedFromCache(timeoutMs = 2000): Promise<string | null> {
	const sw = typeof navigator === 'undefined' ? null : navigator.serviceWorker?.controller;
	if (!sw) return null;
	const answer = messageSW(sw, { type: NAV_SOURCE }) as Promise<{ cachedAt?: string | null }>;
	const late = new Promise<null>((r) => setTimeout(() => r(null), timeoutMs));
	const got = await Promise.race([answer, late]).catch(() => null);
	return got?.cachedAt ?? null;
}

/**
 * On a page opened from the stored copy, `refresh` fetches what it shows again; marks
 * `data-opened-from` (cache / network) on the document and `tungngo:refreshed` once done.
 */
export function refreshIfOpenedFromCache(refresh: () => Promise<void>): void {
	void openedFromCache()
		.then(async (at) => {
			document.documentElement.dataset.openedFrom = at === null ? 'network' : 'cache';
			if (at === null) return;
			await refresh();
			performance.mark('tungngo:refreshed');
		})
		.catch((err) => console.warn('not refreshed', err));
}
