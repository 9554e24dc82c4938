import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	// workbox-window ships CommonJS for Node: the dev server's SSR must bundle it to read its
	// named exports (the production build already does).
	ssr: { noExternal: ['workbox-window'] },
	test: {
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					include: ['tests/unit/**/*.test.ts'],
					environment: 'node'
				}
			},
			{
				extends: true,
				test: {
					name: 'api',
					include: ['tests/api/**/*.test.ts'],
					environment: 'node',
					globalSetup: ['tests/api/global-setup.ts'],
					testTimeout: 120_000,
					hookTimeout: 300_000,
					// Each file opens its own local D1 (workerd); two cores → two at a time.
					maxWorkers: 2
				}
			}
		]
	}
});
