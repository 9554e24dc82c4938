/**
 * The official metrics (official_<service>) on the public read path: built from official_stats
 * by domain/official-metrics.ts, in the same shapes as the visit-based metrics, so the map, the
 * panels and the pages show them with the others.
 */
import type { Db } from '../client.ts';
import { OFFICIAL_METRICS, type MetricDefinition } from '../../../domain/metric-definitions.ts';
import {
	monthPeriod,
	officialPublicMetrics,
	type OfficialMetricValue
} from '../../../domain/official-metrics.ts';
import type { PublicAreaMetrics } from '../../../domain/metrics.ts';
import { toMetricPayload, type MetricPayload } from '../../../domain/metric-payload.ts';
import { vnToday } from '../../../domain/vn-time.ts';
import {
	communeProvinces,
	latestOfficialFigures,
	officialFiguresOfMonths,
	officialProvinceTotals,
	officialTotalsOfMonths,
	provinceCommuneCounts
} from './official-stats.ts';
import { officialSeries } from '../../../domain/official-series.ts';
import type { SeriesPayload } from '../../../domain/metric-month-payload.ts';
import type { AreaLevel } from '../../../domain/metrics.ts';

const thisMonth = () => vnToday().slice(0, 7);

type Places = {
	communes: { code: string; provinceCode: string }[];
	provinces: { code: string; communeCount: number }[];
};

/** The communes (all, or one province's) and every province with its commune count. */
async function places(db: Db, provinceCode: string | null): Promise<Places> {
	const [communes, provinces] = await Promise.all([
		communeProvinces(db, provinceCode),
		provinceCommuneCounts(db)
	]);
	return { communes, provinces };
}

/** The official metric `def` of the country, every province and the communes of `at`. */
async function officialMetrics(
	db: Db,
	def: MetricDefinition,
	provinceCode: string | null,
	{ communes, provinces }: Places,
	month: string | readonly string[] | null = null
): Promise<PublicAreaMetrics[]> {
	const service = def.serviceCode ?? '';
	const [figures, totals] = await Promise.all([
		latestOfficialFigures(db, service, provinceCode, month),
		officialProvinceTotals(db, service, month)
	]);
	return officialPublicMetrics(def, {
		communes,
		figures,
		totals,
		provinces,
		currentMonth: thisMonth()
	});
}

/** The distinct sources of the communes' shown figures, most frequent first (at most 3). */
function sourcesOf(areas: readonly PublicAreaMetrics[]): string[] {
	const count = new Map<string, number>();
	for (const a of areas) {
		const m = a.metrics[0] as OfficialMetricValue | undefined;
		const source = m?.status === 'value' ? m.official.source : null;
		if (a.level === 'commune' && source) count.set(source, (count.get(source) ?? 0) + 1);
	}
	return [...count]
		.sort((x, y) => y[1] - x[1])
		.slice(0, 3)
		.map(([s]) => s);
}

/** One official metric for the map: every commune, province and the country. */
export async function officialForAllCommunes(
	db: Db,
	def: MetricDefinition
): Promise<MetricPayload> {
	const areas = await officialMetrics(db, def, null, await places(db, null));
	const payload = toMetricPayload(def, areas);
	// The country's period: from the earliest to the latest month behind the figures.
	payload.period = areas[0]!.metrics[0]!.period;
	return { ...payload, sources: sourcesOf(areas) };
}

/**
 * One official metric for the map in one month (`?month=`): each commune's figure of that month,
 * "no data" where it has none (its latest figure may be of another month).
 */
export async function officialForMonth(
	db: Db,
	def: MetricDefinition,
	month: string
): Promise<MetricPayload> {
	const areas = await officialMetrics(db, def, null, await places(db, null), month);
	return { ...toMetricPayload(def, areas), period: monthPeriod(month), sources: sourcesOf(areas) };
}

/**
 * Every official metric of the country, every province and one province's communes, merged per
 * area: each commune's latest figure, or with `months` its figure of that month (the latest
 * within several: a report's quarter).
 */
export async function officialOfProvinceGroup(
	db: Db,
	provinceCode: string,
	months: string | readonly string[] | null = null
): Promise<PublicAreaMetrics[]> {
	const at = await places(db, provinceCode);
	const perMetric = await Promise.all(
		OFFICIAL_METRICS.map((def) => officialMetrics(db, def, provinceCode, at, months))
	);
	const byArea = new Map<string, PublicAreaMetrics>();
	for (const areas of perMetric) {
		for (const a of areas) {
			const key = `${a.level}|${a.code}`;
			const held = byArea.get(key);
			byArea.set(key, held ? { ...held, metrics: [...held.metrics, ...a.metrics] } : a);
		}
	}
	return [...byArea.values()];
}

/**
 * Appends every official metric to a province group's public metrics (the country, every
 * province, that province's communes), after the visit-based ones (as officialOfProvinceGroup).
 */
export async function withOfficialMetrics(
	db: Db,
	provinceCode: string,
	group: PublicAreaMetrics[],
	months: string | readonly string[] | null = null
): Promise<PublicAreaMetrics[]> {
	if (group.length === 0) return group;
	const official = await officialOfProvinceGroup(db, provinceCode, months);
	const byArea = new Map(official.map((a) => [`${a.level}|${a.code}`, a.metrics]));
	return group.map((a) => ({
		...a,
		metrics: [...a.metrics, ...(byArea.get(`${a.level}|${a.code}`) ?? [])]
	}));
}

/**
 * One area's official metric per month of `months` (GET /api/metrics/series/:code, the pages'
 * trend): each month's imported figures, suppressed within that month's cross-section.
 */
export async function officialSeriesOf(
	db: Db,
	area: { code: string; level: AreaLevel; provinceCode: string | null },
	def: MetricDefinition,
	months: string[]
): Promise<SeriesPayload> {
	const service = def.serviceCode ?? '';
	const [at, figures, totals] = await Promise.all([
		places(db, area.provinceCode ?? '__'),
		officialFiguresOfMonths(db, service, area.provinceCode ?? '__', months),
		officialTotalsOfMonths(db, service, months)
	]);
	const points = officialSeries(def, area, months, {
		...at,
		figures,
		totals,
		currentMonth: thisMonth()
	});
	return { code: area.code, level: area.level, metric: def.key, kind: def.kind, months: points };
}
