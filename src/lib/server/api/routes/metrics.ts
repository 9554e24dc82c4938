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
import { metricsMonthsApi, monthInput, noFigures } from './metrics-months.ts';
import {
	changeForMonths,
	metricForMonth,
	monthOfProvinceGroup
} from '../../db/queries/public-months.ts';
import { metricsOps as doc } from '../openapi/operations/public.ts';

/** The version the metrics cache read for this request, or D1's when the app runs without it. */
async function versionOf(c: Context<AuthEnv>): Promise<number> {
	return c.get('metricsVersion') ?? (await metricsVersion(c.get('db')));
}

const metricKey = z.string().refine((k) => metricDefinition(k) !== undefined, {
	message: `Unknown metric; one of ${METRIC_DEFINITIONS.map((d) => d.key).join(', ')}`
});

/** ?metric=K, optionally &month=YYYY-MM (that month) and &since=YYYY-MM (the change since). */
const communesQuery = z
	.object({ metric: metricKey, month: monthInput.optional(), since: monthInput.optional() })
	.refine((q) => q.since === undefined || (q.month !== undefined && q.since < q.month), {
		message: 'since needs a later month: ?month=2026-11&since=2026-05',
		path: ['since']
	});

/**
 * Public metrics for the map (issue 3): compact payloads. Their caching — version-keyed storage,
 * ETag, 304 and Cache-Control — is the metrics cache's (middleware/metrics-cache.ts).
 */
export const metricsApi = new Hono<AuthEnv>()
	/** GET /api/metrics — the metric catalogue and when the figures were computed. */
	.get('/', doc.get, async (c) => {
		const version = await versionOf(c);
		const metrics = METRIC_DEFINITIONS.map((d) => ({
			key: d.key,
			group: d.group,
			kind: d.kind,
			label: d.label,
			denominatorLabel: d.denominatorLabel,
			period: d.period,
			estimate: d.estimate
		}));
		return c.json({ computedAt: version || null, metrics });
	})
	/** GET /api/metrics/communes?metric=teams — one metric for all 3,321 communes, one request. */
	.get('/communes', doc.getCommunes, validate('query', communesQuery), async (c) => {
		const { metric, month, since } = c.req.valid('query');
		const def = metricDefinition(metric)!;
		const db = c.get('db');
		if (month === undefined) return c.json(await metricForAllCommunes(db, def));
		// ?month=2026-11: that month's figures; &since=2026-05: the change from then to month.
		if (since === undefined)
			return c.json((await metricForMonth(db, def, month)) ?? noFigures(month));
		const change = await changeForMonths(db, def, month, since);
		return c.json(change ?? noFigures(`${since} or ${month}`));
	})
	/**
	 * GET /api/metrics/areas/05569 — every metric of one commune or province, with numerators,
	 * denominators and period; for a commune also its active teams (names are public).
	 */
	.get(
		'/areas/:code',
		doc.getAreasByCode,
		validate('param', z.object({ code: areaCode })),
		validate('query', z.object({ month: monthInput.optional() })),
		async (c) => {
			const { code } = c.req.valid('param');
			const { month } = c.req.valid('query');
			const db = c.get('db');
			const provinceCode = code.length === 2 ? code : await provinceOf(c, code);
			const group = month
				? await monthOfProvinceGroup(db, provinceCode, month)
				: await metricsOfProvinceGroup(db, provinceCode);
			const area = group.find((a) => a.code === code && a.level !== 'country');
			if (!area) throw new ApiError('area_not_found', 404, `No figures for area ${code}`);
			const teams = code.length === 5 ? await listPublicTeams(db, provinceCode, code) : undefined;
			const detail: AreaDetail = { area, teams };
			return c.json(detail);
		}
	)
	.route('/', metricsMonthsApi);

async function provinceOf(c: Context<AuthEnv>, communeCode: string): Promise<string> {
	const commune = await getCommune(c.get('db'), communeCode);
	if (!commune) throw new ApiError('area_not_found', 404, `No commune with code ${communeCode}`);
	return commune.provinceCode;
}
