/**
 * URLs of public map resources this page loaded before the service worker controlled it (the
 * worker registers only after the cold load). The map records its tile and glyph requests here;
 * after registration they are handed to the worker, which stores them, so the first visit is
 * enough to reopen the map offline.
 */
const visited = new Set<string>();

/** Records a resource URL the page loaded (same-origin public data only is kept later). */
export function recordVisited(url: string): void {
	visited.add(url);
}

/** The page itself, its public API reads, and the recorded map resources. */
export function visitedUrls(): string[] {
	const fetched = performance
		.getEntriesByType('resource')
		.map((e) => e.name)
		.filter((u) => u.includes('/api/'));
	return [window.location.href, ...fetched, ...visited];
}
