import type { ClientInit } from '@sveltejs/kit';
import { startEarlyTiles } from '$lib/map/first-paint-early';

/** Once, as the app starts: the map's first tiles download while the page's code loads. */
export const init: ClientInit = () => {
	startEarlyTiles();
};
