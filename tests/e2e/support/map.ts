/** Helpers for the map end-to-end tests: read what the map shows through MapLibre's own API. */
import { expect, type Page } from '@playwright/test';

/** Waits until the map has drawn every commune in view with the classes of `metric`. */
export async function waitColoured(page: Page, metric = 'teams'): Promise<void> {
	await expect(page.getByTestId('coverage-map')).toHaveAttribute('data-coloured-for', metric, {
		timeout: 45_000
	});
}

/**
 * Commune code → one feature-state key of `metric`'s fill layer ("slot": the map lists the
 * metric of each in data-slots) for every commune feature in the loaded tiles (the geometry the
 * map holds), read from MapLibre; null where no state is set.
 */
function slotStates(page: Page, metric: string, key: 'c' | 'f') {
	return page.evaluate(
		([metric, key]) => {
			const map = window.__tungNgoMap!;
			const slots = map.getContainer().dataset.slots?.split(' ') ?? [];
			const slot = slots.indexOf(metric);
			if (slot === -1) throw new Error(`no fill layer holds ${metric} (slots: ${slots})`);
			const out: Record<string, unknown> = {};
			for (const f of map.querySourceFeatures('tungngo', { sourceLayer: 'communes' })) {
				const id = String(f.id);
				out[id] = map.getFeatureState({ source: 'tungngo', sourceLayer: 'communes', id })[
					key + slot
				];
			}
			return out;
		},
		[metric, key] as const
	);
}

/** Commune code → its class under `metric` (feature-state), null where none is set. */
export async function communeStates(
	page: Page,
	metric = 'teams'
): Promise<Record<string, number | null>> {
	const states = await slotStates(page, metric, 'c');
	return Object.fromEntries(
		Object.entries(states).map(([id, v]) => [id, typeof v === 'number' ? v : null])
	);
}

/** Commune code → the colour `metric`'s layer fills it with (feature-state), null where none. */
export async function communeColours(
	page: Page,
	metric = 'teams'
): Promise<Record<string, string | null>> {
	const states = await slotStates(page, metric, 'f');
	return Object.fromEntries(
		Object.entries(states).map(([id, v]) => [id, typeof v === 'string' ? v : null])
	);
}

/**
 * The commune fill layers, bottom to top: each one's fill-color paint value (as JSON) and
 * whether it is the one shown (fill-layer-opacity 1).
 */
export function communeFillLayers(page: Page): Promise<{ fill: string; shown: boolean }[]> {
	return page.evaluate(() => {
		const map = window.__tungNgoMap!;
		return map
			.getStyle()
			.layers.filter((l) => l.id.startsWith('commune-fill'))
			.map((l) => ({
				fill: JSON.stringify(map.getPaintProperty(l.id, 'fill-color')),
				shown: map.getPaintProperty(l.id, 'fill-layer-opacity') !== 0
			}));
	});
}

/**
 * Starts counting tile (re)loads of the coloured source: a recolour must not reload tiles
 * (a changed paint expression would, even from the worker's cache, without a network request).
 */
export async function countTileLoads(page: Page): Promise<() => Promise<number>> {
	await page.evaluate(() => {
		const w = window as unknown as { __tileLoads: number };
		w.__tileLoads = 0;
		window.__tungNgoMap!.on('sourcedata', (e) => {
			if (e.sourceId === 'tungngo' && e.tile) w.__tileLoads++;
		});
	});
	return () => page.evaluate(() => (window as unknown as { __tileLoads: number }).__tileLoads);
}

/** How many communes the last recolour wrote feature-state for (0: it only showed a slot). */
export function lastRecolourWrites(page: Page): Promise<number | null> {
	return page.evaluate(() => {
		const m = performance.getEntriesByName('tungngo:apply').at(-1) as
			PerformanceMeasure | undefined;
		return (m?.detail as { changed?: number } | undefined)?.changed ?? null;
	});
}

/** Whether a commune carries the `selected` feature-state (on the outlines' source). */
export function isSelected(page: Page, code: string): Promise<boolean> {
	return page.evaluate((id) => {
		const map = window.__tungNgoMap!;
		if (!map.getSource('tungngo-hl')) return false;
		return (
			map.getFeatureState({ source: 'tungngo-hl', sourceLayer: 'communes', id }).selected === true
		);
	}, code);
}

/**
 * Waits until the camera has stopped and every tile in view is loaded, so a screenshot shows
 * the tiles of the final zoom rather than over-zoomed ones from mid-flight.
 */
export async function waitMapSettled(page: Page): Promise<void> {
	await page.waitForFunction(
		() =>
			new Promise<boolean>((done) => {
				const map = window.__tungNgoMap!;
				if (!map.isMoving() && map.areTilesLoaded()) done(true);
				else map.once('idle', () => done(!map.isMoving() && map.areTilesLoaded()));
			}),
		undefined,
		{ timeout: 30_000 }
	);
}

/**
 * Holds MapLibre's code (the one script over 500 KB) back, as a slow link would, so the first
 * paint stays on screen. Call the returned function to let it through.
 */
export async function holdMapLibre(page: Page): Promise<() => void> {
	let release = () => {};
	const held = new Promise<void>((r) => (release = r));
	await page.route('**/_app/immutable/**', async (route) => {
		const response = await route.fetch();
		const body = await response.body();
		if (body.length > 500_000) await held;
		await route.fulfill({ response, body });
	});
	return release;
}

/** The first paint's colour (r, g, b) at a point of its canvas, in CSS pixels. */
export function firstPaintPixel(page: Page, x: number, y: number): Promise<number[]> {
	return page.getByTestId('first-paint').evaluate(
		(c: HTMLCanvasElement, [px, py]) => {
			const dpr = c.width / c.clientWidth;
			const d = c
				.getContext('2d')!
				.getImageData(Math.round(px! * dpr), Math.round(py! * dpr), 1, 1);
			return [...d.data.slice(0, 3)];
		},
		[x, y]
	);
}
