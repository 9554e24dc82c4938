import { expect, test, enableTestHooks } from './support/test-hooks.ts';
import AxeBuilder from '@axe-core/playwright';
import {
	communeColours,
	communeFillLayers,
	communeStates,
	countTileLoads,
	firstPaintPixel,
	holdMapLibre,
	isSelected,
	lastRecolourWrites,
	waitColoured,
	waitMapSettled
} from './support/map.ts';

const ARTIFACTS = 'tests/artifacts';
const VALID_CLASS = (c: number | null) => c !== null && Number.isInteger(c) && c >= -2 && c <= 8;

test.describe('public coverage map', () => {
	test('colours all 3,321 communes, each with a class or "no data"', async ({ page }) => {
		await page.goto('/');
		await waitColoured(page);
		const states = await communeStates(page);
		const codes = Object.keys(states);
		expect(codes).toHaveLength(3321);
		expect(codes.filter((c) => !/^\d{5}$/.test(c))).toEqual([]);
		expect(codes.filter((c) => !VALID_CLASS(states[c]!))).toEqual([]);
		// Hoàng Sa and Trường Sa are drawn and coloured like every commune.
		expect(VALID_CLASS(states['20333']!)).toBe(true);
		expect(VALID_CLASS(states['22736']!)).toBe(true);
		// Before MapLibre, the first paint drew the same 3,321 communes from the tiles.
		const firstPaint = await page.evaluate(
			() =>
				(performance.getEntriesByName('tungngo:first-paint')[0] as PerformanceMark | undefined)
					?.detail?.communes
		);
		expect(firstPaint).toBe(3321);
		// Its tiles were asked for as the app started, before the page hydrated.
		const [firstTile, hydrated] = await page.evaluate(() => [
			(performance.getEntriesByType('resource') as PerformanceResourceTiming[]).find(
				(e) => e.name.includes('/geo/tiles/') && e.initiatorType === 'fetch'
			)?.startTime,
			performance.getEntriesByName('tungngo:hydrated')[0]?.startTime
		]);
		expect(firstTile).toBeLessThan(hydrated!);
		await expect(page.getByTestId('first-paint')).toHaveCount(0); // handed over to the map
		await expect(page.getByTestId('map-legend')).toContainText('Chưa có dữ liệu');
		await expect(page.locator('.maplibregl-ctrl-attrib')).toContainText('sapnhap.bando.com.vn');
		await waitMapSettled(page); // labels placed too
		await page.screenshot({ path: `${ARTIFACTS}/map-national.png` });
	});

	test('a tap on the first paint opens a province before MapLibre has arrived', async ({
		page
	}) => {
		const release = await holdMapLibre(page);
		await page.goto('/');
		const canvas = page.getByTestId('first-paint');
		await expect(canvas).toHaveAttribute('data-communes', '3321');
		// Hà Nội's centre on the first paint, from the view it drew.
		const [zoom, cx, cy] = (await canvas.getAttribute('data-view'))!.split(' ').map(Number);
		const box = (await canvas.boundingBox())!;
		const world = 512 * 2 ** zoom!;
		const [lon, lat] = [105.7, 21.0];
		const sin = Math.sin((lat * Math.PI) / 180);
		const my = 0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI);
		const x = ((lon + 180) / 360 - cx!) * world + box.width / 2;
		const y = (my - cy!) * world + box.height / 2;
		await canvas.click({ position: { x, y } });
		await expect(page).toHaveURL(/[?&]province=01(&|$)/);
		await expect(page.getByRole('heading', { name: 'Thành phố Hà Nội' })).toBeVisible();
		await expect(page.getByTestId('coverage-map')).toHaveAttribute('data-status', 'loading');
		await expect(canvas).toBeVisible(); // still the first paint: MapLibre is held back
		release();
		await waitColoured(page);
		await waitMapSettled(page);
		// MapLibre took over and flew to the province picked before it arrived.
		const centre = await page.evaluate(() => window.__tungNgoMap!.getCenter().toArray());
		expect(centre[0]).toBeGreaterThan(105.2);
		expect(centre[0]).toBeLessThan(106.1);
		expect(centre[1]).toBeGreaterThan(20.5);
		expect(centre[1]).toBeLessThan(21.4);
		await expect(canvas).toHaveCount(0);
	});

	test('a shared commune link opens on its commune at once; metric and taps work before MapLibre', async ({
		page
	}) => {
		const release = await holdMapLibre(page);
		await page.goto('/?province=19&commune=05569');
		const canvas = page.getByTestId('first-paint');
		await expect(canvas).not.toHaveAttribute('data-communes', /^0?$/);
		const zoom = Number((await canvas.getAttribute('data-view'))!.split(' ')[0]);
		expect(zoom).toBeGreaterThan(8); // the commune's view, not the country's
		const panel = page.getByTestId('commune-panel');
		await expect(panel.getByRole('heading', { name: 'Xã Định Hoá' })).toBeVisible();
		// Another metric recolours the canvas (the commune in the middle of the view).
		const box = (await canvas.boundingBox())!;
		const [cx, cy] = [box.width / 2 + 6, box.height / 2 + 6];
		const before = await firstPaintPixel(page, cx, cy);
		await page.getByTestId('metric-picker').selectOption('adoption_vneid');
		await expect.poll(() => firstPaintPixel(page, cx, cy)).not.toEqual(before);
		// A tap near the corner picks the commune there.
		await canvas.click({ position: { x: 12, y: 12 } });
		await expect(page).toHaveURL(/[?&]commune=(?!05569)\d{5}/);
		const picked = new URL(page.url()).searchParams.get('commune')!;
		await expect(panel.getByRole('heading', { name: 'Xã Định Hoá' })).toHaveCount(0);
		await expect(page.getByTestId('coverage-map')).toHaveAttribute('data-status', 'loading');
		release();
		await waitColoured(page, 'adoption_vneid');
		await expect.poll(() => isSelected(page, picked)).toBe(true);
		await expect(canvas).toHaveCount(0);
	});

	test('switching the metric recolours by feature-state, without new geometry', async ({
		page,
		context
	}) => {
		const tiles: string[] = [];
		// The map's own tile requests (its web worker's), not the service worker storing them.
		context.on(
			'request',
			(r) => r.url().includes('/geo/tiles/') && !r.serviceWorker() && tiles.push(r.url())
		);
		await page.goto('/');
		await waitColoured(page);
		expect(tiles.length).toBeGreaterThan(0); // the listener does see the map's tile requests
		const before = await communeStates(page);
		const coloursBefore = await communeColours(page);
		const layersBefore = await communeFillLayers(page);
		expect(layersBefore.map((l) => l.shown)).toEqual([true, false, false]);
		tiles.length = 0;
		const tileLoads = await countTileLoads(page);
		const choose = async (metric: string) => {
			await page.getByTestId('metric-picker').selectOption(metric);
			await waitColoured(page, metric);
		};

		const metricRequest = page.waitForRequest((r) =>
			r.url().includes('/api/metrics/communes?metric=adoption_vneid')
		);
		await choose('adoption_vneid');
		await metricRequest;
		const after = await communeStates(page, 'adoption_vneid');
		expect(Object.keys(after)).toHaveLength(3321);
		const changed = Object.keys(after).filter((c) => after[c] !== before[c]);
		expect(changed.length).toBeGreaterThan(100);
		// Colours change through feature-state, in the second fill layer, now the one shown; the
		// layers' paint expressions stay as they were.
		const coloursAfter = await communeColours(page, 'adoption_vneid');
		const recoloured = Object.keys(coloursAfter).filter(
			(c) => coloursAfter[c] !== coloursBefore[c]
		);
		expect(recoloured.length).toBeGreaterThan(100);
		expect(Object.values(coloursAfter).every((c) => /^#[0-9a-f]{6}$/.test(c ?? ''))).toBe(true);
		const layersAfter = await communeFillLayers(page);
		expect(layersAfter.map((l) => l.fill)).toEqual(layersBefore.map((l) => l.fill));
		expect(layersAfter.map((l) => l.shown)).toEqual([false, true, false]);
		await expect(page.getByTestId('map-legend')).toContainText('Tỷ lệ người lớn dùng VNeID');
		await expect(page).toHaveURL(/[?&]metric=adoption_vneid/);

		// Back to a metric a layer still holds: that layer is shown, no commune is rewritten.
		await choose('teams');
		expect(await lastRecolourWrites(page)).toBe(0);
		expect((await communeFillLayers(page)).map((l) => l.shown)).toEqual([true, false, false]);
		expect(await communeStates(page)).toEqual(before);
		// A third metric takes the free layer; a fourth the least recently shown (VNeID's).
		await choose('households_reached');
		await choose('hamlet_coverage');
		await expect(page.getByTestId('coverage-map')).toHaveAttribute(
			'data-slots',
			'teams hamlet_coverage households_reached'
		);
		expect((await communeFillLayers(page)).map((l) => l.shown)).toEqual([false, true, false]);
		const hamlets = await communeStates(page, 'hamlet_coverage');
		expect(Object.values(hamlets).every((c) => VALID_CLASS(c))).toBe(true);
		expect(Object.keys(hamlets).filter((c) => hamlets[c] !== after[c]).length).toBeGreaterThan(100);

		expect(tiles).toEqual([]);
		expect(await tileLoads()).toBe(0);
	});

	test('search "dinh hoa" finds Định Hoá (Thái Nguyên) and opens its panel', async ({ page }) => {
		await page.goto('/');
		await waitColoured(page);
		const box = page.getByRole('combobox', { name: 'Tìm xã, phường hoặc tỉnh' });
		await box.fill('dinh hoa');
		const wanted = page.getByRole('option', { name: /Xã Định Hoá\s*Thái Nguyên/ });
		await expect(wanted).toBeVisible();
		// Namesakes are told apart by their province.
		await expect(page.getByRole('option', { name: /Xã Định Hoá\s*Ninh Bình/ })).toBeVisible();
		// Keyboard only: move to the Thái Nguyên option, then Enter.
		for (let i = 0; i < 8 && (await wanted.getAttribute('aria-selected')) !== 'true'; i++) {
			await box.press('ArrowDown');
		}
		await expect(box).toHaveAttribute('aria-activedescendant', (await wanted.getAttribute('id'))!);
		await box.press('Enter');

		const panel = page.getByTestId('commune-panel');
		await expect(panel.getByRole('heading', { name: 'Xã Định Hoá' })).toBeVisible();
		await expect(panel).toContainText('Tỉnh Thái Nguyên · 05569');
		await expect(panel.getByTestId('team-count')).toContainText(/\d+ tổ/);
		// The default metric is a count: it says so, rather than "Mẫu số: …" of a rate.
		await expect(panel.getByTestId('current-figure')).toContainText('Số đếm, không phải tỷ lệ');
		await expect(panel.getByRole('link', { name: /Mở trang của Xã Định Hoá/ })).toHaveAttribute(
			'href',
			'/xa/05569'
		);
		await expect(page).toHaveURL(/province=19&commune=05569/);
		await expect.poll(() => isSelected(page, '05569')).toBe(true);
		await page.waitForTimeout(800); // the fly-to animation
		await waitMapSettled(page);
		await page.screenshot({ path: `${ARTIFACTS}/map-commune-panel.png` });
	});

	test('the URL reproduces metric, province view and selected commune', async ({
		page,
		browser
	}) => {
		await page.goto('/');
		await waitColoured(page);
		await page.getByRole('link', { name: 'Tỉnh Thái Nguyên' }).click();
		await expect(page).toHaveURL(/[?&]province=19/);
		await page.getByTestId('metric-picker').selectOption('households_reached');
		await waitColoured(page, 'households_reached');
		await page.getByTestId('ranking').getByRole('link', { name: 'Xã Định Hoá' }).click();
		await expect(page).toHaveURL(/metric=households_reached&province=19&commune=05569/);
		const url = page.url();

		const otherContext = await browser.newContext();
		await enableTestHooks(otherContext);
		const other = await otherContext.newPage();
		await other.goto(url);
		await expect(other.getByTestId('metric-picker')).toHaveValue('households_reached');
		await expect(other.getByRole('heading', { name: 'Tỉnh Thái Nguyên' })).toBeVisible();
		await expect(other.getByTestId('ranking').locator('caption')).toHaveText(
			'Xếp hạng xã, phường, đặc khu'
		);
		await expect(
			other.getByTestId('commune-panel').getByRole('heading', { name: 'Xã Định Hoá' })
		).toBeVisible();
		await waitColoured(other, 'households_reached');
		await expect.poll(() => isSelected(other, '05569')).toBe(true);
		// The province in view is outlined.
		await expect
			.poll(() =>
				other.evaluate(() => JSON.stringify(window.__tungNgoMap!.getFilter('province-selected')))
			)
			.toBe('["==",["get","code"],"19"]');
		// The map is zoomed in on the commune, inside Thái Nguyên.
		await expect
			.poll(() =>
				other.evaluate(() => {
					const m = window.__tungNgoMap!;
					const c = m.getCenter();
					return m.getZoom() > 8 && c.lng > 105.3 && c.lng < 106.2 && c.lat > 21.3 && c.lat < 22.3;
				})
			)
			.toBe(true);
		await other.context().close();
	});

	test('ranks the communes of a province, sortable by the current metric', async ({ page }) => {
		await page.goto('/?province=19');
		await waitColoured(page);
		const ranking = page.getByTestId('ranking');
		await expect(ranking.locator('tbody tr')).toHaveCount(92);
		const firstValue = () => ranking.locator('tbody tr').first().locator('td').nth(2).innerText();
		const valueHeader = ranking.locator('th[aria-sort]').nth(1);
		await expect(valueHeader).toHaveAttribute('aria-sort', 'descending');
		const top = Number(await firstValue());
		await ranking.getByTestId('sort-value').click();
		await expect(valueHeader).toHaveAttribute('aria-sort', 'ascending');
		const bottom = Number(await firstValue());
		expect(top).toBeGreaterThan(bottom);
		await page.waitForTimeout(800);
		await waitMapSettled(page);
		await page.screenshot({ path: `${ARTIFACTS}/map-province.png` });
	});

	test('a person’s browser gets no test hooks: the map is not on window', async ({ browser }) => {
		const context = await browser.newContext();
		const page = await context.newPage();
		await page.goto('/');
		await waitColoured(page);
		expect(
			await page.evaluate(() => ['__tungNgoMap', '__tungngoField'].filter((k) => k in window))
		).toEqual([]);
		await context.close();
	});

	test('a commune page renders on the server, without JavaScript, with share tags', async ({
		browser
	}) => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto('/xa/05569');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Xã Định Hoá');
		await expect(page.getByTestId('team-count')).toContainText(
			/Tổ công nghệ số đang hoạt động: \d+ tổ/
		);
		await expect(
			page.getByRole('term').filter({ hasText: 'Tỷ lệ hộ đã gặp được trong 12 tháng qua' })
		).toBeVisible();
		await expect(page.getByText('Số đếm, không phải tỷ lệ').first()).toBeVisible();
		await expect(page.locator('meta[property="og:title"]')).toHaveAttribute(
			'content',
			'Xã Định Hoá, Thái Nguyên — Từng Ngõ'
		);
		await expect(page.locator('meta[property="og:description"]')).toHaveAttribute(
			'content',
			/tổ công nghệ số đang hoạt động/
		);
		// The province page lists its communes with the chosen metric, also without JS.
		await page.goto('/tinh/19?metric=adoption_vneid');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tỉnh Thái Nguyên');
		const communes = page.getByTestId('province-communes');
		await expect(communes.locator('th').last()).toHaveText('Tỷ lệ người lớn dùng VNeID');
		await expect(communes.locator('tbody tr')).toHaveCount(92);
		await context.close();
	});

	test('reopens offline after a first visit, saying how old the data is', async ({
		page,
		context
	}) => {
		await page.goto('/xa/05569');
		await page.goto('/?province=19');
		await waitColoured(page);
		await expect(page.locator('html')).toHaveAttribute('data-offline-ready', 'true', {
			timeout: 30_000
		});
		// The commune page again, now through the worker, so it is kept too.
		await page.goto('/xa/05569');
		await page.goto('/?province=19');
		await waitColoured(page);

		await context.setOffline(true);
		await page.reload();
		await waitColoured(page);
		await expect(page.getByTestId('offline-notice')).toContainText(
			/Đang ngoại tuyến — dữ liệu từ \d{2}:\d{2} \d{2}\/\d{2}\/\d{4}/
		);
		const states = Object.values(await communeStates(page));
		expect(states.length).toBeGreaterThan(90);
		expect(states.every(VALID_CLASS)).toBe(true);
		await page.goto('/xa/05569');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Xã Định Hoá');
		await context.setOffline(false);
	});

	for (const path of ['/', '/?province=19&commune=05569', '/xa/05569', '/tinh/19']) {
		test(`has no serious accessibility violations: ${path}`, async ({ page }) => {
			await page.goto(path);
			if (!path.startsWith('/xa') && !path.startsWith('/tinh')) await waitColoured(page);
			const results = await new AxeBuilder({ page }).analyze();
			const serious = results.violations
				.filter((v) => v.impact === 'serious' || v.impact === 'critical')
				.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
			expect(serious).toEqual([]);
		});
	}
});
