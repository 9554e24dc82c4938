import adapter from '@sveltejs/adapter-cloudflare';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { createHash } from 'node:crypto';
import { SNAPSHOT_SCRIPT } from './src/lib/map/first-paint-snapshot.js';

/** The one inline script of ours (a return visit's first paint), allowed by its hash. */
const snapshotScriptHash = `sha256-${createHash('sha256').update(SNAPSHOT_SCRIPT).digest('base64')}`;

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({
			// Where to write the worker (wrangler.kit.toml); wrangler.toml's main wraps it.
			config: 'wrangler.kit.toml',
			platformProxy: { configPath: 'wrangler.toml', persist: true }
		}),
		serviceWorker: { register: false },
		// The pages' own stylesheets are small (≤ 7 KB each): inline in the HTML, they cost no
		// request before the first layout (the map canvas is sized by them), and SvelteKit's
		// start script is not held back behind a stylesheet (on a return visit the parser waited
		// ~300 ms at the phone's slowdown for the map page's 5,6 KB from the service worker).
		inlineStyleThreshold: 8192,
		// Page CSP with nonces for SvelteKit's inline scripts and a hash for the first paint's
		// (src/lib/map/first-paint-snapshot.js); no 'unsafe-eval'. MapLibre needs
		// blob: workers and data:/blob: images; styles are inline (Svelte, MapLibre). The API
		// sets its own stricter CSP; hooks.server.ts adds a configured base map host.
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self', /** @type {`sha256-${string}`} */ (snapshotScriptHash)],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'worker-src': ['self', 'blob:'],
				'child-src': ['self', 'blob:'],
				'manifest-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		}
	}
};

export default config;
