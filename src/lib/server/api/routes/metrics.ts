import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AuthEnv } from '../middleware/env.ts';
import { ApiError } from '../errors.ts';
import { validate } from '../validation.ts';
import { areaCodeInput as areaCode } from '../../../domain/fields.ts';
import { METRIC_DEFINITIONS, metricDefinition } from '../../../domain/metric-definitions.ts';
import {
	listPublicTeams,
	metricForAllCommunes,
	metricsOfProvinceGroup,
	metricsVersion
} from '../../db/queries/public-metrics.ts';
import { getCommune } from '../../db/queries/admin-units.ts';
import type { AreaDetail } from '../../../domain/metric-payload.ts';

/**
 * Figures change only when the metrics job runs; a phone may keep them 5 minutes and then use a
 * stale copy for a day while it revalidates (a 304 when the job has not run since).
 */
export const METRICS_CACHE = 'public, max-age=300, stale-while-revalidate=86400';
/** Bump when the JSON shape changes, so old ETags stop matching. */
const FORMAT = 1;

function etagOf(parts: (string | number)[]): string {
	return `W/"${[...parts, FORMAT].join('-')}"`;
}

/** A 304 when the client holds this ETag already; otherwise null. */
function notModified(c: Context<AuthEnv>, etag: string): Response | null {
	const held = (c.req.header('If-None-Match') ?? '').split(',').map((s) => s.trim());
	if (!held.includes(etag) && !held.includes('*')) return null;
	return c.body(null, 304, { ETag: etag, 'Cache-Control': METRICS_CACHE });
}

const metricKey = z.string().refine((k) => metricDefinition(k) !== undefined, {
	message: `Unknown metric; one of ${METRIC_DEFINITIONS.map((d) => d.key).join(', ')}`
});

/** Public metrics for the map (issue 3): compact, cacheable, ETag'd. */
export const metricsApi = new Hono<AuthEnv>()
	/** GET /api/metrics — the metric catalogue and when the figures were computed. */
	.get('/', async (c) => {
		const version = await metricsVersion(c.get('db'));
		const etag = etagOf(['catalogue', version]);
		const cached = notModified(c, etag);
		if (cached) return cached;
		const metrics = METRIC_DEFINITIONS.map((d) => ({
			key: d.key,
			group: d.group,
			kind: d.kind,
			label: d.label,
			denominatorLabel: d.denominatorLabel,
			period: d.period,
			estimate: d.estimate
		}));
		return c.json({ computedAt: version || null, metrics }, 200, {
			ETag: etag,
			'Cache-Control': METRICS_CACHE
		});
	})
	/** GET /api/metrics/communes?metric=teams — one metric for all 3,321 communes, one request. */
	.get('/communes', validate('query', z.object({ metric: metricKey })), async (c) => {
		const def = metricDefinition(c.req.valid('query').metric)!;
		const db = c.get('db');
		const version = await metricsVersion(db);
		const etag = etagOf([def.key, version]);
		const cached = notModified(c, etag);
		if (cached) return cached;
		const payload = await metricForAllCommunes(db, def);
		return c.json(payload, 200, { ETag: etag, 'Cache-Control': METRICS_CACHE });
	})
	/**
	 * GET /api/metrics/areas/05569 — every metric of one commune or province, with numerators,
	 * denominators and period; for a commune also its active teams (names are public).
	 */
	.get('/areas/:code', validate('param', z.object({ code: areaCode })), async (c) => {
		const { code } = c.req.valid('param');
		const db = c.get('db');
		const version = await metricsVersion(db);
		const etag = etagOf(['area', code, version]);
		const cached = notModified(c, etag);
		if (cached) return cached;
		const provinceCode = code.length === 2 ? code : await provinceOf(c, code);
		const group = await metricsOfProvinceGroup(db, provinceCode);
		const area = group.find((a) => a.code === code && a.level !== 'country');
		if (!area) throw new ApiError('area_not_found', 404, `No figures for area ${code}`);
		const teams = code.length === 5 ? await listPublicTeams(db, provinceCode, code) : undefined;
		const detail: AreaDetail = { area, teams };
		return c.json(detail, 200, { ETag: etag, 'Cache-Control': METRICS_CACHE });
	});

async function provinceOf(c: Context<AuthEnv>, communeCode: string): Promise<string> {
	const commune = await getCommune(c.get('db'), communeCode);
	if (!commune) throw new ApiError('area_not_found', 404, `No commune with code ${communeCode}`);
	return commune.provinceCode;
}
