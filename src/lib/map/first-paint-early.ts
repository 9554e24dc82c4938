/**
 * The first paint, started before the page's components have loaded and hydrated — by its own
 * script (first-paint-boot.ts, loaded by the inline script after the canvas when no picture of
 * the last visit is shown) or else as the app starts (hooks.client.ts `init`): the canvas is in the server's HTML with what its view needs
 * (`data-opening`) and its colours (`data-paint`), so its size, tiles and colours are known
 * already. The tiles are fetched, decoded and drawn as soon as they are in. The first paint
 * (FirstPaint.svelte) then takes the drawn scene, or fetches its own when the size has changed.
 * On a return visit with the same figures, a picture of the last first paint may be on the canvas
 * already (first-paint-snapshot.js): the tiles are then decoded for taps, not drawn again.
 */
import {
	drawScene,
	fitView,
	sceneOf,
	tilesFor,
	type FirstPaintScene,
	type Padding
} from './first-paint.ts';
import { readPaintAttribute } from './first-paint-colours.ts';
import { saveSnapshot } from './first-paint-snapshot-store.ts';
import { TILES_KEY } from './first-paint-snapshot.js';
import { MAP_COLORS } from './style.ts';
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
	/**
	 * Drawn before hydration: the `data-paint` it was drawn with and the communes drawn; null when
	 * the page carried no colours or the drawing failed.
	 */
	painted?: Promise<{ attr: string; communes: number } | null>;
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

/** Tiles the inline script asked for again (first-paint-snapshot.js), for the view it names. */
interface RefetchedTiles {
	key: string;
	urls: string[];
	tiles: Promise<ArrayBuffer[]>;
}

declare global {
	interface Window {
		__tungNgoTiles?: RefetchedTiles;
		/** Whether the picture of the last visit was shown, once known (first-paint-snapshot.js). */
		__tungNgoPicture?: Promise<boolean>;
	}
}

/** The last few views' tile addresses, for the inline script to ask for at once next time. */
function rememberTiles(key: string, urls: string[]): void {
	try {
		const kept = JSON.parse(localStorage.getItem(TILES_KEY) ?? '[]') as { key: string }[];
		const others = kept.filter((k) => k.key !== key).slice(0, 3);
		localStorage.setItem(TILES_KEY, JSON.stringify([{ key, urls }, ...others]));
	} catch {
		// No storage (private mode, full): the next visit asks for its tiles later.
	}
}

/** The view of an opening on a canvas of w × h CSS pixels, and its tiles, fetched. */
export function fetchView(tilesUrl: string, opening: Opening, w: number, h: number): ViewTiles {
	const pad = openingPadding(opening.focus, w < 640);
	const view = fitView(opening.bounds, w, h, pad, opening.maxZoom);
	const origin = window.location.origin;
	const wanted = tilesFor(view, w, h);
	const urls = wanted.map(([z, x, y]) =>
		tilesUrl.replace('{z}', `${z}`).replace('{x}', `${x}`).replace('{y}', `${y}`)
	);
	const key = `${openingAttribute(tilesUrl, opening)}|${w}x${h}`;
	const asked = window.__tungNgoTiles;
	window.__tungNgoTiles = undefined; // once
	const fetchAll = () =>
		Promise.all(
			urls.map(async (url, i) => {
				const res = await fetch(url.startsWith('/') ? origin + url : url);
				if (!res.ok) throw new Error(`tile ${wanted[i]!.join('/')}: HTTP ${res.status}`);
				return res.arrayBuffer();
			})
		);
	const again = asked?.key === key && asked.urls.join() === urls.join() ? asked.tiles : null;
	const tiles = (again ? again.catch(fetchAll) : fetchAll()).then((buffers) => {
		rememberTiles(key, urls);
		return buffers.map((data, i) => {
			const [z, x, y] = wanted[i]!;
			return { z, x, y, data };
		});
	});
	// Not while a picture of the last visit is on its way (first-paint-snapshot.js).
	const picture = window.__tungNgoPicture ?? Promise.resolve(false);
	const scene = Promise.all([tiles, picture]).then(([t]) => {
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

declare global {
	interface Window {
		/**
		 * The early first paint, started once per page: by its own script after the canvas
		 * (first-paint-boot.ts) or, where that did not run, the app's start hook; shared through
		 * `window` as each has its own copy of this module.
		 */
		__tungNgoEarly?: ViewTiles | null;
	}
}

/** Starts the first paint of the server-rendered canvas, if the page has one: tiles, then drawing. */
export function startEarlyPaint(): void {
	if (window.__tungNgoEarly !== undefined) return; // started already
	window.__tungNgoEarly = null;
	performance.mark('tungngo:app-started');
	const el = document.querySelector<HTMLCanvasElement>('canvas[data-opening]');
	if (!el?.clientWidth || !el.clientHeight || !el.dataset.opening) return;
	try {
		const { tilesUrl, ...opening } = JSON.parse(el.dataset.opening) as Opening & {
			tilesUrl: string;
		};
		const view = fetchView(tilesUrl, opening, el.clientWidth, el.clientHeight);
		view.scene.catch(() => {}); // the first paint reports it
		const attr = el.dataset.paint;
		const colours = readPaintAttribute(attr);
		if (attr && colours) {
			view.painted = view.scene
				.then((scene) => {
					// A picture of these very colours is on the canvas already (first-paint-snapshot.js).
					if (el.dataset.snapshotShown) {
						return { attr, communes: Number(el.dataset.snapshotCommunes) };
					}
					const drawStart = performance.now();
					const communes = drawScene(el, scene, { ...MAP_COLORS, ...colours }).size;
					performance.measure('tungngo:first-paint-draw', { start: drawStart });
					performance.mark('tungngo:first-paint', { detail: { communes, early: true } });
					el.dataset.communes = String(communes);
					saveSnapshot(el, communes);
					return { attr, communes };
				})
				.catch(() => null); // the first paint draws again, or reports it
		}
		window.__tungNgoEarly = view;
	} catch (err) {
		console.warn('first paint tiles not started early', err);
	}
}

/** The early tiles, once, if they were fetched for a canvas of this size. */
export function takeEarlyTiles(w: number, h: number): ViewTiles | null {
	const e = window.__tungNgoEarly;
	window.__tungNgoEarly = null;
	return e && e.w === w && e.h === h ? e : null;
}
