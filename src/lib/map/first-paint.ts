/**
 * First paint of the national view before MapLibre has arrived: the same build-time vector
 * tiles, decoded here and drawn on a 2D canvas with the same class colours. On a slow phone
 * MapLibre (~450 KB gzip with its worker) takes seconds to download and start; this shows every
 * commune coloured from ~100 KB of tiles, then MapLibre takes over the same view.
 */
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { GEO_LAYERS, GEO_MAX_ZOOM, GEO_MIN_ZOOM, TILE_SIZE } from './geo-contract.ts';
import type { Bounds } from './view.ts';

export interface Padding {
	top: number;
	right: number;
	bottom: number;
	left: number;
}

const mercX = (lon: number) => (lon + 180) / 360;
const mercY = (lat: number) => {
	const s = Math.sin((lat * Math.PI) / 180);
	return 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI);
};

/** The view MapLibre's fitBounds gives: zoom and the centre in world units (0–1). */
export function fitView(bounds: Bounds, width: number, height: number, pad: Padding) {
	const [x0, x1] = [mercX(bounds[0]), mercX(bounds[2])];
	const [y0, y1] = [mercY(bounds[3]), mercY(bounds[1])];
	const w = Math.max(1, width - pad.left - pad.right);
	const h = Math.max(1, height - pad.top - pad.bottom);
	const zoom = Math.log2(Math.min(w / ((x1 - x0) * TILE_SIZE), h / ((y1 - y0) * TILE_SIZE)));
	const world = TILE_SIZE * 2 ** zoom;
	// The bounds' centre sits at the centre of the padded box, so the screen's centre is off it
	// by half the padding difference (more padding at the bottom: the map sits higher).
	const cx = (x0 + x1) / 2 + (pad.right - pad.left) / 2 / world;
	const cy = (y0 + y1) / 2 + (pad.bottom - pad.top) / 2 / world;
	return { zoom, cx, cy };
}

/** Tiles (z, x, y) covering a view, at MapLibre's tile zoom for 512 px tiles. */
export function tilesFor(
	view: { zoom: number; cx: number; cy: number },
	width: number,
	height: number
) {
	const z = Math.min(GEO_MAX_ZOOM, Math.max(GEO_MIN_ZOOM, Math.floor(view.zoom)));
	const world = TILE_SIZE * 2 ** view.zoom;
	const n = 2 ** z;
	const clamp = (v: number) => Math.min(n - 1, Math.max(0, v));
	const [minX, maxX] = [view.cx - width / 2 / world, view.cx + width / 2 / world].map((v) =>
		clamp(Math.floor(v * n))
	);
	const [minY, maxY] = [view.cy - height / 2 / world, view.cy + height / 2 / world].map((v) =>
		clamp(Math.floor(v * n))
	);
	const out: [number, number, number][] = [];
	for (let x = minX!; x <= maxX!; x++) for (let y = minY!; y <= maxY!; y++) out.push([z, x, y]);
	return out;
}

export interface FirstPaintStyle {
	water: string;
	provinceLine: string;
	colorOf: (code: string) => string;
}

/**
 * Draws commune fills and province outlines of decoded tiles on a canvas.
 * @returns the distinct commune codes drawn.
 */
export function drawTiles(
	canvas: HTMLCanvasElement,
	tiles: { z: number; x: number; y: number; data: ArrayBuffer }[],
	view: { zoom: number; cx: number; cy: number },
	style: FirstPaintStyle
): Set<string> {
	const dpr = window.devicePixelRatio || 1;
	const { clientWidth: w, clientHeight: h } = canvas;
	canvas.width = Math.round(w * dpr);
	canvas.height = Math.round(h * dpr);
	const ctx = canvas.getContext('2d')!;
	ctx.scale(dpr, dpr);
	ctx.fillStyle = style.water;
	ctx.fillRect(0, 0, w, h);
	const world = TILE_SIZE * 2 ** view.zoom;
	const left = view.cx * world - w / 2;
	const top = view.cy * world - h / 2;
	const drawn = new Set<string>();
	const decoded = tiles.map((t) => ({ ...t, vt: new VectorTile(new PbfReader(t.data)) }));
	const trace = (t: (typeof decoded)[number], layer: string, each: (code: string) => void) => {
		const l = t.vt.layers[layer];
		if (!l) return;
		const span = world / 2 ** t.z;
		const k = span / l.extent;
		for (let i = 0; i < l.length; i++) {
			const f = l.feature(i);
			ctx.beginPath();
			for (const ring of f.loadGeometry()) {
				ring.forEach((p, j) => {
					const px = t.x * span + p.x * k - left;
					const py = t.y * span + p.y * k - top;
					if (j === 0) ctx.moveTo(px, py);
					else ctx.lineTo(px, py);
				});
				ctx.closePath();
			}
			each(String(f.properties.code ?? ''));
		}
	};
	for (const t of decoded) {
		trace(t, GEO_LAYERS.communes, (code) => {
			ctx.fillStyle = style.colorOf(code);
			ctx.fill();
			drawn.add(code);
		});
	}
	ctx.strokeStyle = style.provinceLine;
	ctx.lineWidth = 0.6;
	for (const t of decoded) {
		// Tiles carry a buffer beyond their square; outlines of polygons clipped there would
		// show as straight lines, so stroke only inside the tile's own square.
		const span = world / 2 ** t.z;
		ctx.save();
		ctx.beginPath();
		ctx.rect(t.x * span - left, t.y * span - top, span, span);
		ctx.clip();
		trace(t, GEO_LAYERS.provinces, () => ctx.stroke());
		ctx.restore();
	}
	return drawn;
}
