/**
 * The map's period (issue 16 §3): the last 12 months (the default), one month, or the change of
 * a metric since an earlier month. Pure helpers for the page: the key its figures are fetched
 * and kept under, the API path, and a change shown through the same payload shape as figures.
 */
import type { MetricPayload } from '../domain/metric-payload.ts';
import type { ChangePayload } from '../domain/metric-month-payload.ts';
import { monthPeriod } from '../domain/metric-months.ts';
import { formatMonth, type Translate } from '../i18n/index.ts';

export interface MapPeriod {
	/** One month "YYYY-MM", or null for the last 12 months. */
	month: string | null;
	/** With a month: the earlier month the change is measured from. */
	since: string | null;
}

/** "teams", "teams|2026-10" or "teams|2026-10|2026-04": one key per figures shown. */
export function figuresKey(metric: string, p: MapPeriod): string {
	if (!p.month) return metric;
	return p.since ? `${metric}|${p.month}|${p.since}` : `${metric}|${p.month}`;
}

/** The public API path of a key's figures. */
export function figuresPath(key: string): string {
	const [metric, month, since] = key.split('|');
	const q = new URLSearchParams({ metric: metric! });
	if (month) q.set('month', month);
	if (month && since) q.set('since', since);
	return `/api/metrics/communes?${q}`;
}

/**
 * A change between two months in the payload shape the map colours: values are differences,
 * `change` says so, the period runs from the earlier month's start to the later one's end.
 */
export function changeAsPayload(c: ChangePayload, estimate: boolean): MetricPayload {
	return {
		metric: c.metric,
		kind: c.kind,
		estimate,
		period: { start: monthPeriod(c.from).start, end: monthPeriod(c.to).end },
		// Not a job run's time: the figures are the two months' (shown by the period instead).
		computedAt: 1,
		breaks: c.breaks,
		demo: c.demo,
		values: c.values,
		suppressed: c.suppressed,
		noData: c.noData,
		provinces: c.provinces,
		country: c.country,
		...(c.provinceBasis && { provinceBasis: c.provinceBasis }),
		...(c.countryBasis && { countryBasis: c.countryBasis }),
		change: { from: c.from, to: c.to }
	};
}

/** Either answer of GET /api/metrics/communes as a payload the map colours. */
export function asFigures(body: MetricPayload | ChangePayload, estimate: boolean): MetricPayload {
	return 'from' in body && 'to' in body && !('period' in body)
		? changeAsPayload(body, estimate)
		: (body as MetricPayload);
}

/** A month as a choice in a select: "Tháng 11/2026", "(đang diễn ra)" while it is not closed. */
export const monthChoice = (t: Translate, m: { month: string; closed: boolean }) =>
	`${t('month.label')} ${formatMonth(m.month)}${m.closed ? '' : ` (${t('trend.open')})`}`;
