/**
 * The monthly series of the public figures (issue 16 §1): the months that have figures, one
 * area's series of a metric, and the audited recompute of an ended month. The month views of
 * GET /api/metrics/communes and /areas/:code (?month=, ?since=) are in metrics.ts and use the
 * readers here. Public reads are cached by the metrics cache, keyed by metric, month and since.
 */
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { ensure, noStore, requireActor, type AuthEnv } from '../middleware/env.ts';
import { ApiError } from '../errors.ts';
import { validate } from '../validation.ts';
import { audit } from '../middleware/scope.ts';
import { runBatch, statementOf } from '../../db/bulk.ts';
import { areaCodeInput } from '../../../domain/fields.ts';
import { METRIC_DEFINITIONS, metricDefinition } from '../../../domain/metric-definitions.ts';
import { isMonth, lastMonths, monthOf } from '../../../domain/metric-months.ts';
import type { MonthsList } from '../../../domain/metric-month-payload.ts';
import { listMonths, seriesOf } from '../../db/queries/public-months.ts';
import { getCommune } from '../../db/queries/admin-units.ts';
import { recomputeMonth } from '../../metrics/months-history.ts';
import { ShardRouter } from '../../db/shards.ts';
import { monthsOps as doc } from '../openapi/operations/reporting.ts';

/** Months of a series (the current one and the 23 before it). */
export const SERIES_MONTHS = 24;

export const metricKey = z.string().refine((k) => metricDefinition(k) !== undefined, {
	message: `Unknown metric; one of ${METRIC_DEFINITIONS.map((d) => d.key).join(', ')}`
});

/** A month "YYYY-MM" that is not after the current Vietnam month. */
export const monthInput = z
	.string()
	.refine(isMonth, { message: 'A month is written YYYY-MM, e.g. 2026-11' })
	.refine((m) => m <= monthOf(Date.now()), {
		message: `That month has not begun (the current month is ${monthOf(Date.now())})`
	});

/** 404 for a month without figures. */
export function noFigures(month: string): never {
	throw new ApiError('not_found', 404, `No figures for month ${month}`);
}

async function areaOf(c: Context<AuthEnv>, code: string) {
	if (code === 'VN') return { code, level: 'country' as const, provinceCode: null };
	if (code.length === 2) return { code, level: 'province' as const, provinceCode: code };
	const commune = await getCommune(c.get('db'), code);
	if (!commune) throw new ApiError('area_not_found', 404, `No commune with code ${code}`);
	return { code, level: 'commune' as const, provinceCode: commune.provinceCode };
}

export const metricsMonthsApi = new Hono<AuthEnv>()
	/** GET /api/metrics/months — the current month and the months that have figures. */
	.get('/months', doc.getMonths, async (c) => {
		const body: MonthsList = {
			current: monthOf(Date.now()),
			months: await listMonths(c.get('db'))
		};
		return c.json(body);
	})
	/**
	 * GET /api/metrics/series/05569?metric=helped_vneid — one area's figure (a commune, a
	 * province or "VN") per month over the last 24 months up to the current one, oldest first.
	 */
	.get(
		'/series/:code',
		doc.getSeriesByCode,
		validate('param', z.object({ code: z.union([z.literal('VN'), areaCodeInput]) })),
		validate('query', z.object({ metric: metricKey })),
		async (c) => {
			const def = metricDefinition(c.req.valid('query').metric)!;
			const area = await areaOf(c, c.req.valid('param').code);
			const months = lastMonths(monthOf(Date.now()), SERIES_MONTHS);
			return c.json(await seriesOf(c.get('db'), area, def, months));
		}
	)
	/**
	 * POST /api/metrics/months/2026-10/recompute — an admin rebuilds an ended month of every
	 * commune from the records (a closed month changes only this way); audited.
	 */
	.post(
		'/months/:month/recompute',
		doc.postMonthsByMonthRecompute,
		noStore,
		validate(
			'param',
			z.object({
				month: z
					.string()
					.refine(isMonth, { message: 'A month is written YYYY-MM, e.g. 2026-11' })
					.refine((m) => m < monthOf(Date.now()), { message: 'Only an ended month is recomputed' })
			})
		),
		async (c) => {
			const actor = requireActor(c);
			ensure(actor.role === 'admin', 'a recompute of the monthly figures');
			const { month } = c.req.valid('param');
			const db = c.get('db');
			const shards = new ShardRouter(c.env, db, { many: true });
			// Logged before the work: even a recompute that fails half-way is on record.
			const entry = audit(c, {
				kind: 'write',
				action: 'metrics.recompute_month',
				entity: 'metrics_month',
				entityId: month
			});
			await runBatch(db, [statementOf(db, entry)]);
			return c.json(await recomputeMonth(db, month, { now: new Date(), shards }));
		}
	);
