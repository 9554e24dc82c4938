/** Issue 13, on a 390 px phone: the province page and the printed invite fit and read well. */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { login } from './support/login.ts';

const ARTIFACTS = 'tests/artifacts';
const PHONE = { width: 390, height: 844 };
test.use({ viewport: PHONE });

/** Words of `scope`'s text (links and screen-only parts aside) that run over two lines. */
function wordsBrokenAcrossLines(scope: Locator): Promise<string[]> {
	return scope.evaluate((root) => {
		const broken: string[] = [];
		const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
		for (let n = walker.nextNode(); n; n = walker.nextNode()) {
			if (n.parentElement?.closest('a, .no-print')) continue;
			for (const m of (n.textContent ?? '').matchAll(/\S+/g)) {
				const range = document.createRange();
				range.setStart(n, m.index);
				range.setEnd(n, m.index + m[0].length);
				const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.bottom)));
				if (lines.size > 1) broken.push(m[0]);
			}
		}
		return broken;
	});
}

/** How far the page is wider than the phone (a mobile browser widens its layout to fit it). */
const pageWidth = (page: Page) =>
	page.evaluate((w) => document.documentElement.scrollWidth - w, PHONE.width);

test('the province page fits a phone, whatever metric is chosen', async ({ page }) => {
	for (const metric of ['teams', 'adoption_public_services', 'helped_scam_awareness']) {
		await page.goto(`/tinh/19?metric=${metric}`);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tỉnh Thái Nguyên');
		expect(await pageWidth(page), metric).toBeLessThanOrEqual(0);
		const select = await page.getByLabel('Chỉ số trong bảng').boundingBox();
		expect(select!.x + select!.width).toBeLessThanOrEqual(PHONE.width);
	}
	await page.getByLabel('Chỉ số trong bảng').scrollIntoViewIfNeeded();
	await page.screenshot({ path: `${ARTIFACTS}/province-phone.png` });
});

test('a printed invite breaks lines between words, never inside one', async ({ page }) => {
	await login(
		page,
		{ login: 'xa05569@demo.tungngo.vn', password: 'demo-quan-tri-xa' },
		/\/quan-ly$/
	);
	await page.goto('/quan-ly/xa/05569');
	await page.locator('table a[href^="/quan-ly/to/"]').first().click();
	await expect(page).toHaveURL(/\/quan-ly\/to\//);
	// The members' table scrolls within the page; the page itself fits the phone.
	expect(await pageWidth(page)).toBeLessThanOrEqual(0);
	await page
		.getByLabel('Ghi chú in trên lời mời')
		.fill('Mời anh chị tham gia Tổ công nghệ số cộng đồng, hướng dẫn bà con cài đặt VNeID');
	await page.getByRole('button', { name: 'Tạo lời mời' }).click();
	const card = page.getByTestId('invite-card');
	await expect(card.getByRole('img', { name: 'Quét mã QR để tham gia' })).toBeVisible();
	await expect(card).toContainText('Thành viên · Xã Định Hoá, Tỉnh Thái Nguyên');
	expect(await wordsBrokenAcrossLines(card)).toEqual([]);
	expect(await pageWidth(page)).toBeLessThanOrEqual(0);
	await card.screenshot({ path: `${ARTIFACTS}/invite-card-phone.png` });

	await page.emulateMedia({ media: 'print' });
	expect(await wordsBrokenAcrossLines(card)).toEqual([]);
	await page.screenshot({ path: `${ARTIFACTS}/invite-print-phone.png`, fullPage: true });
});
