/**
 * Public reads for the exports (issue 16 §7): one metric's public figures for EVERY area — the
 * country, all provinces and all communes, so suppression and protection of sums are exactly
 * the map's — over the last 12 months or one month, with the reference names. Same rows and
 * domain functions as the map's readers (public-metrics.ts, public-months.ts,
 * public-official.ts), which do not return numerators or a single month's official figures.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import {
	areaMetrics,
	areaMonthServices,
	areaMonths,
	areaServiceMetrics,
	communes,
	officialStats,
	provinces
} from '../schema/index.ts';
import type { MetricDefinition } from '../../../domain/metric-definitions.ts';
import {
	toPublicMetrics,
	type AreaCounts,
	type AreaServiceCounts,
	type PublicAreaMetrics
} from '../../../domain/metrics.ts';
import {
	monthPeriod,
	toPublicMonth,
	type MonthCounts,
	type MonthServiceCounts
} from '../../../domain/metric-months.ts';
import {
	officialPublicMetrics,
	type OfficialFigure,
	type OfficialTotal
} from '../../../domain/official-metrics.ts';
import type { AreaNames } from '../../../domain/metric-export.ts';
import { vnToday } from '../../../domain/vn-time.ts';
import { sumsRule, withHidden, type PublishedFlags } from '../../../domain/disclosure-flags.ts';
import { LAST_12 } from '../../../domain/disclosure-publish.ts';
import { publishedFlags } from './public-hidden.ts';
import {
	communeProvinces,
	latestOfficialFigures,
	officialProvinceTotals,
	provinceCommuneCounts
} from './official-stats.ts';

/** Figures of the last 12 months (the map's default); [] when the job never ran. */
async function currentFigures(
	db: Db,
	def: MetricDefinition,
	flags: PublishedFlags
): Promise<PublicAreaMetrics[]> {
	const [areas, services] = await db.batch([
		db.select().from(areaMetrics),
		db
			.select()
			.from(areaServiceMetrics)
			.where(eq(areaServiceMetrics.serviceCode, def.serviceCode ?? '-'))
	]);
	const rule = sumsRule(flags, LAST_12);
	return toPublicMetrics(areas as AreaCounts[], services as AreaServiceCounts[], [def.key], rule);
}

/** Figures of one month; [] when that month has no rows. */
async function monthFigures(
	db: Db,
	def: MetricDefinition,
	month: string,
	flags: PublishedFlags
): Promise<PublicAreaMetrics[]> {
	const [areas, services] = await db.batch([
		db.select().from(areaMonths).where(eq(areaMonths.month, month)),
		db
			.select()
			.from(areaMonthServices)
			.where(
				and(
					eq(areaMonthServices.month, month),
					eq(areaMonthServices.serviceCode, def.serviceCode ?? '-')
				)
			)
	]);
	if (areas.length === 0) return [];
	return toPublicMonth(
		monthPeriod(month),
		areas as MonthCounts[],
		services as MonthServiceCounts[],
		[def.key],
		sumsRule(flags, month)
	);
}

/** Every commune's official figure of one month and each province's sum of them. */
async function officialOfMonth(db: Db, serviceCode: string, month: string) {
	const figures = await db
		.select({
			communeCode: officialStats.communeCode,
			provinceCode: officialStats.provinceCode,
			month: officialStats.month,
			value: officialStats.value,
			estimate: officialStats.estimate,
			source: officialStats.source,
			importedAt: officialStats.importedAt
		})
		.from(officialStats)
		.where(and(eq(officialStats.serviceCode, serviceCode), eq(officialStats.month, month)));
	const byProvince = new Map<string, OfficialTotal>();
	for (const f of figures) {
		const t = byProvince.get(f.provinceCode) ?? {
			provinceCode: f.provinceCode,
			total: 0,
			communes: 0,
			estimate: false,
			firstMonth: month,
			lastMonth: month,
			importedAt: 0
		};
		t.total += f.value;
		t.communes += 1;
		t.estimate ||= f.estimate;
		t.importedAt = Math.max(t.importedAt, f.importedAt);
		byProvince.set(f.provinceCode, t);
	}
	return { figures: figures as OfficialFigure[], totals: [...byProvince.values()] };
}

/** Official figures: each commune's latest month, or the given month. */
async function officialFigures(
	db: Db,
	def: MetricDefinition,
	month: string | null
): Promise<PublicAreaMetrics[]> {
	const service = def.serviceCode ?? '';
	const [communeList, provinceList, read] = await Promise.all([
		communeProvinces(db),
		provinceCommuneCounts(db),
		month
			? officialOfMonth(db, service, month)
			: Promise.all([latestOfficialFigures(db, service), officialProvinceTotals(db, service)]).then(
					([figures, totals]) => ({ figures, totals })
				)
	]);
	return officialPublicMetrics(def, {
		communes: communeList,
		provinces: provinceList,
		...read,
		currentMonth: month ?? vnToday().slice(0, 7)
	});
}

/**
 * One metric's public figures for the country, every province and every commune: of the last
 * 12 months (month null) or of one month. [] when there are no figures (the job never ran, or
 * that month has none).
 */
export async function exportFigures(
	db: Db,
	def: MetricDefinition,
	month: string | null
): Promise<PublicAreaMetrics[]> {
	if (def.group === 'official') return officialFigures(db, def, month);
	const period = month ?? LAST_12;
	// Hidden across months and areas too (docs/disclosure.md): the map's flags, status suppressed.
	const flags = await publishedFlags(db, [def.key], [period]);
	const figures =
		month === null
			? await currentFigures(db, def, flags)
			: await monthFigures(db, def, month, flags);
	return withHidden(figures, period, flags);
}

/** Names of the country, every province and the communes (all, or one province's), by code. */
export async function areaNames(
	db: Db,
	provinceCode: string | null
): Promise<Map<string, AreaNames>> {
	const [provinceRows, communeRows] = await Promise.all([
		db
			.select({ code: provinces.code, name: provinces.fullName })
			.from(provinces)
			.orderBy(asc(provinces.code)),
		db
			.select({ code: communes.code, name: communes.fullName, provinceCode: communes.provinceCode })
			.from(communes)
			.where(provinceCode ? eq(communes.provinceCode, provinceCode) : sql`1`)
	]);
	const provinceName = new Map(provinceRows.map((p) => [p.code, p.name]));
	const out = new Map<string, AreaNames>([
		['VN', { name: 'Việt Nam', provinceCode: null, provinceName: null }]
	]);
	for (const p of provinceRows) {
		out.set(p.code, { name: p.name, provinceCode: p.code, provinceName: p.name });
	}
	for (const c of communeRows) {
		out.set(c.code, {
			name: c.name,
			provinceCode: c.provinceCode,
			provinceName: provinceName.get(c.provinceCode) ?? null
		});
	}
	return out;
}
