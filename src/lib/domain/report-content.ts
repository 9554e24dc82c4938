/**
 * What a report says (issue 16 §5): the public figures of an area for a month or a quarter, from
 * the monthly series (metric-months.ts) with the map's rules — a quarter's flows summed over its
 * months, its stocks those of its last month; "no data" and small-count suppression within the
 * month's cross-section exactly as the map's. A commune report holds the commune's figures; a
 * province report the province's and a table of its communes. Both carry the trend of the
 * period's months. This content is what a submission freezes (report-workflow.ts).
 */
import { METRIC_KEYS, metricDefinition } from './metric-definitions.ts';
import {
	combineMonths,
	isMonth,
	lastMonths,
	monthPeriod,
	monthsOfQuarter,
	toPublicMonth,
	type MonthCounts,
	type MonthServiceCounts
} from './metric-months.ts';
import { roundFigure } from './metric-payload.ts';
import type { FigureBasis, MetricStatus, PublicAreaMetrics, SumsRule } from './metrics.ts';
import type { OfficialMetricValue } from './official-metrics.ts';

type OfficialInfo = OfficialMetricValue['official'];
import type { ReportLevel } from './report-workflow.ts';
import { NO_FLAGS, sumsRule, withHidden, type PublishedFlags } from './disclosure-flags.ts';

const QUARTER = /^(\d{4})-Q([1-4])$/;

/** A report period: a month "2026-10" or a quarter "2026-Q3". */
export function isReportPeriod(s: string): boolean {
	return isMonth(s) || QUARTER.test(s);
}

/** The months of a period, oldest first. @throws RangeError for a malformed period. */
export function periodMonths(period: string): string[] {
	if (isMonth(period)) return [period];
	return monthsOfQuarter(period);
}

/** The period has ended before `currentMonth` (its last month is over). */
export function periodEnded(period: string, currentMonth: string): boolean {
	return periodMonths(period).at(-1)! < currentMonth;
}

/** The period's first and last instants (ISO), as a payload's `period`. */
export function periodBounds(period: string): { start: string; end: string } {
	const months = periodMonths(period);
	return { start: monthPeriod(months[0]!).start, end: monthPeriod(months.at(-1)!).end };
}

/** Months shown in the trend: a quarter's three, or the six months ending with the month. */
export function trendMonths(period: string): string[] {
	return isMonth(period) ? lastMonths(period, 6) : periodMonths(period);
}

/** Every month whose rows a report reads (the period and its trend), oldest first. */
export function monthsToRead(period: string): string[] {
	const all = new Set([...trendMonths(period), ...periodMonths(period)]);
	return [...all].sort();
}

/** One figure as the map shows it: rounded as the map's payload, or hidden, or no data. */
export interface ReportFigure {
	key: string;
	status: MetricStatus;
	value: number | null;
	numerator: number | null;
	denominator: number | null;
	estimate: boolean;
	/** A province's figure: how many of its communes it stands on. */
	basis?: FigureBasis;
	/** An official figure (report-official.ts): its source and the month(s) behind it. */
	official?: OfficialInfo;
}

export interface ReportArea {
	level: ReportLevel;
	code: string;
	name: string;
	figures: ReportFigure[];
}

export interface ReportTrendMonth {
	month: string;
	closed: boolean;
	figures: ReportFigure[];
}

export interface ReportContent {
	level: ReportLevel;
	code: string;
	period: string;
	months: string[];
	/** The metric keys, in display order (those of the time the content was made). */
	keys: string[];
	/**
	 * The official figures' keys, shown apart as "Số liệu chính thức" (their figures follow the
	 * visit-based ones in each area's figures); absent in content made before they were added.
	 */
	officialKeys?: string[];
	area: ReportArea;
	/** A province report's communes, by code; [] for a commune report. */
	communes: ReportArea[];
	/** The area's figures month by month (trendMonths; months without a row left out). */
	trend: ReportTrendMonth[];
	/** Every month of the period is closed: its figures are final. */
	final: boolean;
	/** When the figures were computed (epoch ms, the latest row). */
	computedAt: number;
	/** Synthetic demo records are behind the figures. */
	demo: boolean;
}

export interface ReportInput {
	level: ReportLevel;
	code: string;
	period: string;
	/** Area code → name, for the area and (a province) its communes. */
	names: ReadonlyMap<string, string>;
	/**
	 * Rows of monthsToRead(period) for the country, every province and the communes of the
	 * area's province: the map's cross-section, so suppression is the map's.
	 */
	rows: readonly MonthCounts[];
	services: readonly MonthServiceCounts[];
	keys?: readonly string[];
	/** The job's protection across months and areas (disclosure-flags.ts); none when absent. */
	flags?: PublishedFlags;
}

