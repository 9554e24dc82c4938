import { type Page } from '@playwright/test';
import { expect, test } from './support/test-hooks.ts';
import { holdMapLibre, waitColoured } from './support/map.ts';

const CACHE = 'tungngo-first-paint';

/** The pictures kept for return visits: key (from `/__first-paint/`) and size. */
const kept = (page: Page) =>
	page.evaluate(async (name) => {
		const cache = await caches.open(name);
		const out: string[] = [];
		for (const r of await cache.keys()) {
			const res = await cache.match(r);
			out.push(`${r.url.slice(r.url.indexOf('/__first-paint/'))} ${res?.headers.get('x-size')}`);
		}
		return out;
	}, CACHE);

/** When the first tile of the first paint was asked for, against the early paint's start. */
const tileAskedBeforeStart = (page: Page) =>
	page.evaluate(() => {
		const tile = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).find(
			(e) => e.name.includes('/geo/tiles/') && e.initiatorType === 'fetch'
		)!;
		return tile.startTime < performance.getEntriesByName('tungngo:app-started')[0]!.startTime;
	});

/** The first paint's detail (how it was drawn) and the canvas as a PNG. */
const firstPaint = (page: Page) =>
	page.getByTestId('first-paint').evaluate((c: HTMLCanvasElement) => ({
		detail: (performance.getEntriesByName('tungngo:first-paint')[0] as PerformanceMark).detail,
		png: c.toDataURL('image/png'),
		shown: c.dataset.snapshotShown ?? null
	}));

test.describe('a return visit’s first paint', () => {
	test('shows the picture of the last one at once, the same pixels; other figures draw from the tiles', async ({
		page
	}) => {
		const blocked: string[] = [];
		page.on('console', (m) => {
			if (/Content Security Policy/i.test(m.text())) blocked.push(m.text());
		});
		let release = await holdMapLibre(page);
		await page.goto('/');
		const canvas = page.getByTestId('first-paint');
		await expect(canvas).toHaveAttribute('data-communes', '3321');
		const drawn = await firstPaint(page);
		expect(drawn.detail).toMatchObject({ communes: 3321, early: true });
		expect(drawn.shown).toBeNull();
		// Its tiles were asked for by the page's code: nothing remembered them yet.
		expect(await tileAskedBeforeStart(page)).toBe(false);
		// Kept for the next visit: one picture, of this view at this window's size.
		await expect.poll(async () => (await kept(page)).length).toBe(1);
		const [picture] = await kept(page);
		const size = await canvas.evaluate((c) => `${c.clientWidth}x${c.clientHeight}`);
		expect(picture).toMatch(new RegExp(`^/__first-paint/[0-9a-f]{16}/\\d+x\\d+@\\d+ ${size}$`));
		release();
		await waitColoured(page);

		// Back again with the same figures: the picture, identical to what the tiles drew.
		release = await holdMapLibre(page);
		await page.reload();
		await expect(canvas).toHaveAttribute('data-communes', '3321');
		await expect.poll(async () => (await firstPaint(page)).shown).not.toBeNull();
		const again = await firstPaint(page);
		expect(again.detail).toEqual({ communes: 3321, snapshot: true });
		expect(again.png).toBe(drawn.png);
		// Nothing competes with the picture: the tiles are asked for once the page's code runs.
		expect(await tileAskedBeforeStart(page)).toBe(false);
		// The tiles are decoded all the same: a tap picks a province before MapLibre arrives.
		await expect(canvas).toHaveClass(/live/);
		const [zoom, cx, cy] = (await canvas.getAttribute('data-view'))!.split(' ').map(Number);
		const box = (await canvas.boundingBox())!;
		const world = 512 * 2 ** zoom!;
		const sin = Math.sin((21 * Math.PI) / 180); // Hà Nội, 105,7° E 21° N
		const my = 0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI);
		const position = {
			x: ((105.7 + 180) / 360 - cx!) * world + box.width / 2,
			y: (my - cy!) * world + box.height / 2
		};
		await canvas.click({ position });
		await expect(page).toHaveURL(/[?&]province=01(&|$)/);
		release();
		await waitColoured(page);

		// Other figures (another metric): no picture of them yet, drawn from the tiles and kept.
		release = await holdMapLibre(page);
		await page.goto('/?metric=adoption_vneid');
		await expect(canvas).toHaveAttribute('data-communes', '3321');
		const other = await firstPaint(page);
		expect(other.shown).toBeNull();
		expect(other.detail).toMatchObject({ communes: 3321, early: true });
		expect(other.png).not.toBe(drawn.png);
		// No picture: the tiles of this view at this size, remembered, were asked for again as soon
		// as the canvas was parsed, before the first paint's own script started.
		expect(await tileAskedBeforeStart(page)).toBe(true);
		await expect.poll(async () => (await kept(page)).length).toBe(2);
		release();
		await waitColoured(page, 'adoption_vneid');
		expect(blocked).toEqual([]);
	});
});
