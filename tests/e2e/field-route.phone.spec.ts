import type { BrowserContext, Page } from '@playwright/test';
import { enableTestHooks, expect, test } from './support/test-hooks.ts';
import { queryE2eDb } from './support/e2e-db.ts';
import { F, loginMember, resetFieldFixture, waitForServiceWorker } from './support/field.ts';

const ROUTE = F.routes[0];
const hh = (n: number) => `${F.householdPrefix}${ROUTE.id}-${n}`;
/** Degrees as the directions URL writes them (6 decimals). */
const deg = (v: number) => String(Number(v.toFixed(6)));

/** The first house's point (the fixture puts the route around the commune's label point). */
let first: { lon: number; lat: number };
/** The member stands about 115 m south-west of house 1, so house 1 lies north-east. */
const memberAt = () => ({ longitude: first.lon - 0.0008, latitude: first.lat - 0.0007 });

test.beforeAll(() => {
	resetFieldFixture();
	// The database's seq is a sort key: make it gappy (as a cancelled route's kept stops leave
	// it) so the numbers 1…n can only come from the walking order.
	queryE2eDb(`UPDATE route_stops SET seq = seq + 1000 WHERE route_id = '${ROUTE.id}'`, {
		province: F.provinceCode
	});
	queryE2eDb(`UPDATE route_stops SET seq = (seq - 1000) * 3 + 2 WHERE route_id = '${ROUTE.id}'`, {
		province: F.provinceCode
	});
	// House 4 was met on no route (e.g. at the cultural house): not done for this route.
	const at = Date.now() - 86_400_000;
	queryE2eDb(
		`INSERT INTO visits (id, province_code, commune_code, household_id, route_id,
		visited_at, outcome, adults, people_helped, payload_hash, received_at)
		VALUES ('e2e-field-elsewhere', '${F.provinceCode}', '${F.communeCode}', '${hh(4)}', NULL,
		${at}, 'met', 3, 1, 'e2e', ${at})`,
		{ province: F.provinceCode }
	);
	queryE2eDb(
		`UPDATE households SET last_visit_id = 'e2e-field-elsewhere', last_outcome = 'met',
		last_visit_at = ${at} WHERE id = '${hh(4)}'`,
		{ province: F.provinceCode }
	);
	first = queryE2eDb<{ lon: number; lat: number }>(
		`SELECT lon, lat FROM households WHERE id = '${hh(1)}'`,
		{ province: F.provinceCode }
	)[0]!;
});

/** The numbers the route map has drawn on its dots (MapLibre's rendered symbols). */
function mapNumbers(page: Page) {
	return page.evaluate(() =>
		window
			.__tungNgoRouteMap!.queryRenderedFeatures(undefined, { layers: ['route-stop-numbers'] })
			.map((f) => Number(f.properties['n']))
			.sort((a, b) => a - b)
	);
}

/** A house of the list. */
const row = (page: Page, id: string) =>
	page.locator(`[data-testid="household"][data-household-id="${id}"]`);

function renderedCount(page: Page, layer: string) {
	return page.evaluate(
		(l) => window.__tungNgoRouteMap!.queryRenderedFeatures(undefined, { layers: [l] }).length,
		layer
	);
}

function ringed(page: Page, id: string) {
	return page.evaluate(
		(id) => window.__tungNgoRouteMap!.getFeatureState({ source: 'route-stops', id })['next'],
		id
	);
}

/** Every request URL and body the page sends: the member's position must be in none. */
function recordRequests(context: BrowserContext): string[] {
	const seen: string[] = [];
	context.on('request', (r) => seen.push(`${r.url()} ${r.postData() ?? ''}`));
	return seen;
}

test.use({ permissions: ['geolocation'] });

