/**
 * First paint of the map's first view before MapLibre has arrived: the same build-time vector
 * tiles, decoded here and drawn on a 2D canvas with the same class colours. On a slow phone
 * MapLibre (~360 KB brotli with its worker) takes seconds to download and start; this shows every
 * commune in view coloured from ~100 KB of tiles, then MapLibre takes over the same view. Until then a
 * tap on the canvas picks the commune under it (communeAtPoint), as a tap on the map would.
 */
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { GEO_LAYERS, GEO_MAX_ZOOM, GEO_MIN_ZOOM, TILE_SIZE } from './geo-contract.ts';
import type { Bounds } from './view.ts';
import { HIGHLIGHT_WIDTH, LINE_STOPS, PROVINCE_LINE_OPACITY } from './style.ts';

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
export function fitView(
	bounds: Bounds,
	width: number,
	height: number,
	pad: Padding,
	maxZoom = Infinity
) {
	const [x0, x1] = [mercX(bounds[0]), mercX(bounds[2])];
	const [y0, y1] = [mercY(bounds[3]), mercY(bounds[1])];
	const w = Math.max(1, width - pad.left - pad.right);
	const h = Math.max(1, height - pad.top - pad.bottom);
	const fit = Math.log2(Math.min(w / ((x1 - x0) * TILE_SIZE), h / ((y1 - y0) * TILE_SIZE)));
	const zoom = Math.min(maxZoom, fit);
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
	communeLine: string;
	provinceLine: string;
	highlight: string;
	colorOf: (code: string) => string;
	/** Outlined like the map outlines them: the province in view, the selected commune. */
	selectedProvince?: string | null;
	selectedCommune?: string | null;
}

/** MapLibre's `interpolate linear` over zoom stops, for line widths and opacities. */
export function interpolate(zoom: number, stops: readonly (readonly [number, number])[]): number {
	const [first, last] = [stops[0]!, stops[stops.length - 1]!];
	if (zoom <= first[0]) return first[1];
	if (zoom >= last[0]) return last[1];
	const i = stops.findIndex(([z]) => z > zoom);
	const [[z0, v0], [z1, v1]] = [stops[i - 1]!, stops[i]!];
	return v0 + ((v1 - v0) * (zoom - z0)) / (z1 - z0);
}

/** A tile's piece of a polygon in screen pixels: rings of x, y pairs, and their box. */
export interface ScreenPolygon {
	code: string;
	/** The province code (communes only). */
	province: string;
	rings: Float64Array[];
	box: [number, number, number, number];
	/** The tile's own square on screen (outlines are stroked only inside it). */
	clip: [number, number, number, number];
}

export interface FirstPaintScene {
	/** The view's zoom (line widths follow it). */
	zoom: number;
	communes: ScreenPolygon[];
	provinces: ScreenPolygon[];
}

type View = { zoom: number; cx: number; cy: number };

/** Decodes the tiles' commune and province polygons into screen pixels of a view. */
export function sceneOf(
	tiles: { z: number; x: number; y: number; data: ArrayBuffer }[],
	view: View,
	width: number,
	height: number
): FirstPaintScene {
	const world = TILE_SIZE * 2 ** view.zoom;
	const left = view.cx * world - width / 2;
	const top = view.cy * world - height / 2;
	const scene: FirstPaintScene = { zoom: view.zoom, communes: [], provinces: [] };
	for (const t of tiles) {
		const vt = new VectorTile(new PbfReader(t.data));
		const span = world / 2 ** t.z;
		const [ox, oy] = [t.x * span - left, t.y * span - top];
		const clip: ScreenPolygon['clip'] = [ox, oy, ox + span, oy + span];
		for (const [name, out] of [
			[GEO_LAYERS.communes, scene.communes],
			[GEO_LAYERS.provinces, scene.provinces]
		] as const) {
			const layer = vt.layers[name];
			if (!layer) continue;
			const k = span / layer.extent;
			for (let i = 0; i < layer.length; i++) {
				const f = layer.feature(i);
				const box: ScreenPolygon['box'] = [Infinity, Infinity, -Infinity, -Infinity];
				// Plain loops: this runs once per page load, before the JIT has warmed up.
				const rings = f.loadGeometry().map((ring) => {
					const xy = new Float64Array(ring.length * 2);
					for (let j = 0; j < ring.length; j++) {
						const x = ox + ring[j]!.x * k;
						const y = oy + ring[j]!.y * k;
						xy[j * 2] = x;
						xy[j * 2 + 1] = y;
						if (x < box[0]) box[0] = x;
						if (y < box[1]) box[1] = y;
						if (x > box[2]) box[2] = x;
						if (y > box[3]) box[3] = y;
					}
					return xy;
				});
				const province = String(f.properties.p ?? '');
				out.push({ code: String(f.properties.code ?? ''), province, rings, box, clip });
			}
		}
	}
	return scene;
}

