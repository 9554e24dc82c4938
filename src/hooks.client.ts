import type { ClientInit } from '@sveltejs/kit';
import { startEarlyPaint } from '$lib/map/first-paint-early';

/** Once, as the app starts: the map's first view downloads and draws while the page's code loads. */
export const init: ClientInit = () => {
	startEarlyPaint();
};
