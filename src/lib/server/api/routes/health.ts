import { Hono } from 'hono';
import { sql } from 'drizzle-orm';
import type { ApiEnv } from '../types.ts';
import { communes, provinces, meta } from '../../db/schema/index.ts';
import { ApiError } from '../errors.ts';
import { publicReadStats } from '../../public-read/store.ts';
import { healthOps as doc } from '../openapi/operations/public.ts';

/** GET /api/health: the worker answers and D1 is reachable, with reference-data counts. */
export const health = new Hono<ApiEnv>()
	.get('/', doc.get, async (c) => {
		const db = c.get('db');
		const [p, cm, m] = await db.batch([
			db.select({ n: sql<number>`count(*)` }).from(provinces),
			db.select({ n: sql<number>`count(*)` }).from(communes),
			db.select().from(meta)
		]);
		const facts = Object.fromEntries(m.map((r) => [r.key, r.value]));
		return c.json(
			{
				status: 'ok',
				db: 'ok',
				provinces: p[0]?.n ?? 0,
				communes: cm[0]?.n ?? 0,
				referenceImportedAt: facts['reference_imported_at'] ?? null,
				demoData: facts['demo_seed'] ? true : false,
				metricsComputedAt: facts['metrics_computed_at'] ?? null
			},
			200,
			{ 'Cache-Control': 'no-store' }
		);
	})
	/**
	 * GET /api/health/public-reads: this isolate's public-read counters (D1 statements, builds,
	 * stored hits), for the load benchmark; only where PUBLIC_READ_STATS is '1'.
	 */
	.get('/public-reads', doc.getPublicReads, (c) => {
		if (c.env.PUBLIC_READ_STATS !== '1') {
			throw new ApiError('not_found', 404, 'No API route GET /api/health/public-reads');
		}
		return c.json(publicReadStats, 200, { 'Cache-Control': 'no-store' });
	});
