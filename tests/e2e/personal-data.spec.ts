/**
 * Issue 13, end to end: a commune admin finds a household due for retention review, exports
 * everything held about it (a JSON file downloads with its data), erases it with a reason (it
 * leaves the list), and the audit log shows both in Vietnamese with the reason, not the data.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from './support/test-hooks.ts';
import { queryE2eDb, runScript } from './support/e2e-db.ts';
import { login } from './support/login.ts';

const ADMIN = { login: 'xa05569@demo.tungngo.vn', password: 'demo-quan-tri-xa' };
const ID = `e2e-pd-${Date.now().toString(36)}`;
const ADDRESS = `Số 99, ngõ ${Date.now() % 1000}, phố Thử Nghiệm`;
const NAME = 'Trần Văn Thử';
const PHONE = '0987000111';

test.beforeAll(() => {
	runScript('scripts/create-admin.ts', '--demo');
	const threeYearsAgo = Date.now() - 3 * 365 * 86_400_000;
	// A household of Định Hoá, never visited, added three years ago: due for review. Flagged as
	// demo so that the next demo seed removes it (and its erased placeholder) with the rest.
	queryE2eDb(
		`INSERT INTO households (id, province_code, commune_code, address, address_key, alley_key,
			location_status, adults, head_name, head_phone, consent, is_demo, created_at)
		VALUES ('${ID}', '19', '05569', '${ADDRESS}', '${ID}', '${ID}', 'needs_check', 2, '${NAME}',
			'${PHONE}', 1, 1, ${threeYearsAgo})`,
		{ province: '19' }
	);
});

test('a commune admin exports and erases a household due for review, and the log says so', async ({
	page
}) => {
	await login(page, ADMIN, /\/quan-ly$/);
	await page.goto('/quan-ly/xa/05569');
	await page.getByRole('link', { name: /Dữ liệu cá nhân/ }).click();
	await expect(page).toHaveURL(/\/quan-ly\/xa\/05569\/du-lieu-ca-nhan$/);
	await expect(page.getByRole('heading', { name: 'Xóa giữ lại gì, và lưu bao lâu' })).toBeVisible();
	const row = page.getByTestId('review-table').locator('tr', { hasText: ADDRESS });
	await expect(row).toContainText('Chưa thăm');

	// On a phone: the page does not scroll sideways, and every action is a 44 px target.
	await page.setViewportSize({ width: 390, height: 844 });
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
	for (const name of ['Giữ lại', 'Xuất dữ liệu', 'Xóa dữ liệu cá nhân']) {
		const box = await row.getByRole('button', { name }).boundingBox();
		expect(box!.height, name).toBeGreaterThanOrEqual(44);
	}
	await page.setViewportSize({ width: 1280, height: 720 });

	// Export: the reason is asked for first, then the file downloads with the household's data.
	await row.getByRole('button', { name: 'Xuất dữ liệu' }).click();
	const dialog = page.getByRole('dialog');
	await expect(dialog).toContainText(`Xuất toàn bộ dữ liệu về ${ADDRESS}`);
	await dialog.getByRole('button', { name: 'Tải tệp xuống' }).click();
	await expect(dialog.getByRole('alert')).toContainText('Hãy ghi lý do');
	await dialog.getByLabel(/Lý do/).fill('Người dân yêu cầu bản sao');
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		dialog.getByRole('button', { name: 'Tải tệp xuống' }).click()
	]);
	expect(download.suggestedFilename()).toMatch(
		new RegExp(`^tung-ngo-household-${ID}-\\d{4}-\\d{2}-\\d{2}\\.json$`)
	);
	const file = JSON.parse(readFileSync((await download.path())!, 'utf8'));
	expect(file.household).toMatchObject({ id: ID, headName: NAME, headPhone: PHONE });
	await expect(page.getByRole('status')).toContainText('Đã tải xuống');

	// Erase with a reason: it says what stays, then the household leaves the list.
	await row.getByRole('button', { name: 'Xóa dữ liệu cá nhân' }).click();
	await expect(dialog).toContainText('Không thể hoàn tác.');
	await expect(dialog).toContainText('số liệu công khai của xã không đổi');
	await dialog.getByLabel(/Lý do/).fill(`${NAME} chuyển đi, yêu cầu xóa`);
	await dialog.getByRole('button', { name: 'Xóa vĩnh viễn' }).click();
	await expect(page.getByRole('status')).toContainText('Đã xóa dữ liệu cá nhân của hộ');
	await expect(page.getByText(ADDRESS)).toHaveCount(0);
	await page.screenshot({ path: 'tests/artifacts/personal-data-review.png', fullPage: true });

	// The audit log: both actions in Vietnamese, the reason without the erased name.
	await page.goto('/quan-ly/nhat-ky?commune=05569');
	const table = page.getByTestId('audit-table');
	const erased = table.locator('tr', { hasText: 'Xóa dữ liệu cá nhân của một hộ' }).first();
	await expect(erased).toContainText('Lý do: … chuyển đi, yêu cầu xóa');
	await expect(
		table.locator('tr', { hasText: 'Xuất dữ liệu cá nhân của một hộ' }).first()
	).toContainText('Người dân yêu cầu bản sao');
	expect(await table.innerText()).not.toContain(NAME);
	await page.screenshot({ path: 'tests/artifacts/personal-data-audit.png', fullPage: true });
});

test('a commune admin exports and erases a team member from the team page', async ({ page }) => {
	const [team] = queryE2eDb<{ id: string }>(
		`SELECT id FROM teams WHERE commune_code = '05569' AND active = 1 ORDER BY name LIMIT 1`
	);
	// A member of a demo team, flagged as demo too: a real one would keep the demo from re-seeding.
	const memberId = `e2e-pdm-${Date.now().toString(36)}`;
	const name = `Lò Thị Xoá ${Date.now() % 1000}`;
	queryE2eDb(
		`INSERT INTO members (id, team_id, province_code, commune_code, full_name, phone,
			union_affiliation, onetouch_status, team_role, active, is_demo, created_at)
		VALUES ('${memberId}', '${team!.id}', '19', '05569', '${name}', NULL, 'tinh_nguyen',
			'chua_hoc', 'thanh_vien', 1, 1, ${Date.now()})`
	);
	await login(page, ADMIN, /\/quan-ly$/);
	await page.goto(`/quan-ly/to/${team!.id}`);
	const row = page.locator('tr', { hasText: name });
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		(async () => {
			await row.getByRole('button', { name: 'Xuất dữ liệu' }).click();
			const dialog = page.getByRole('dialog');
			await dialog.getByLabel(/Lý do/).fill('Thành viên yêu cầu bản sao');
			await dialog.getByRole('button', { name: 'Tải tệp xuống' }).click();
		})()
	]);
	const file = JSON.parse(readFileSync((await download.path())!, 'utf8'));
	expect(file.member).toMatchObject({ id: memberId, fullName: name });

	await row.getByRole('button', { name: 'Xóa dữ liệu cá nhân' }).click();
	const dialog = page.getByRole('dialog');
	await expect(dialog).toContainText('Cho thành viên nghỉ riêng');
	await dialog.getByLabel(/Lý do/).fill('Đã rời tổ, yêu cầu xóa');
	await dialog.getByRole('button', { name: 'Xóa vĩnh viễn' }).click();
	await expect(page.getByRole('status')).toContainText('Đã xóa dữ liệu cá nhân của thành viên');
	await expect(page.getByText(name)).toHaveCount(0);
	await expect(page.getByRole('cell', { name: 'Đã xóa dữ liệu cá nhân' }).first()).toBeVisible();
});

test('a commune admin erases a household opened from the planning map', async ({ page }) => {
	// A household of Định Hoá beside a located demo one, so it stands where the map shows it.
	const [near] = queryE2eDb<{ lon: number; lat: number }>(
		`SELECT lon, lat FROM households WHERE commune_code = '05569' AND lon IS NOT NULL
			AND erased_at IS NULL ORDER BY id LIMIT 1`,
		{ province: '19' }
	);
	const id = `e2e-pdp-${Date.now().toString(36)}`;
	const address = `Số 7, ngõ ${Date.now() % 1000}, phố Bản Đồ`;
	const [lon, lat] = [near!.lon + 0.0004, near!.lat + 0.0004];
	queryE2eDb(
		`INSERT INTO households (id, province_code, commune_code, address, address_key, alley_key,
			location_status, lon, lat, adults, head_name, head_phone, consent, is_demo, created_at)
		VALUES ('${id}', '19', '05569', '${address}', '${id}', '${id}', 'exact', ${lon}, ${lat}, 2,
			'Hà Thị Bản', '0987000222', 1, 1, ${Date.now()})`,
		{ province: '19' }
	);
	await login(page, ADMIN, /\/quan-ly$/);
	await page.goto('/quan-ly/xa/05569/ke-hoach');
	await page.waitForFunction(() => window.__tungNgoPlanMap?.isStyleLoaded());
	// Close in on the household (no clusters at this zoom), then tap it in the middle of the map.
	await page.evaluate(
		([lon, lat]) => {
			const m = window.__tungNgoPlanMap!;
			m.jumpTo({ center: [lon!, lat!], zoom: 19 });
			return new Promise((done) => m.once('idle', done));
		},
		[lon, lat]
	);
	const box = (await page.locator('.maplibregl-canvas').boundingBox())!;
	await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
	const panel = page.getByRole('region', { name: 'Dữ liệu cá nhân' });
	await expect(panel).toBeVisible();
	await panel.getByRole('button', { name: 'Xóa dữ liệu cá nhân' }).click();
	const dialog = page.getByRole('dialog');
	await expect(dialog).toContainText(address);
	await dialog.getByLabel(/Lý do/).fill('Hộ yêu cầu xóa dữ liệu');
	await page.screenshot({ path: 'tests/artifacts/personal-data-plan.png' });
	await dialog.getByRole('button', { name: 'Xóa vĩnh viễn' }).click();
	await expect(page.getByText('Đã xóa dữ liệu cá nhân của hộ')).toBeVisible();
	await expect(panel).toHaveCount(0);
	expect(
		queryE2eDb<{ n: number }>(`SELECT COUNT(*) AS n FROM households WHERE id = '${id}'`, {
			province: '19'
		})[0]!.n
	).toBe(0);
});
