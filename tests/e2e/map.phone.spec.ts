import { expect, test } from './support/test-hooks.ts';
import { communeStates, waitColoured, waitMapSettled } from './support/map.ts';

test.describe('public map on a phone', () => {
	test('shows every commune coloured, the legend below the map, and a tappable search', async ({
		page
	}) => {
		await page.goto('/');
		await waitColoured(page);
		expect(Object.keys(await communeStates(page))).toHaveLength(3321);
		const map = await page.getByTestId('coverage-map').boundingBox();
		const legend = await page.getByTestId('map-legend').boundingBox();
		expect(legend!.y).toBeGreaterThanOrEqual(map!.y + map!.height - 1); // not over the map
		const search = await page
			.getByRole('combobox', { name: 'Tìm xã, phường hoặc tỉnh' })
			.boundingBox();
		expect(search!.height).toBeGreaterThanOrEqual(44);
		await waitMapSettled(page); // labels placed too
		await page.screenshot({ path: 'tests/artifacts/map-national-phone.png' });
		await page.getByTestId('metric-picker').selectOption('adoption_vneid');
		await waitColoured(page, 'adoption_vneid');
	});
});
