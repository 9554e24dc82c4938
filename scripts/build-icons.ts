/**
 * Renders the app icons (PNG) from the SVG logo with sharp: the sizes a web app manifest and
 * iOS need, plus a maskable icon whose artwork stays inside the 80 % safe zone.
 *
 *   node scripts/build-icons.ts      # writes static/icons/*.png (committed; re-run after a logo change)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { repoRoot } from './lib/paths.ts';

const GREEN = '#0b5d4b';
const MARK = `<path d="M14 46V22l18-10 18 10v24" fill="none" stroke="#fff" stroke-width="5" stroke-linejoin="round"/><circle cx="32" cy="34" r="6" fill="#f5c542"/>`;

/** The logo on a rounded tile (any-purpose icons). */
const anySvg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="14" fill="${GREEN}"/>${MARK}</svg>`;

/** Full-bleed background, the mark scaled to 60 % around the centre (maskable safe zone). */
const maskableSvg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" fill="${GREEN}"/><g transform="translate(32 30) scale(0.6) translate(-32 -30)">${MARK}</g></svg>`;

const outputs: { file: string; svg: string; size: number }[] = [
	{ file: 'icon-192.png', svg: anySvg, size: 192 },
	{ file: 'icon-512.png', svg: anySvg, size: 512 },
	{ file: 'maskable-192.png', svg: maskableSvg, size: 192 },
	{ file: 'maskable-512.png', svg: maskableSvg, size: 512 },
	{ file: 'apple-touch-icon.png', svg: maskableSvg, size: 180 },
	{ file: 'shortcut-routes-96.png', svg: anySvg, size: 96 }
];

const dir = join(repoRoot, 'static', 'icons');
mkdirSync(dir, { recursive: true });
for (const o of outputs) {
	const png = await sharp(Buffer.from(o.svg), { density: 72 * (o.size / 64) * 1.5 })
		.resize(o.size, o.size)
		.png({ compressionLevel: 9, palette: true })
		.toBuffer();
	writeFileSync(join(dir, o.file), png);
	console.log(`✓ static/icons/${o.file} (${o.size}×${o.size}, ${png.length} bytes)`);
}
