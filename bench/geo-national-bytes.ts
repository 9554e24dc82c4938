/**
 * Prints what the national view costs on the wire: for a phone (390×844) and a desktop
 * (1280×800) map fitted to Vietnam, the zoom it opens at, the tiles it requests and their bytes
 * raw / gzip / brotli, plus the glyph ranges its labels need. Reads the built output
 * (run `npm run build:geo` first). Figures only; never part of pass/fail.
 *
 *   node bench/geo-national-bytes.ts [--padding 8]
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { GEO_BOUNDS, GLYPH_FONTSTACK } from '../src/lib/map/geo-contract.ts';
import { parseGeoManifest, type GeoManifest } from '../src/lib/map/manifest.ts';
import { dataDir, geoOutDir } from '../scripts/lib/paths.ts';
import { rangeOf } from '../scripts/lib/geo/glyphs.ts';
import { fitViewport } from '../scripts/lib/geo/viewport.ts';

const VIEWPORTS = [
	{ name: 'phone 390×844', width: 390, height: 844 },
	{ name: 'desktop 1280×800', width: 1280, height: 800 }
];

/** Style zooms from which province labels show (style.ts); archipelago labels always do. */
const PROVINCE_LABEL_MIN_ZOOM = 4.5;

interface Bytes {
	raw: number;
	gzip: number;
	brotli: number;
}

function sizes(files: string[]): Bytes {
	const total: Bytes = { raw: 0, gzip: 0, brotli: 0 };
	for (const file of files) {
		const data = readFileSync(file);
		total.raw += data.length;
		total.gzip += data.length ? gzipSync(data, { level: 9 }).length : 0;
		total.brotli += data.length ? brotliCompressSync(data).length : 0;
	}
	return total;
}

const kb = (b: Bytes): string =>
	`${(b.raw / 1024).toFixed(1)} KB raw, ${(b.gzip / 1024).toFixed(1)} KB gzip, ${(b.brotli / 1024).toFixed(1)} KB br`;

/** Glyph range files the visible labels need (names of provinces and archipelagos). */
function glyphFiles(outDir: string, m: GeoManifest, names: string[]): string[] {
	const ranges = new Set<string>();
	for (const name of names) for (const ch of name) ranges.add(rangeOf(ch.codePointAt(0) ?? 0));
	const base = m.glyphs.replace(/^\/geo\//, '').replace('{fontstack}', GLYPH_FONTSTACK);
	return [...ranges].sort().map((r) => join(outDir, base.replace('{range}', r)));
}

function labelNames(zoom: number): string[] {
	const names = ['Hoàng Sa', 'Trường Sa'];
	if (zoom < PROVINCE_LABEL_MIN_ZOOM) return names;
	const csv = readFileSync(join(dataDir(), 'vn2025_provinces.csv'), 'utf8');
	return [
		...names,
		...csv
			.split('\n')
			.slice(1)
			.filter(Boolean)
			.map((l) => l.split(',')[1] ?? '')
	];
}

const { values } = parseArgs({ options: { padding: { type: 'string', default: '8' } } });
const outDir = geoOutDir();
if (!existsSync(join(outDir, 'manifest.json'))) {
	console.error(`No manifest in ${outDir}: run npm run build:geo first.`);
	process.exit(1);
}
const m = parseGeoManifest(JSON.parse(readFileSync(join(outDir, 'manifest.json'), 'utf8')));
const tileDir = join(outDir, m.tiles[0]?.replace(/^\/geo\//, '').split('/{z}')[0] ?? '');
console.log(
	`Tiles: ${m.stats.tileCount} files (${Object.values(m.stats.byZoom).reduce((n, s) => n + s.empty, 0)} empty), ` +
		`${(m.stats.bytes / 1048576).toFixed(2)} MB raw, ${(m.stats.gzipBytes / 1048576).toFixed(2)} MB gzip`
);
for (const vp of VIEWPORTS) {
	const fit = fitViewport(m.bounds, vp.width, vp.height, Number(values.padding), GEO_BOUNDS);
	const files = fit.tiles.map(([x, y]) => join(tileDir, `${fit.tileZoom}/${x}/${y}.pbf`));
	const tiles = sizes(files);
	const glyphs = sizes(glyphFiles(outDir, m, labelNames(fit.zoom)));
	console.log(
		`\n${vp.name}: opens at z${fit.zoom.toFixed(2)} → ${fit.tiles.length} tiles of z${fit.tileZoom}`
	);
	console.log(`  tiles:  ${kb(tiles)}`);
	console.log(`  glyphs: ${kb(glyphs)}`);
	console.log(
		`  total:  ${kb({ raw: tiles.raw + glyphs.raw, gzip: tiles.gzip + glyphs.gzip, brotli: tiles.brotli + glyphs.brotli })}`
	);
}
