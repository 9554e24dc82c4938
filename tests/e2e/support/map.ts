/** Helpers for the map end-to-end tests: read what the map shows through MapLibre's own API. */
import { expect, type Page } from '@playwright/test';

/** Waits until the map has drawn every commune in view with the classes of `metric`. */
export async function waitColoured(page: Page, metric = 'teams'): Promise<void> {
	await expect(page.getByTestId('coverage-map')).toHaveAttribute('data-coloured-for', metric, {
		timeout: 45_000
	});
}

/**
 * Commune code → feature-state `cls` for every commune feature in the loaded tiles (the
 * geometry the map holds), read from MapLibre; null where no state is set.
 */
export function communeStates(page: Page): Promise<Record<string, number | null>> {
	return page.evaluate(() => {
		const map = window.__tungNgoMap!;
		const out: Record<string, number | null> = {};
		for (const f of map.querySourceFeatures('tungngo', { sourceLayer: 'communes' })) {
			const id = String(f.id);
			const s = map.getFeatureState({ source: 'tungngo', sourceLayer: 'communes', id });
			out[id] = typeof s.cls === 'number' ? s.cls : null;
		}
		return out;
	});
}

/** Commune code → the colour the map fills it with (its `fill` feature-state). */
export function communeColours(page: Page): Promise<Record<string, string | null>> {
	return page.evaluate(() => {
		const map = window.__tungNgoMap!;
		const out: Record<string, string | null> = {};
		for (const f of map.querySourceFeatures('tungngo', { sourceLayer: 'communes' })) {
			const id = String(f.id);
			const s = map.getFeatureState({ source: 'tungngo', sourceLayer: 'communes', id });
			out[id] = typeof s.fill === 'string' ? s.fill : null;
		}
		return out;
	});
}

/** The commune layer's fill-color paint value, as JSON. */
export function fillColorExpression(page: Page): Promise<string> {
	return page.evaluate(() =>
		JSON.stringify(window.__tungNgoMap!.getPaintProperty('commune-fill', 'fill-color'))
	);
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
