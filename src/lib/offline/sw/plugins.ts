/** Workbox plugins shared by the runtime caches. */
import type { WorkboxPlugin } from 'workbox-core/types';
import { CACHED_AT_HEADER, isStorable } from './policy.ts';

/**
 * Stores only storable responses, stamped with the time they were fetched, so the UI can say
 * how old offline data is. A page's `Link` header is dropped: on a page answered from the cache
 * its modulepreloads would have the browser request every script twice through this worker
 * before it parses the page. (SvelteKit sends them only in that header, not in the head; the
 * page's start script imports the same scripts, from the precache, a moment later.)
 */
export const stampAndFilter: WorkboxPlugin = {
	async cacheWillUpdate({ response }) {
		if (!isStorable(response.status, response.headers.get('cache-control'))) return null;
		const headers = new Headers(response.headers);
		headers.set(CACHED_AT_HEADER, new Date().toISOString());
		headers.delete('link');
		return new Response(await response.blob(), {
			status: response.status,
			statusText: response.statusText,
			headers
		});
	}
};