/** The report figures of an area's public metrics (rounded as the map's payload). */
export function toFigures(area: PublicAreaMetrics): ReportFigure[] {
	return area.metrics.map((m) => {
		const kind = metricDefinition(m.key)!.kind;
		return {
			key: m.key,
			status: m.status,
			value: m.status === 'value' && m.value !== null ? roundFigure(kind, m.value) : null,
			numerator: m.numerator,
			denominator: m.denominator,
			estimate: m.estimate,
			...(m.basis && { basis: m.basis })
		};
	});
}

/**
 * Public figures of every area over `months` (one month: its rows; several: each area's months
 * combined), suppressed within the cross-section as the map's.
 */
export function publicFiguresOf(
	months: readonly string[],
	rows: readonly MonthCounts[],
	services: readonly MonthServiceCounts[],
	keys: readonly string[],
	label = months.length === 1 ? months[0]! : `${months[0]}..${months.at(-1)}`,
	sumsRule?: SumsRule
): PublicAreaMetrics[] {
	const period = { start: monthPeriod(months[0]!).start, end: monthPeriod(months.at(-1)!).end };
	if (months.length === 1) {
		const m = months[0]!;
		return toPublicMonth(
			period,
			rows.filter((r) => r.month === m),
			services.filter((s) => s.month === m),
			keys,
			sumsRule
		);
	}
	const key = (r: { level: string; code: string }) => `${r.level}|${r.code}`;
	const areas: MonthCounts[] = [];
	const svcs: MonthServiceCounts[] = [];
	const groups = new Map<string, MonthCounts[]>();
	for (const r of rows) groups.set(key(r), [...(groups.get(key(r)) ?? []), r]);
	for (const [k, own] of groups) {
		const combined = combineMonths(
			months,
			own,
			services.filter((s) => key(s) === k),
			label
		);
		if (!combined) continue;
		areas.push(combined.area);
		svcs.push(...combined.services);
	}
	return toPublicMonth(period, areas, svcs, keys, sumsRule);
}

const isArea = (level: string, code: string) => (a: { level: string; code: string }) =>
	a.level === level && a.code === code;

/**
 * The content of the report of `input.level` `input.code` for `input.period`.
 * @returns null when the area has no figures for any month of the period.
 * @throws RangeError for a malformed period or an unknown metric key.
 */
export function buildReportContent(input: ReportInput): ReportContent | null {
	const keys = [...(input.keys ?? METRIC_KEYS)];
	const months = periodMonths(input.period);
	const own = input.rows.filter((r) => isArea(input.level, input.code)(r));
	if (!own.some((r) => months.includes(r.month))) return null;
	const flags = input.flags ?? NO_FLAGS;
	const figuresOf = (m: string[], period: string, label?: string) =>
		withHidden(
			publicFiguresOf(m, input.rows, input.services, keys, label, sumsRule(flags, period)),
			period,
			flags
		);
	const pub = figuresOf(months, input.period);
	const name = (code: string) => input.names.get(code) ?? code;
	const areaOf = (a: PublicAreaMetrics): ReportArea => ({
		level: a.level as ReportLevel,
		code: a.code,
		name: name(a.code),
		figures: toFigures(a)
	});
	const area = pub.find(isArea(input.level, input.code))!;
	const communes =
		input.level === 'province'
			? pub
					.filter((a) => a.level === 'commune' && a.provinceCode === input.code)
					.sort((a, b) => a.code.localeCompare(b.code))
					.map(areaOf)
			: [];
	const trend = trendMonths(input.period).flatMap((month): ReportTrendMonth[] => {
		const row = own.find((r) => r.month === month);
		if (!row) return [];
		const inMonth = figuresOf([month], month);
		const mine = inMonth.find(isArea(input.level, input.code))!;
		return [{ month, closed: row.closed, figures: toFigures(mine) }];
	});
	const inPeriod = own.filter((r) => months.includes(r.month));
	return {
		level: input.level,
		code: input.code,
		period: input.period,
		months,
		keys,
		area: areaOf(area),
		communes,
		trend,
		final: months.every((m) => inPeriod.some((r) => r.month === m && r.closed)),
		computedAt: Math.max(...inPeriod.map((r) => r.computedAt)),
		demo: inPeriod.some((r) => r.demoRecords > 0)
	};
}
