/**
 * The time part of a commune's or province's public page (issue 16 §3): the months that have
 * figures (for the month selector), the figures of the chosen month, and the trend of the
 * current metric — the same reads as GET /api/metrics/months, /areas/:code?month= and
 * /series/:code, so every number on the page equals the API's and the map's.
 */
import type { Db } from '../db/client.ts';
import type { MetricDefinition } from '../../domain/metric-definitions.ts';
import type { PublicAreaMetrics } from '../../domain/metrics.ts';
import { lastMonths, monthOf, timeKindOf } from '../../domain/metric-months.ts';
import type { SeriesPayload } from '../../domain/metric-month-payload.ts';
import { listMonths, monthOfProvinceGroup, seriesOf } from '../db/queries/public-months.ts';
import { metricsOfProvinceGroup } from '../db/queries/public-metrics.ts';

/** Months of the trend (as GET /api/metrics/series: the current month and the 23 before). */
const TREND_MONTHS = 24;

export interface AreaTime {
	/** Months with figures, newest first (the selector's choices). */
	months: { month: string; closed: boolean }[];
	/** The month asked for, if it has figures; else null (the last 12 months are shown). */
	month: string | null;
	/** The province group's figures of that month, or of the last 12 months without one. */
	group: PublicAreaMetrics[];
	trend: SeriesPayload;
	/** Flows are drawn as bars (summed per month), stocks and rates as a line. */
	flow: boolean;
}

export async function areaTime(
	db: Db,
	area: { code: string; level: 'province' | 'commune'; provinceCode: string },
	def: MetricDefinition,
	wanted: string | null,
	now = Date.now()
): Promise<AreaTime> {
	const months = await listMonths(db);
	const month = wanted && months.some((m) => m.month === wanted) ? wanted : null;
	const [group, trend] = await Promise.all([
		month
			? monthOfProvinceGroup(db, area.provinceCode, month)
			: metricsOfProvinceGroup(db, area.provinceCode),
		seriesOf(db, area, def, lastMonths(monthOf(now), TREND_MONTHS))
	]);
	return { months, month, group, trend, flow: timeKindOf(def.key) === 'flow' };
}
