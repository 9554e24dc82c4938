/**
 * The live content of a report (issue 16 §5): the monthly series' rows of the period and its
 * trend for the map's cross-section (the country, every province, the area's province's
 * communes), turned into figures by domain/report-content.ts — so every number is the map's.
 * Reads the public series only, never records.
 */
import { and, eq, inArray, or } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { areaMonthServices, areaMonths, communes, provinces } from '../schema/index.ts';
import type { MonthCounts, MonthServiceCounts } from '../../../domain/metric-months.ts';
import { OFFICIAL_METRIC_KEYS } from '../../../domain/metric-definitions.ts';
import { withOfficialFigures } from '../../../domain/report-official.ts';
import { officialOfProvinceGroup } from './public-official.ts';
import {
	buildReportContent,
	monthsToRead,
	periodMonths,
	type ReportContent
} from '../../../domain/report-content.ts';
import type { ReportLevel } from '../../../domain/report-workflow.ts';
import { METRIC_KEYS } from '../../../domain/metric-definitions.ts';
import { publishedFlags } from './public-hidden.ts';

/** A report's area: its level, code, province and name (Vietnamese), or undefined. */
export interface ReportAreaRef {
	level: ReportLevel;
	code: string;
	provinceCode: string;
	name: string;
	nameEn: string;
}

/** The commune (5 digits) or province (2 digits) of a code, or undefined when unknown. */
export async function reportArea(db: Db, code: string): Promise<ReportAreaRef | undefined> {
	if (code.length === 2) {
		const [p] = await db
			.select({ name: provinces.fullName, nameEn: provinces.fullNameEn })
			.from(provinces)
			.where(eq(provinces.code, code));
		return p && { level: 'province', code, provinceCode: code, ...p };
	}
	const [c] = await db
		.select({
			provinceCode: communes.provinceCode,
			name: communes.fullName,
			nameEn: communes.fullNameEn
		})
		.from(communes)
		.where(eq(communes.code, code));
	return c && { level: 'commune', code, ...c };
}

/** Rows of `months` for the country, every province and one province's communes. */
async function crossSection(db: Db, months: string[], provinceCode: string) {
	const group = (t: typeof areaMonths | typeof areaMonthServices) =>
		or(
			inArray(t.level, ['country', 'province']),
			and(eq(t.level, 'commune'), eq(t.provinceCode, provinceCode))
		);
	const [rows, services] = await db.batch([
		db
			.select()
			.from(areaMonths)
			.where(and(inArray(areaMonths.month, months), group(areaMonths))),
		db
			.select()
			.from(areaMonthServices)
			.where(and(inArray(areaMonthServices.month, months), group(areaMonthServices)))
	]);
	return { rows: rows as MonthCounts[], services: services as MonthServiceCounts[] };
}

/** Names of the area and (a province) its communes. */
async function namesOf(db: Db, area: ReportAreaRef): Promise<Map<string, string>> {
	const names = new Map([[area.code, area.name]]);
	if (area.level === 'province') {
		const rows = await db
			.select({ code: communes.code, name: communes.fullName })
			.from(communes)
			.where(eq(communes.provinceCode, area.code));
		for (const r of rows) names.set(r.code, r.name);
	}
	return names;
}

/**
 * The report's content from the figures as they are now (what a submission freezes).
 * @returns null when the series has no figures of the area for the period.
 */
export async function liveReportContent(
	db: Db,
	area: ReportAreaRef,
	period: string
): Promise<ReportContent | null> {
	const [{ rows, services }, names, flags] = await Promise.all([
		crossSection(db, monthsToRead(period), area.provinceCode),
		namesOf(db, area),
		publishedFlags(db, METRIC_KEYS, [...new Set([period, ...monthsToRead(period)])], {
			provinceCode: area.provinceCode
		})
	]);
	const content = buildReportContent({
		level: area.level,
		code: area.code,
		period,
		names,
		rows,
		services,
		flags
	});
	if (!content) return null;
	// The official figures of the period beside them (domain/report-official.ts).
	const official = await officialOfProvinceGroup(db, area.provinceCode, periodMonths(period));
	return withOfficialFigures(content, official, OFFICIAL_METRIC_KEYS);
}
