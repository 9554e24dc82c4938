/**
 * Official statistics (issue 16 §2) as a province admin uses them: the file keyed by the old
 * (pre-2025) commune codes of Định Hoá's four old communes is checked, imported, and the figure —
 * their sum, on the new commune — shows on the public map as "Số liệu chính thức" with its source.
 */
import { expect as baseExpect, test } from './support/test-hooks.ts';
import { waitColoured } from './support/map.ts';
import { addMonths, monthOf } from '../../src/lib/domain/metric-months.ts';
import type { MetricPayload } from '../../src/lib/domain/metric-payload.ts';

const expect = baseExpect.configure({ timeout: 20_000 });

const MONTH = addMonths(monthOf(Date.now()), -1);
// Xã Định Hoá (05569) was made of these four old communes, all whole (the crosswalk's "full").
const OLD = { '05554': 1200, '05560': 900, '05569': 2100, '05572': 800 };
const SOURCE = 'Công an tỉnh Thái Nguyên (thử nghiệm e2e)';
const csv =
	'\uFEFFMã xã mới,Mã xã cũ (trước 2025),Tháng (YYYY-MM),Dịch vụ,Số liệu,Nguồn,Ghi chú\n' +
	Object.entries(OLD)
		.map(([code, n]) => `,${code},${MONTH},vneid,${n},${SOURCE},`)
		.join('\n') +
	'\n';

test('a province admin imports official figures by old commune codes and sees them on the map', async ({
	page,
	request
}) => {
	await page.goto('/dang-nhap');
	await page.getByLabel('Số điện thoại hoặc email').fill('tinh19@demo.tungngo.vn');
	await page.getByLabel('Mật khẩu').fill('demo-quan-tri-tinh');
	await page.getByRole('button', { name: 'Đăng nhập' }).click();
	await expect(page).not.toHaveURL(/dang-nhap/);

	await page.goto('/quan-ly/so-lieu-chinh-thuc');
	await page.getByTestId('official-file').setInputFiles({
		name: 'so-lieu-chinh-thuc.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from(csv, 'utf8')
	});
	// Checked first (nothing written), then imported on request.
	const commit = page.getByRole('button', { name: /^Nhập \d+ số liệu$/ });
	await expect(commit).toBeVisible();
	await commit.click();
	await expect(page.getByTestId('official-message')).toBeVisible();
	await page.screenshot({ path: 'tests/artifacts/official-import.png', fullPage: true });

	// The public figure: the four old communes summed on the new one, with its source.
	const res = await request.get(`/api/metrics/communes?metric=official_vneid&month=${MONTH}`);
	const payload = (await res.json()) as MetricPayload;
	expect(payload.values['05569']).toBe(1200 + 900 + 2100 + 800);

	await page.goto('/?metric=official_vneid&province=19&commune=05569');
	await waitColoured(page, 'official_vneid');
	await expect(page.getByTestId('map-legend')).toContainText('Số liệu chính thức');
	await expect(page.getByTestId('map-legend')).toContainText(SOURCE);
	await expect(page.getByTestId('current-figure')).toContainText('5.000');
	await page.screenshot({ path: 'tests/artifacts/official-map.png' });
});
