import { defineConfig, devices } from '@playwright/test';

/**
 * End-to-end tests in Debian's Chromium (Playwright cannot download its own browser here),
 * against the built worker served by wrangler dev on a dedicated local D1 state
 * (.wrangler/e2e, prepared by `npm run test:e2e`).
 */
const PORT = Number(process.env.E2E_PORT ?? 8788);
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
	testDir: 'tests/e2e',
	outputDir: 'test-results',
	fullyParallel: false,
	workers: 1,
	retries: 0,
	forbidOnly: true,
	timeout: 60_000,
	reporter: [['list']],
	use: {
		baseURL: `http://127.0.0.1:${PORT}`,
		locale: 'vi-VN',
		timezoneId: 'Asia/Ho_Chi_Minh',
		trace: 'retain-on-failure',
		launchOptions: {
			executablePath: chromium,
			args: [
				'--use-angle=swiftshader',
				'--enable-unsafe-swiftshader',
				'--no-sandbox',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--no-first-run'
			]
		}
	},
	projects: [
		{
			name: 'desktop',
			use: { ...devices['Desktop Chrome'], channel: undefined },
			// *.phone.spec.ts assert a phone layout; they run in the phone project only.
			testIgnore: /.*\.phone\.spec\.ts/
		},
		{
			name: 'phone',
			use: { ...devices['Pixel 7'], channel: undefined },
			testMatch: /.*\.phone\.spec\.ts/
		}
	],
	webServer: {
		command: `node node_modules/wrangler/bin/wrangler.js dev --port ${PORT} --ip 127.0.0.1 --persist-to .wrangler/e2e --test-scheduled`,
		url: `http://127.0.0.1:${PORT}/api/health`,
		// A server left on the port (an interrupted run) would serve another database: fail
		// instead ("already used"), unless a developer opts in with E2E_REUSE_SERVER=1.
		reuseExistingServer: process.env.E2E_REUSE_SERVER === '1',
		timeout: 120_000,
		stdout: 'ignore',
		stderr: 'pipe',
		env: { CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_SEND_METRICS: 'false' }
	}
});
