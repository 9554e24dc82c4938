import { chromium, expect, test } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

test('Chromium finds the app installable (no installability errors) and serves the manifest and icons', async ({
	baseURL
}) => {
	test.setTimeout(90_000);
	// A persistent (non-incognito) profile: Chromium never offers installs in incognito.
	const dir = mkdtempSync(join(tmpdir(), 'tungngo-pwa-'));
	const context = await chromium.launchPersistentContext(dir, {
		executablePath: chromiumPath,
		baseURL,
		args: ['--no-sandbox', '--disable-background-networking', '--no-first-run']
	});
	try {
		const page = await context.newPage();
		await page.goto('/thuc-dia');
		await page.waitForFunction(() => !!navigator.serviceWorker?.controller, undefined, {
			timeout: 60_000
		});
		const cdp = await context.newCDPSession(page);
		const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
			installabilityErrors: { errorId: string }[];
		};
		expect(installabilityErrors).toEqual([]);
		const { url, errors } = (await cdp.send('Page.getAppManifest')) as {
			url: string;
			errors: unknown[];
		};
		expect(url).toMatch(/\/manifest\.webmanifest$/);
		expect(errors).toEqual([]);
		const manifest = await (await page.request.get('/manifest.webmanifest')).json();
		expect(manifest).toMatchObject({
			name: 'Từng Ngõ — Tổ công nghệ số cộng đồng',
			short_name: 'Từng Ngõ',
			lang: 'vi',
			display: 'standalone',
			start_url: '/thuc-dia?source=pwa'
		});
		expect(manifest.shortcuts[0]).toMatchObject({
			name: 'Tuyến của tôi',
			url: '/thuc-dia?source=shortcut'
		});
		expect(manifest.icons.some((i: { purpose: string }) => i.purpose === 'maskable')).toBe(true);
		for (const icon of [...manifest.icons, ...manifest.shortcuts[0].icons]) {
			const res = await page.request.get(icon.src);
			expect(res.status(), icon.src).toBe(200);
			expect(res.headers()['content-type']).toBe('image/png');
		}
	} finally {
		await context.close();
		rmSync(dir, { recursive: true, force: true });
	}
});

test('offers the browser’s install prompt behind a button', async ({ page }) => {
	await page.goto('/thuc-dia');
	await expect(page.getByTestId('sync-panel')).toBeVisible();
	await page.evaluate(() => {
		const e = new Event('beforeinstallprompt') as Event & {
			prompt(): Promise<void>;
			userChoice: Promise<unknown>;
		};
		e.prompt = async () => void ((window as unknown as { prompted: boolean }).prompted = true);
		e.userChoice = Promise.resolve({ outcome: 'accepted' });
		window.dispatchEvent(e);
	});
	await page.getByTestId('install-button').click();
	await expect(page.getByTestId('installed')).toBeVisible();
	expect(await page.evaluate(() => (window as unknown as { prompted: boolean }).prompted)).toBe(
		true
	);
});

test.describe('inside Zalo’s in-app browser on an iPhone', () => {
	test.use({
		userAgent:
			'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Zalo iOS/24.03'
	});
	test('warns that stored visits may be lost and explains how to install on iOS', async ({
		page
	}) => {
		await page.goto('/thuc-dia');
		await expect(page.getByTestId('in-app-warning')).toContainText('trình duyệt của Zalo');
		await expect(page.getByTestId('ios-install')).toContainText('Thêm vào MH chính');
	});
});
