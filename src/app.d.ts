// See https://svelte.dev/docs/kit/types#app.d.ts
import type { Db } from '$lib/server/db/client';
import type { Locale } from '$lib/i18n';

declare global {
	namespace App {
		interface Error {
			code?: string;
		}
		interface Locals {
			db: Db;
			locale: Locale;
		}
		interface Platform {
			env: {
				DB: D1Database;
				ASSETS: Fetcher;
				BASEMAP_STYLE_URL?: string;
			};
			ctx: ExecutionContext;
			caches: CacheStorage & { default: Cache };
		}
	}
}

export {};
