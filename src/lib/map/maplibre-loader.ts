/**
 * MapLibre and its worker script, loaded once, on demand. The worker script downloads alongside
 * MapLibre rather than after it has started (it would otherwise wait for MapLibre's code to
 * arrive and run), and the worker starts (prewarm) while the map is being made.
 */
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';

let maplibre: Promise<typeof import('./maplibre.ts')> | null = null;

export function loadMapLibre(): Promise<typeof import('./maplibre.ts')> {
	if (maplibre) return maplibre;
	// With a service worker in control the script comes from its precache when asked for.
	if (!navigator.serviceWorker?.controller) {
		void fetch(workerUrl, { priority: 'low' }).catch(() => {});
	}
	maplibre = import('./maplibre.ts').then(async (ml) => {
		performance.mark('tungngo:maplibre-imported');
		ml.setWorkerUrl(workerUrl);
		ml.prewarm();
		await ml.stylesheet;
		return ml;
	});
	return maplibre;
}