test('the member’s phone shows the stops numbered 1…n, its position and the next house, offline', async ({
	context,
	page
}) => {
	test.setTimeout(120_000);
	const requests = recordRequests(context);
	await loginMember(context);
	await page.goto('/thuc-dia');
	await waitForServiceWorker(page);
	const card = page.locator(`[data-route-id="${ROUTE.id}"]`);
	await card.getByTestId('save-offline').click();
	// The size is shown before anything is downloaded, the base map's part with it.
	await expect(card.getByTestId('save-plan')).toContainText(/Sẽ tải khoảng [\d,]+ (KB|MB)/);
	await expect(card.getByTestId('save-plan')).toContainText('bản đồ nền đường phố');
	await card.getByTestId('save-confirm').click();
	await expect(card.getByTestId('saved-info')).toContainText('Đã lưu');
	await expect(card.getByTestId('saved-info')).toContainText(
		/gồm bản đồ nền đường phố [\d,]+ (B|KB|MB)/
	);

	// No network from here on: the saved route, its tiles and glyphs, its base map, and GPS.
	await context.setGeolocation({ ...memberAt(), accuracy: 12 });
	await context.setOffline(true);
	await page.reload();
	await card.getByRole('link', { name: 'Mở tuyến' }).click();
	await expect(page.getByTestId('route-copy')).toContainText('Bản lưu ngoại tuyến');

	// Numbered 1…n in the list (the database's seq is 2, 5, 8…) and on the map alike.
	const numbers = ['1', '2', '3', '4', '5', '6'];
	await expect(page.getByTestId('stop-number')).toHaveText(numbers);
	await expect(page.getByTestId('route-map')).toHaveAttribute('data-ready', 'true');
	await expect.poll(() => mapNumbers(page)).toEqual(numbers.map(Number));
	// The base map saved with the route draws under the houses with no network at all.
	await expect(page.getByTestId('route-map')).toHaveAttribute('data-basemap', 'shown');
	await expect
		.poll(() =>
			page.evaluate(
				() =>
					window.__tungNgoRouteMap!.queryRenderedFeatures().filter((f) => f.source === 'protomaps')
						.length
			)
		)
		.toBeGreaterThan(0);
	await expect(page.getByTestId('basemap-notice')).toHaveCount(0);

	// One progress figure: house 4 was met elsewhere, so nothing is done on this route yet.
	await expect(page.getByTestId('route-progress')).toHaveText('Đã thăm 0/6 hộ');
	const four = row(page, hh(4));
	await expect(four).toHaveAttribute('data-met-elsewhere', 'yes');
	await expect(four.getByTestId('status-badge')).toHaveText('Đã gặp ở chuyến khác');

	// Without a position the next house is measured from the previous one (none for house 1).
	const next = page.getByTestId('next-stop');
	await expect(next.getByRole('heading')).toHaveText('Nhà tiếp theo: số 1');
	await expect(next).toContainText('Bật vị trí để biết nhà này cách bạn bao xa');

	// The reason is on screen before the tap that asks the browser.
	await expect(page.getByTestId('position-why')).toHaveText(
		'Cho phép xem vị trí để biết nhà tiếp theo cách bạn bao xa. Vị trí chỉ dùng trên máy này, không gửi đi.'
	);
	await page.getByRole('button', { name: 'Xem vị trí của tôi' }).click();
	await expect(page.getByTestId('position')).toHaveAttribute('data-state', 'watching');
	await expect(page.getByTestId('position')).toContainText('sai số khoảng 10 m');
	await expect(page.getByTestId('route-map')).toHaveAttribute('data-position', 'shown');
	await expect.poll(() => renderedCount(page, 'member-dot')).toBe(1);
	await expect.poll(() => renderedCount(page, 'member-accuracy')).toBe(1);

	// The next house: distance and direction from the member, an arrow, directions (Android).
	const way = next.getByTestId('next-way');
	await expect(way).toHaveAttribute('data-from', 'you');
	await expect(way).toHaveText(/^\s*Còn 1[01]0 m về phía Đông Bắc$/);
	const bearing = Number(await way.getAttribute('data-bearing'));
	expect(bearing).toBeGreaterThan(30);
	expect(bearing).toBeLessThan(60);
	await expect(way.getByRole('img', { name: 'Hướng Đông Bắc' })).toBeVisible();
	const at = `${deg(first.lat)},${deg(first.lon)}`;
	await expect(next.getByTestId('next-directions')).toHaveAttribute('href', `geo:${at}?q=${at}`);
	await expect(row(page, hh(1))).toHaveAttribute('data-next', 'yes');
	await expect.poll(() => ringed(page, hh(1))).toBe(true);

	// A visit on house 1 (still offline): it is done here, house 2 is next, 1/6.
	await next.getByRole('button', { name: 'Ghi lượt thăm' }).click();
	const form = page.getByTestId('visit-form');
	await form.getByText('Đã gặp', { exact: true }).click();
	await form.getByRole('button', { name: 'Lưu lượt thăm' }).click();
	await expect(page.getByTestId('saved-toast')).toHaveText('Đã lưu trên máy');
	await expect(page.getByTestId('route-progress')).toHaveText('Đã thăm 1/6 hộ');
	await expect(next.getByRole('heading')).toHaveText('Nhà tiếp theo: số 2');
	await expect(row(page, hh(1))).toHaveAttribute('data-on-route', 'yes');
	await expect(row(page, hh(1))).toContainText('3 người lớn · Đã ghi trên tuyến này');
	await expect(row(page, hh(2))).toHaveAttribute('data-next', 'yes');
	await expect.poll(() => ringed(page, hh(2))).toBe(true);
	expect(await ringed(page, hh(1))).toBe(false);
	await expect(way).toHaveText(/^\s*Còn \d+ m về phía [A-ZĐ]/);

	await expect(page.getByTestId('saved-toast')).toBeHidden({ timeout: 10_000 });
	await page.screenshot({ path: 'tests/artifacts/field-route-phone.png', fullPage: true });

	// Online again: the visit is sent; the member's position went nowhere.
	await context.setOffline(false);
	await page.evaluate(() => window.dispatchEvent(new Event('online')));
	await expect(page.getByTestId('pending-count')).toHaveAttribute('data-pending', '0', {
		timeout: 20_000
	});
	const { latitude, longitude } = memberAt();
	const leaks = requests.filter(
		(r) => r.includes(latitude.toFixed(4)) || r.includes(longitude.toFixed(4))
	);
	expect(leaks).toEqual([]);
});

test('a member who refuses the position is told how to allow it, and may try again', async ({
	browser
}) => {
	const context = await browser.newContext({ permissions: [] });
	await enableTestHooks(context);
	const page = await context.newPage();
	await loginMember(context);
	await page.goto(`/thuc-dia/tuyen/${ROUTE.id}`);
	await expect(page.getByTestId('household')).toHaveCount(ROUTE.stops);
	await page.getByRole('button', { name: 'Xem vị trí của tôi' }).click();
	await expect(page.getByTestId('position')).toHaveAttribute('data-state', 'denied');
	await expect(page.getByTestId('position-problem')).toContainText('Bạn chưa cho phép xem vị trí');
	await expect(page.getByRole('button', { name: 'Thử lại' })).toBeVisible();
	await context.close();
});
