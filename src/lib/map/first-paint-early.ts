/**
 * The first paint's tiles, fetched as soon as the app starts (hooks.client.ts `init`) and decoded
 * as soon as they are in, while the page's components load and hydrate: the canvas is in the
 * server's HTML with what its view needs (`data-opening`), so its size and tiles are known
 * already. The first paint (FirstPaint.svelte) takes them, or fetches its own when the size has
 * changed since.
 */
import { fitView, sceneOf, tilesFor, type FirstPaintScene, type Padding } from './first-paint.ts';
import type { Bounds } from './view.ts';

/** Where the map opens: the country, or the box of a linked province or commune (`focus`). */
export interface Opening {
	bounds: Bounds;
	focus: boolean;
	maxZoom: number;
}

export interface TileData {
	z: number;
	x: number;
	y: number;
	data: ArrayBuffer;
}

export interface ViewTiles {
	w: number;
	h: number;
	view: ReturnType<typeof fitView>;
	tiles: Promise<TileData[]>;
	/** The tiles decoded for the view, as soon as they are in (colours come at drawing). */
	scene: Promise<FirstPaintScene>;
}

/** The padding the map opens with (MapLibre's fitBounds uses the same). */
export function openingPadding(focus: boolean, narrow: boolean): Padding {
	if (focus) {
		const p = narrow ? 16 : 40;
		return { top: p, right: p, bottom: p, left: p };
	}
	// Room at the bottom so Trường Sa is not under the attribution line.
	return { top: 12, left: 12, right: 12, bottom: narrow ? 24 : 30 };
}

/** The view of an opening on a canvas of w × h CSS pixels, and its tiles, fetched. */
export function fetchView(tilesUrl: string, opening: Opening, w: number, h: number): ViewTiles {
	const pad = openingPadding(opening.focus, w < 640);
	const view = fitView(opening.bounds, w, h, pad, opening.maxZoom);
	const origin = window.location.origin;
	const tiles = Promise.all(
		tilesFor(view, w, h).map(async ([z, x, y]) => {
			const url = tilesUrl.replace('{z}', `${z}`).replace('{x}', `${x}`).replace('{y}', `${y}`);
			const res = await fetch(url.startsWith('/') ? origin + url : url);
			if (!res.ok) throw new Error(`tile ${z}/${x}/${y}: HTTP ${res.status}`);
			return { z, x, y, data: await res.arrayBuffer() };
		})
	);
	const scene = tiles.then((t) => {
		performance.mark('tungngo:first-paint-tiles');
		const decoded = sceneOf(t, view, w, h);
		performance.mark('tungngo:first-paint-decoded');
		return decoded;
	});
	return { w, h, view, tiles, scene };
}

/** What the canvas carries for this (FirstPaint renders it). */
export const openingAttribute = (tilesUrl: string, opening: Opening) =>
	JSON.stringify({ tilesUrl, ...opening });

let early: ViewTiles | null = null;

/** Starts fetching the tiles of the server-rendered first paint, if the page has one. */
export function startEarlyTiles(): void {
	const el = document.querySelector<HTMLCanvasElement>('canvas[data-opening]');
	if (!el?.clientWidth || !el.clientHeight || !el.dataset.opening) return;
	try {
		const { tilesUrl, ...opening } = JSON.parse(el.dataset.opening) as Opening & {
			tilesUrl: string;
		};
		early = fetchView(tilesUrl, opening, el.clientWidth, el.clientHeight);
		early.scene.catch(() => {}); // the first paint reports it
	} catch (err) {
		console.warn('first paint tiles not started early', err);
	}
}

/** The early tiles, once, if they were fetched for a canvas of this size. */
export function takeEarlyTiles(w: number, h: number): ViewTiles | null {
	const e = early;
	early = null;
	return e && e.w === w && e.h === h ? e : null;
}
