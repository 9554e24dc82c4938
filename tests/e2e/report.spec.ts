/**
 * The report of a commune (issue 16 §5), as people use it: the commune admin of Định Hoá
 * submits the last closed month's report, the province admin of Thái Nguyên approves it, and the
 * public opens it — its numbers the map's — and prints it: Chromium's PDF and a screenshot of
 * the print layout are saved under test-results/ (looked at by a person), and the CSV and XLSX
 * downloads' numbers equal the map's month payload.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { expect as baseExpect, test, type Browser, type Page } from '@playwright/test';
import Papa from 'papaparse';
import readXlsxFile from 'read-excel-file/node';
import { addMonths, monthOf } from '../../src/lib/domain/metric-months.ts';
import type { MetricPayload } from '../../src/lib/domain/metric-payload.ts';

// Three people's sessions in one test, on a machine shared with other runs: more time than one page.
const expect = baseExpect.configure({ timeout: 20_000 });
test.slow();

const COMMUNE = '05569';
const M = addMonths(monthOf(Date.now()), -1); // the last closed month
const URL = `/bao-cao/${COMMUNE}/${M}`;

async function signedIn(browser: Browser, login: string, password: string): Promise<Page> {
	const page = await (await browser.newContext()).newPage();
	await page.goto('/dang-nhap');
	await page.getByLabel('Số điện thoại hoặc email').fill(login);
	await page.getByLabel('Mật khẩu').fill(password);
	await page.getByRole('button', { name: 'Đăng nhập' }).click();
	await expect(page).not.toHaveURL(/dang-nhap/);
	return page;
}

const badge = (page: Page) => page.locator('.state .badge');
const cell = (page: Page, key: string) =>
	page.locator(`table.figures tr[data-metric="${key}"] td.num`).first();

test('a commune admin submits a report, the province admin approves it, the public prints it', async ({
	browser,
	page,
	request
}) => {
	const commune = await signedIn(browser, 'xa05569@demo.tungngo.vn', 'demo-quan-tri-xa');
	await commune.goto(URL);
	await expect(commune.getByRole('heading', { level: 1 })).toHaveText('Báo cáo của Xã Định Hoá');
	await expect(badge(commune)).toHaveText('Chưa gửi');
	await commune.getByRole('button', { name: 'Gửi báo cáo lên tỉnh' }).click();
	await expect(badge(commune)).toHaveText('Đã gửi, chờ duyệt');
	await expect(commune.getByRole('button', { name: 'Gửi báo cáo lên tỉnh' })).toHaveCount(0);

	// Before approval the public sees nothing.
	expect((await page.goto(URL))?.status()).toBe(404);

	const province = await signedIn(browser, 'tinh19@demo.tungngo.vn', 'demo-quan-tri-tinh');
	await province.goto(URL);
	await expect(badge(province)).toHaveText('Đã gửi, chờ duyệt');
	await province.getByRole('button', { name: 'Duyệt báo cáo' }).click();
	await expect(badge(province)).toHaveText('Đã duyệt');

	await page.goto(URL);
	await expect(badge(page)).toHaveText('Đã duyệt');
	await expect(page.getByText('Phiên bản 1')).toBeVisible();
	// The public list shows it.
	await page.goto('/bao-cao');
	await expect(page.getByRole('link', { name: 'Xã Định Hoá' }).first()).toBeVisible();
	await page.goto(URL);

	// Every shown number is the map's for that month.
	for (const key of ['helped_vneid', 'households_reached', 'teams']) {
		const map = (await (
			await request.get(`/api/metrics/communes?metric=${key}&month=${M}`)
		).json()) as MetricPayload;
		const text = (await cell(page, key).textContent())!.trim();
		if (COMMUNE in map.values) {
			const v = map.values[COMMUNE]!;
			const expected =
				map.kind === 'proportion'
					? new Intl.NumberFormat('vi-VN', { style: 'percent', maximumFractionDigits: 1 }).format(v)
					: new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format(v);
			expect(text.replace(/\s/g, ' ')).toBe(expected.replace(/\s/g, ' '));
		} else expect(text).toBe(map.suppressed.includes(COMMUNE) ? 'ẩn (số nhỏ)' : 'chưa có dữ liệu');
	}

	// The CSV of the approved version: the same numbers as the map's payload.
	const csvHref = await page.getByRole('link', { name: 'Tải CSV' }).getAttribute('href');
	const csv = await (await request.get(csvHref!)).text();
	const rows = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
	const helped = rows.find((r) => r[4] === 'helped_vneid')!;
	const map = (await (
		await request.get(`/api/metrics/communes?metric=helped_vneid&month=${M}`)
	).json()) as MetricPayload;
	expect(helped[7]).toBe(COMMUNE in map.values ? String(map.values[COMMUNE]) : '');

	// The XLSX, opened: every figure's value, as a number, equals the map's month payload.
	const xlsxHref = await page.getByRole('link', { name: 'Tải XLSX (Excel)' }).getAttribute('href');
	const sheets = await readXlsxFile(Buffer.from(await (await request.get(xlsxHref!)).body()));
	const [, ...xlsxRows] = sheets[0]!.data;
	for (const key of ['helped_vneid', 'households_reached', 'teams']) {
		const payload = (await (
			await request.get(`/api/metrics/communes?metric=${key}&month=${M}`)
		).json()) as MetricPayload;
		const row = xlsxRows.find((r) => r[4] === key)!;
		expect([key, row[7] ?? null]).toEqual([key, payload.values[COMMUNE] ?? null]);
	}

	// Print: no navigation or buttons, A4 pages from Chromium's own PDF.
	mkdirSync('test-results', { recursive: true });
	await page.emulateMedia({ media: 'print' });
	await expect(page.locator('header.top')).toBeHidden();
	await expect(page.getByRole('button', { name: 'In hoặc lưu PDF' })).toBeHidden();
	await expect(page.locator('.report-foot')).toContainText('Nguồn: Từng Ngõ');
	await page.screenshot({ path: 'test-results/report-print.png', fullPage: true });
	const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
	writeFileSync('test-results/report.pdf', pdf);
	const text = pdf.toString('latin1');
	expect(text.startsWith('%PDF-')).toBe(true);
	// A4 portrait: 595 × 842 points.
	expect(text).toMatch(/\/MediaBox \[0 0 59[45](\.\d+)? 84[12](\.\d+)?\]/);
	expect((text.match(/\/Type \/Page\b/g) ?? []).length).toBeGreaterThanOrEqual(1);
});
