/**
 * Reads of the imported official figures (official_stats): each commune's latest month per
 * service for the public metrics, province totals for their sums, and the admins' listing.
 */
import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { communes, officialStats, provinces } from '../schema/index.ts';
import type { OfficialFigure, OfficialTotal } from '../../../domain/official-metrics.ts';

/**
 * The (commune, month) of each commune's latest figure of the service: of all months, or of
 * `months` (one month: its figure; a report's quarter: the latest within it).
 */
const latest = (serviceCode: string, months: Months) => {
	const list = typeof months === 'string' ? [months] : months;
	const within = list
		? sql`and month in (select value from json_each(${JSON.stringify(list)}))`
		: sql``;
	return sql`(select commune_code, max(month) as month from ${officialStats}
		where service_code = ${serviceCode} ${within} group by commune_code) as latest`;
};

/** All months (null), one month, or the latest figure within some months. */
type Months = string | readonly string[] | null;

/**
 * Latest figure of a service per commune (or the figure of `month`); of one province's communes
 * when `provinceCode` is set.
 */
export async function latestOfficialFigures(
	db: Db,
	serviceCode: string,
	provinceCode: string | null = null,
	month: Months = null
): Promise<OfficialFigure[]> {
	const inProvince = provinceCode ? sql`and o.province_code = ${provinceCode}` : sql``;
	const rows = await db.all<{
		communeCode: string;
		provinceCode: string;
		month: string;
		value: number;
		estimate: number;
		source: string;
		importedAt: number;
	}>(sql`
		select o.commune_code as communeCode, o.province_code as provinceCode, o.month, o.value,
			o.estimate, o.source, o.imported_at as importedAt
		from ${latest(serviceCode, month)}
		join ${officialStats} o on o.commune_code = latest.commune_code and o.month = latest.month
			and o.service_code = ${serviceCode}
		where 1 ${inProvince}`);
	return rows.map((r) => ({ ...r, estimate: !!r.estimate }));
}

/** Every province's sum of its communes' latest figures of a service (or those of `month`). */
export async function officialProvinceTotals(
	db: Db,
	serviceCode: string,
	month: Months = null
): Promise<OfficialTotal[]> {
	const rows = await db.all<Omit<OfficialTotal, 'estimate'> & { estimate: number }>(sql`
		select o.province_code as provinceCode, sum(o.value) as total, count(*) as communes,
			max(o.estimate) as estimate, min(o.month) as firstMonth, max(o.month) as lastMonth,
			max(o.imported_at) as importedAt
		from ${latest(serviceCode, month)}
		join ${officialStats} o on o.commune_code = latest.commune_code and o.month = latest.month
			and o.service_code = ${serviceCode}
		group by o.province_code`);
	return rows.map((r) => ({ ...r, estimate: !!r.estimate }));
}

/** Every province with its number of communes (the basis of the sums). */
export function provinceCommuneCounts(db: Db) {
	return db
		.select({ code: provinces.code, communeCount: provinces.communeCount })
		.from(provinces)
		.orderBy(provinces.code);
}

/** Every commune with its province, or one province's. */
export function communeProvinces(db: Db, provinceCode: string | null = null) {
	return db
		.select({ code: communes.code, provinceCode: communes.provinceCode })
		.from(communes)
		.where(provinceCode ? eq(communes.provinceCode, provinceCode) : undefined)
		.orderBy(communes.code);
}

export interface OfficialListFilter {
	provinceCode: string | null;
	month?: string;
	serviceCode?: string;
	limit: number;
}

/** Imported figures for the admins' listing, newest month first (no personal data). */
export function listOfficialStats(db: Db, f: OfficialListFilter) {
	const where: SQL[] = [];
	if (f.provinceCode) where.push(eq(officialStats.provinceCode, f.provinceCode));
	if (f.month) where.push(eq(officialStats.month, f.month));
	if (f.serviceCode) where.push(eq(officialStats.serviceCode, f.serviceCode));
	return db
		.select({
			communeCode: officialStats.communeCode,
			communeName: communes.fullName,
			provinceCode: officialStats.provinceCode,
			month: officialStats.month,
			serviceCode: officialStats.serviceCode,
			value: officialStats.value,
			estimate: officialStats.estimate,
			source: officialStats.source,
			note: officialStats.note,
			oldCodes: officialStats.oldCodes,
			importedAt: officialStats.importedAt
		})
		.from(officialStats)
		.innerJoin(communes, eq(communes.code, officialStats.communeCode))
		.where(and(...where))
		.orderBy(desc(officialStats.month), officialStats.communeCode, officialStats.serviceCode)
		.limit(f.limit);
}

/**
 * The official series (issue 16 §2 over time): each figure of a service in `months`, of one
 * province's communes (or every commune), with its month.
 */
export async function officialFiguresOfMonths(
	db: Db,
	serviceCode: string,
	provinceCode: string | null,
	months: readonly string[]
): Promise<OfficialFigure[]> {
	const rows = await db
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
		.where(
			and(
				eq(officialStats.serviceCode, serviceCode),
				inArray(officialStats.month, [...months]),
				provinceCode ? eq(officialStats.provinceCode, provinceCode) : undefined
			)
		);
	return rows.map((r) => ({ ...r, estimate: !!r.estimate }));
}

/** Every province's sum of a service per month of `months` (the sums of the series). */
export async function officialTotalsOfMonths(
	db: Db,
	serviceCode: string,
	months: readonly string[]
): Promise<(OfficialTotal & { month: string })[]> {
	const rows = await db.all<Omit<OfficialTotal, 'estimate'> & { estimate: number; month: string }>(
		sql`select province_code as provinceCode, month, sum(value) as total, count(*) as communes,
			max(estimate) as estimate, month as firstMonth, month as lastMonth,
			max(imported_at) as importedAt
		from ${officialStats}
		where service_code = ${serviceCode}
			and month in (select value from json_each(${JSON.stringify(months)}))
		group by province_code, month`
	);
	return rows.map((r) => ({ ...r, estimate: !!r.estimate }));
}
