/**
 * The pictures of the first paint a return visit shows (first-paint-snapshot.js): their id, and
 * keeping the one just drawn.
 */
import { SNAPSHOT_CACHE } from './first-paint-snapshot.js';

/** Pictures kept: a few views (the country, a province or two) at one window size. */
const KEEP = 4;

/**
 * The id of what a first paint draws: the app version (the drawing code and colours), the view
 * (`data-opening`) and every commune's colour (`data-paint`). Two 32-bit FNV-1a hashes with
 * different seeds: a picture is shown only for the same figures.
 */
export function snapshotId(version: string, opening: string, paint: string): string {
	const text = `${version}\n${opening}\n${paint}`;
	let a = 0x811c9dc5;
	let b = 0x01000193 ^ text.length;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		a = Math.imul(a ^ c, 0x01000193);
		b = Math.imul(b ^ c, 0x5bd1e995);
	}
	const hex = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
	return hex(a) + hex(b);
}

/**
 * Keeps the canvas as drawn now (its `communes`), under the key the inline script looked up,
 * for the next visit; the oldest pictures beyond a few go. Nothing happens without a key (the
 * script did not run, or the browser has no Cache Storage) or when the picture is already kept.
 */
export function saveSnapshot(el: HTMLCanvasElement, communes: number): void {
	const key = el.dataset.snapshotKey;
	if (!key || el.dataset.snapshotShown === key || typeof caches === 'undefined') return;
	const size = `${el.clientWidth}x${el.clientHeight}`;
	// toBlob copies the canvas now and encodes later, off the first paint's path.
	el.toBlob(async (blob) => {
		if (!blob) return;
		try {
			const cache = await caches.open(SNAPSHOT_CACHE);
			const headers = { 'content-type': blob.type, 'x-communes': String(communes), 'x-size': size };
			await cache.put(key, new Response(blob, { headers }));
			const keys = (await cache.keys()).filter((r) => r.url !== key);
			for (const old of keys.slice(0, Math.max(0, keys.length - (KEEP - 1)))) {
				await cache.delete(old);
			}
		} catch (err) {
			// Storage full or refused: the next visit draws from the tiles, as without a picture.
			console.warn('first paint picture not kept', err);
		}
	}, 'image/png');
}