/** Even-odd test over all rings: holes and multipolygons both come out right. */
function contains(poly: ScreenPolygon, x: number, y: number): boolean {
	const [x0, y0, x1, y1] = poly.box;
	if (x < x0 || x > x1 || y < y0 || y > y1) return false;
	let inside = false;
	for (const r of poly.rings) {
		for (let i = 0, j = r.length - 2; i < r.length; j = i, i += 2) {
			const [xi, yi, xj, yj] = [r[i]!, r[i + 1]!, r[j]!, r[j + 1]!];
			if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
		}
	}
	return inside;
}

/** The commune under a screen point of the first paint, if any. */
export function communeAtPoint(scene: FirstPaintScene, x: number, y: number) {
	const hit = scene.communes.find((c) => contains(c, x, y));
	return hit ? { commune: hit.code, province: hit.province } : null;
}

function trace(ctx: CanvasRenderingContext2D, poly: ScreenPolygon) {
	ctx.beginPath();
	for (const r of poly.rings) {
		ctx.moveTo(r[0]!, r[1]!);
		for (let i = 2; i < r.length; i += 2) ctx.lineTo(r[i]!, r[i + 1]!);
		ctx.closePath();
	}
}

/**
 * Draws commune fills and province outlines of a scene on a canvas.
 * @returns the distinct commune codes drawn.
 */
export function drawScene(
	canvas: HTMLCanvasElement,
	scene: FirstPaintScene,
	style: FirstPaintStyle
): Set<string> {
	const dpr = window.devicePixelRatio || 1;
	const { clientWidth: w, clientHeight: h } = canvas;
	canvas.width = Math.round(w * dpr);
	canvas.height = Math.round(h * dpr);
	// Drawn: the picture of an earlier visit (first-paint-snapshot.js) is not put over it.
	canvas.dataset.drawn = '1';
	const ctx = canvas.getContext('2d')!;
	ctx.scale(dpr, dpr);
	ctx.fillStyle = style.water;
	ctx.fillRect(0, 0, w, h);
	const drawn = new Set<string>();
	for (const c of scene.communes) {
		trace(ctx, c);
		ctx.fillStyle = style.colorOf(c.code);
		ctx.fill();
		drawn.add(c.code);
	}
	// Widths and opacities as the map's line layers have them at this zoom (./style.ts).
	const z = scene.zoom;
	const communeAlpha = interpolate(z, LINE_STOPS.communeOpacity);
	const lines: [ScreenPolygon[], string, number, number, (p: ScreenPolygon) => boolean][] = [
		[
			scene.communes,
			style.communeLine,
			interpolate(z, LINE_STOPS.communeWidth),
			communeAlpha,
			() => communeAlpha > 0
		],
		[
			scene.provinces,
			style.provinceLine,
			interpolate(z, LINE_STOPS.provinceWidth),
			PROVINCE_LINE_OPACITY,
			() => true
		],
		[
			scene.provinces,
			style.highlight,
			HIGHLIGHT_WIDTH.province,
			1,
			(p) => p.code === style.selectedProvince
		],
		[
			scene.communes,
			style.highlight,
			HIGHLIGHT_WIDTH.commune,
			1,
			(c) => c.code === style.selectedCommune
		]
	];
	for (const [polygons, colour, width, alpha, wanted] of lines) {
		ctx.strokeStyle = colour;
		ctx.lineWidth = width;
		ctx.globalAlpha = alpha;
		ctx.lineJoin = 'round';
		for (const p of polygons) {
			if (!wanted(p)) continue;
			// Tiles carry a buffer beyond their square; outlines of polygons clipped there would
			// show as straight lines, so stroke only inside the tile's own square.
			const [x0, y0, x1, y1] = p.clip;
			ctx.save();
			ctx.beginPath();
			ctx.rect(x0, y0, x1 - x0, y1 - y0);
			ctx.clip();
			trace(ctx, p);
			ctx.stroke();
			ctx.restore();
		}
	}
	ctx.globalAlpha = 1;
	return drawn;
}
