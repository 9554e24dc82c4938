/**
 * The training library (issue 17 §3) on a desktop: anyone reads the guides and the large-type
 * mode; an admin publishes a new version (and gets every problem of a bad upload with its line),
 * and a member's saved guides follow the new version when online.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { login } from './support/login.ts';
import { loginMember, waitForServiceWorker } from './support/field.ts';

const VSSID = 'scripts/guides/vssid';
const vssidFiles = (guideMd: string) => [
	{ name: 'guide.md', mimeType: 'text/markdown', buffer: Buffer.from(guideMd, 'utf8') },
	...readdirSync(VSSID)
		.filter((f) => f.endsWith('.svg'))
		.map((name) => ({ name, mimeType: 'image/svg+xml', buffer: readFileSync(join(VSSID, name)) }))
];

test('anyone reads a guide and shows it step by step in large type', async ({ page }) => {
	await page.goto('/huong-dan');
	await expect(page.getByTestId('guide-list').getByRole('listitem')).toHaveCount(6);
	await page.screenshot({ path: 'test-results/guides-list-desktop.png', fullPage: true });
	await page.getByRole('link', { name: /Cài VNeID và kích hoạt/ }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Cài VNeID và kích hoạt/);
	await expect(page.getByRole('link', { name: 'Nền tảng OneTouch' })).toBeVisible();
	await page.screenshot({ path: 'test-results/guides-page-desktop.png', fullPage: true });
	await page.getByTestId('guide-show').click();
	const large = page.getByTestId('guide-large');
	await expect(large.getByTestId('guide-large-count')).toHaveText('Bước 1/6');
	await page.keyboard.press('ArrowRight');
	await expect(large.getByTestId('guide-large-count')).toHaveText('Bước 2/6');
	await page.screenshot({ path: 'test-results/guides-large-desktop.png' });
	await page.keyboard.press('Escape');
	await expect(large).toHaveCount(0);
});

test('an admin publishes a new version, a bad upload is refused line by line, and a saved phone copy follows when online', async ({
	browser,
	page
}) => {
	test.setTimeout(120_000);
	// A member's phone has the guides saved.
	const phone = await browser.newContext();
	await loginMember(phone);
	const member = await phone.newPage();
	await member.goto('/thuc-dia');
	await waitForServiceWorker(member);
	await member.getByTestId('guides-save').click();
	// Downloads on a shared CI machine: up to 30 s.
	await expect(member.getByTestId('guides-saved')).toContainText('Đã lưu 6 hướng dẫn', {
		timeout: 30_000
	});

	await login(page, { login: 'admin@demo.tungngo.vn', password: 'demo-quan-tri' });
	await page.goto('/quan-ly/huong-dan');
	const original = readFileSync(join(VSSID, 'guide.md'), 'utf8');
	const input = page.getByTestId('guide-upload').locator('input[type=file]');

	// A step without text and a picture that is not in the upload: both named, nothing published.
	const broken = original
		.replace(
			'Vào mục "Thẻ BHYT". Khi đi khám bệnh, người dân mở thẻ này cho nhân viên y tế xem, không cần mang thẻ giấy.\n',
			''
		)
		.replace('(qua-trinh.svg)', '(khong-co.svg)');
	await input.setInputFiles(vssidFiles(broken));
	await page.getByRole('button', { name: 'Đăng hướng dẫn' }).click();
	const errors = page.getByTestId('guide-upload-errors');
	await expect(errors).toContainText('chưa đăng gì');
	await expect(errors.getByRole('row', { name: /Bước chưa có lời hướng dẫn/ })).toContainText('19');
	await expect(errors.getByRole('row', { name: /khong-co\.svg/ })).toContainText(
		'Không có tệp này'
	);
	await page.screenshot({ path: 'test-results/guides-admin-errors.png', fullPage: true });

	const title = `Cài VssID – Bảo hiểm xã hội số (sửa ${Date.now()})`;
	await input.setInputFiles(vssidFiles(original.replace(/^title: .*$/m, `title: ${title}`)));
	await page.getByRole('button', { name: 'Đăng hướng dẫn' }).click();
	await expect(page.getByTestId('guide-upload-message')).toContainText(
		/Đã đăng "vssid" phiên bản \d+/
	);
	const history = page.getByTestId('guide-admin-vssid');
	await expect(history.getByRole('row').nth(1)).toContainText(title);
	await expect(history.getByRole('row').nth(1)).toContainText('Quản trị (demo)');
	await page.screenshot({ path: 'test-results/guides-admin-desktop.png', fullPage: true });

	// Online again on the phone: the saved copy is brought up to the new version.
	await member.reload();
	await expect(member.getByTestId('guides-panel')).toContainText(
		'Đã cập nhật 1 hướng dẫn lên phiên bản mới.',
		{ timeout: 30_000 }
	);
	const saved = await member.evaluate(async () => {
		const res = await (await caches.open('tungngo-guides-v1')).match('/__guides/saved.json');
		return ((await res!.json()) as { guides: { slug: string; title: string }[] }).guides.find(
			(g) => g.slug === 'vssid'
		)!.title;
	});
	expect(saved).toBe(title);
	await phone.close();
});
