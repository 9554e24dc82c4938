/** Playwright for browser benchmarks (bench/e2e/*.bench.ts): the e2e config, another folder. */
import { defineConfig } from '@playwright/test';
import { join } from 'node:path';
import base from '../../playwright.config.ts';

const root = join(import.meta.dirname, '..', '..');
const server = Array.isArray(base.webServer) ? base.webServer[0] : base.webServer;

export default defineConfig({
	...base,
	testDir: join(root, 'bench', 'e2e'),
	testMatch: /.*\.bench\.ts/,
	outputDir: join(root, 'test-results', 'bench'),
	webServer: server ? { ...server, cwd: root } : undefined
});
