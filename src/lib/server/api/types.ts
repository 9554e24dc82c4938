import type { Db } from '../db/client.ts';
import type { ShardRouter } from '../db/shards.ts';

export interface ApiBindings {
	DB: D1Database;
	/** Binding → provinces of the province shards; absent: one database (docs/sharding.md). */
	PROVINCE_SHARDS?: Record<string, string[]> | string;
	BASEMAP_STYLE_URL?: string;
	/** The self-hosted base map's R2 bucket and its PMTiles object key (empty: none). */
	BASEMAP?: R2Bucket;
	BASEMAP_PMTILES?: string;
	/** Raster tile URL template of the base map's (hidden) satellite layer; empty: none. */
	BASEMAP_SATELLITE_URL?: string;
	/** The training library's content-addressed files (issue 17 §3, docs/guides.md). */
	GUIDES?: R2Bucket;
	/** The static assets (the geometry manifest names the shipped glyphs). */
	ASSETS?: Fetcher;
	/** Months without a visit after which a household is due for review (default 24; issue 13). */
	PERSONAL_DATA_REVIEW_MONTHS?: string;
	/** Years audit entries are kept before housekeeping deletes them (default 5; issue 13). */
	AUDIT_RETENTION_YEARS?: string;
	/** '1' exposes this isolate's public-read counters at /api/health/public-reads (benchmarks). */
	PUBLIC_READ_STATS?: string;
	/**
	 * The most households a commune-wide planning list returns (default 5000); a larger commune
	 * is planned one hamlet (khu phố) at a time.
	 */
	PLAN_LIST_MAX_HOUSEHOLDS?: string;
	/** Cloudflare Turnstile on the help-request form (both set: on; docs/help-requests.md). */
	TURNSTILE_SITE_KEY?: string;
	TURNSTILE_SECRET_KEY?: string;
	/** Another siteverify URL (tests' local stub server). */
	TURNSTILE_VERIFY_URL?: string;
}

export interface ApiVariables {
	db: Db;
	/** The province shards of this request: at most one is opened (db/shards.ts). */
	shards: ShardRouter;
	requestId: string;
	/** The client's address when it can be believed (auth/login.ts clientIp), else null. */
	clientIp: string | null;
	/** The published figures' version, set by the metrics API's cache (metrics-cache.ts). */
	metricsVersion?: number;
}

export interface ApiEnv {
	Bindings: ApiBindings;
	Variables: ApiVariables;
}
