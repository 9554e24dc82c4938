/**
 * Which tiles a MapLibre map requests when it opens fitted to a bounding box, so the transfer
 * of the national view can be measured without a browser. Mirrors MapLibre's fitBounds (no
 * rotation) and its vector-tile covering: 512 px tiles at floor(zoom), clipped to the source's
 * bounds.
 */
import { pxPerWorld, tileRange, toWorld } from './mercator.ts';

export type Bounds = [number, number, number, number];

export interface ViewportFit {
	/** Fractional zoom the map opens at. */
	zoom: number;
	/** Tile zoom requested: floor(zoom). */
	tileZoom: number;
	/** Tiles the map requests, as [x, y] at `tileZoom`. */
	tiles: [number, number][];
}

/** Zoom and visible tiles for a `width`×`height` viewport fitted to `fit` with `padding` px. */
export function fitViewport(
	fit: Bounds,
	width: number,
	height: number,
	padding: number,
	sourceBounds: Bounds
): ViewportFit {
	const [x0, y1] = toWorld([fit[0], fit[1]]);
	const [x1, y0] = toWorld([fit[2], fit[3]]);
	const scale = Math.min((width - 2 * padding) / (x1 - x0), (height - 2 * padding) / (y1 - y0));
	const zoom = Math.log2(scale / pxPerWorld(0));
	const tileZoom = Math.floor(zoom);
	// Viewport in world units around the box's centre.
	const cx = (x0 + x1) / 2;
	const cy = (y0 + y1) / 2;
	const halfW = width / 2 / pxPerWorld(zoom);
	const halfH = height / 2 / pxPerWorld(zoom);
	const n = 2 ** tileZoom;
	const src = tileRange(sourceBounds, tileZoom);
	const tiles: [number, number][] = [];
	const first = (v: number): number => Math.max(0, Math.floor(v * n));
	const last = (v: number): number => Math.min(n - 1, Math.floor(v * n));
	for (let x = Math.max(first(cx - halfW), src.x0); x <= Math.min(last(cx + halfW), src.x1); x++) {
		for (
			let y = Math.max(first(cy - halfH), src.y0);
			y <= Math.min(last(cy + halfH), src.y1);
			y++
		) {
			tiles.push([x, y]);
		}
	}
	return { zoom, tileZoom, tiles };
}
