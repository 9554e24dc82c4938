/**
 * MapLibre with its stylesheet, for dynamic import. The stylesheet (~70 KB) is linked when the
 * library is, not from the page's head, where it would hold up the first render that never
 * needs it (imported as plain CSS, SvelteKit would link it in the head of every page using a map).
 */
import cssUrl from 'maplibre-gl/dist/maplibre-gl.css?url';

/** Resolves once MapLibre's stylesheet is in the page (at once if it already is). */
function linkStylesheet(): Promise<void> {
	const existing = document.querySelector<HTMLLinkElement>(`link[href="${cssUrl}"]`);
	if (existing) return Promise.resolve();
	const link = document.createElement('link');
	link.rel = 'stylesheet';
	link.href = cssUrl;
	const loaded = new Promise<void>((resolve) => {
		// A failed stylesheet only costs the controls' looks: never hold the map up for it.
		link.onload = link.onerror = () => resolve();
	});
	document.head.appendChild(link);
	return loaded;
}

export const stylesheet = linkStylesheet();

export * from 'maplibre-gl';
