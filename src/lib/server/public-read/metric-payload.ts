/**
 * The map payload of one metric for server-rendered pages, from the same version-keyed store as
 * GET /api/metrics/communes: the public map's first view does not build it from D1 per page
 * view, and a page view and an API call of one version share one build.
 */
import type { Db } from '../db/client.ts';
import { metricForAllCommunes } from '../db/queries/public-metrics.ts';
import type { MetricDefinition } from '../../domain/metric-definitions.ts';
import type { MetricPayload } from '../../domain/metric-payload.ts';
import { publishedVersion } from './version.ts';
import { metricsKey, readThrough } from './store.ts';

/**
 * One metric for every commune, province and the country, as the API serves it at the current
 * version. `binding` is the D1 binding `db` reads (the version is held per binding); `origin`
 * the site's, as in the API's keys. Throws what D1 throws.
 */
export async function storedMetricPayload(
	binding: object,
	db: Db,
	origin: string,
	def: MetricDefinition
): Promise<MetricPayload> {
	const version = await publishedVersion(binding, db);
	const url = `${origin}/api/metrics/communes?metric=${encodeURIComponent(def.key)}`;
	const { payload } = await readThrough(metricsKey(url, version).key, async () => ({
		status: 200,
		body: JSON.stringify(await metricForAllCommunes(db, def))
	}));
	return JSON.parse(payload!.body) as MetricPayload;
}
