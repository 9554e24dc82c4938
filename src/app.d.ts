// See https://svelte.dev/docs/kit/types#app.d.ts
import type { Db } from '$lib/server/db/client';
import type { ShardRouter } from '$lib/server/db/shards';
import type { Locale } from '$lib/i18n';
import type { UserView } from '$lib/server/auth/users';
import type { Actor } from '$lib/domain/scope';

declare global {
	interface Window {
		/** The coverage map, for end-to-end tests and benchmarks that read its feature-state. */
		__tungNgoMap?: import('maplibre-gl').Map;
		/** The field route map, for end-to-end tests that read what it draws. */
		__tungNgoRouteMap?: import('maplibre-gl').Map;
		/** The planning map, for end-to-end tests that open a household from it. */
		__tungNgoPlanMap?: import('maplibre-gl').Map;
	}
	namespace App {
		interface Error {
			code?: string;
		}
		interface Locals {
			db: Db;
			/** The province shards of this request (docs/sharding.md); at most one is opened. */
			shards: ShardRouter;
			locale: Locale;
			/** The logged-in user for page loads, or null (set in hooks.server.ts). */
			user: UserView | null;
			actor: Actor | null;
		}
		interface Platform {
			env: {
				DB: D1Database;
				/** Binding → provinces of the shards (absent: one database). */
				PROVINCE_SHARDS?: Record<string, string[]> | string;
				ASSETS: Fetcher;
				BASEMAP_STYLE_URL?: string;
				/** The self-hosted base map: R2 bucket, archive key, satellite template. */
				BASEMAP?: R2Bucket;
				BASEMAP_PMTILES?: string;
				BASEMAP_SATELLITE_URL?: string;
				/** The training library's files (docs/guides.md). */
				GUIDES?: R2Bucket;
				/** Cloudflare Turnstile on the help-request form (docs/help-requests.md). */
				TURNSTILE_SITE_KEY?: string;
				TURNSTILE_SECRET_KEY?: string;
				TURNSTILE_VERIFY_URL?: string;
			};
			ctx: ExecutionContext;
			caches: CacheStorage & { default: Cache };
		}
	}
}

export {};
