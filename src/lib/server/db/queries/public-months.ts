/**
 * Public reads of the monthly series (area_months, area_month_services): never records. Every
 * read returns whole groups of one month (the country, all provinces, whole provinces' communes)
 * so suppression is applied per month exactly as the map's (domain/metric-months.ts).
 */
import { and, desc, eq, inArray, or, type SQL } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { areaMonthServices, areaMonths } from '../schema/index.ts';
import { METRIC_KEYS, type MetricDefinition } from '../../../domain/metric-definitions.ts';
import { toMetricPayload, type MetricPayload } from '../../../domain/metric-payload.ts';
import type { PublicAreaMetrics } from '../../../domain/metrics.ts';
import { officialForMonth, officialSeriesOf, withOfficialMetrics } from './public-official.ts';
import { publishedFlags } from './public-hidden.ts';
import { sumsRule, withHidden } from '../../../domain/disclosure-flags.ts';
import {
	monthPeriod,
	toPublicMonth,
	type MonthCounts,
	type MonthServiceCounts
} from '../../../domain/metric-months.ts';
import {
	changePayload,
	type ChangePayload,
	type SeriesPayload
} from '../../../domain/metric-month-payload.ts';

/** Months that have figures (the country's rows), newest first. */
export async function listMonths(db: Db): Promise<{ month: string; closed: boolean }[]> {
	return db
		.select({ month: areaMonths.month, closed: areaMonths.closed })
		.from(areaMonths)
		.where(eq(areaMonths.level, 'country'))
		.orderBy(desc(areaMonths.month));
}

/** The rows of some months: every area, or the country, provinces and one province's communes. */
async function monthRows(
	db: Db,
	months: string[],
	serviceCode: string | null,
	provinceCode?: string
): Promise<{ areas: MonthCounts[]; services: MonthServiceCounts[] }> {
	const group = (t: typeof areaMonths | typeof areaMonthServices): SQL | undefined =>
		provinceCode === undefined
			? undefined
			: or(
					inArray(t.level, ['country', 'province']),
					and(eq(t.level, 'commune'), eq(t.provinceCode, provinceCode))
				);
	const svc = serviceCode === null ? undefined : eq(areaMonthServices.serviceCode, serviceCode);
	const [areas, services] = await db.batch([
		db
			.select()
			.from(areaMonths)
			.where(and(inArray(areaMonths.month, months), group(areaMonths))),
		db
			.select()
			.from(areaMonthServices)
			.where(and(inArray(areaMonthServices.month, months), svc, group(areaMonthServices)))
	]);
	return { areas: areas as MonthCounts[], services: services as MonthServiceCounts[] };
}

/** One metric of one month for every commune, province and the country; null without figures. */
export async function metricForMonth(
	db: Db,
	def: MetricDefinition,
	month: string
): Promise<MetricPayload | null> {
	if (def.group === 'official') return officialForMonth(db, def, month);
	const [{ areas, services }, flags] = await Promise.all([
		monthRows(db, [month], def.serviceCode ?? '-'),
		publishedFlags(db, [def.key], [month])
	]);
	if (areas.length === 0) return null;
	const pub = withHidden(
		toPublicMonth(monthPeriod(month), areas, services, [def.key], sumsRule(flags, month)),
		month,
		flags
	);
	return { ...toMetricPayload(def, pub), period: monthPeriod(month) };
}

/** The change of one metric from `since` to `month`; null when either has no figures. */
export async function changeForMonths(
	db: Db,
	def: MetricDefinition,
	month: string,
	since: string
): Promise<ChangePayload | null> {
	const [to, from] = [await metricForMonth(db, def, month), await metricForMonth(db, def, since)];
	if (!to || !from) return null;
	return changePayload(from, to, { from: since, to: month });
}

/**
 * Every metric of one month for the country, all provinces and one province's communes; the
 * official ones are of that month's imported figures.
 */
export async function monthOfProvinceGroup(
	db: Db,
	provinceCode: string,
	month: string
): Promise<PublicAreaMetrics[]> {
	const [{ areas, services }, flags] = await Promise.all([
		monthRows(db, [month], null, provinceCode),
		publishedFlags(db, METRIC_KEYS, [month], { provinceCode })
	]);
	const rule = sumsRule(flags, month);
	const pub = withHidden(
		toPublicMonth(monthPeriod(month), areas, services, METRIC_KEYS, rule),
		month,
		flags
	);
	// The official figures of that month beside them (official-metrics.ts).
	return withOfficialMetrics(db, provinceCode, pub, month);
}

/**
 * One area's series of one metric over `months` (oldest first): each month suppressed within its
 * own cross-section (the area's province group) and across months (the job's flags,
 * docs/disclosure.md); a month without a row is no data.
 */
export async function seriesOf(
	db: Db,
	area: { code: string; level: 'country' | 'province' | 'commune'; provinceCode: string | null },
	def: MetricDefinition,
	months: string[]
): Promise<SeriesPayload> {
	if (def.group === 'official') return officialSeriesOf(db, area, def, months);
	const [{ areas, services }, flags] = await Promise.all([
		monthRows(db, months, def.serviceCode ?? '-', area.provinceCode ?? '__'),
		publishedFlags(db, [def.key], months, { code: area.code })
	]);
	const points = months.map((month) => {
		const rows = areas.filter((a) => a.month === month);
		const own = rows.find((a) => a.code === area.code && a.level === area.level);
		if (!own) return { month, status: 'no_data' as const, value: null, closed: false };
		const pub = withHidden(
			toPublicMonth(
				monthPeriod(month),
				rows,
				services.filter((s) => s.month === month),
				[def.key],
				sumsRule(flags, month)
			),
			month,
			flags
		);
		const m = pub[rows.indexOf(own)]!.metrics[0]!;
		return {
			month,
			status: m.status,
			value: m.value,
			closed: own.closed,
			...(m.basis && { basis: m.basis })
		};
	});
	return { code: area.code, level: area.level, metric: def.key, kind: def.kind, months: points };
}
