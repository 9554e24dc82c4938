/**
 * Official statistics as public metrics of their own (`official_<service>`, issue 16 §2): per
 * commune the figure of its latest month with that month and its source; a province's and the
 * country's figure is the sum over the communes that have one, stating how many. A commune
 * without a figure is "no data", never 0. Counts of 1–10 are hidden, and so is what would let
 * them be worked out from a province or the country (metric-disclosure.ts, as for other counts).
 */
import type { Label, MetricDefinition } from './metric-definitions.ts';
import type { MetricValue, PublicAreaMetrics } from './metrics.ts';
import {
	disclosesSmallCount,
	protectGroup,
	protectHiddenParent,
	type DisclosureCell
} from './metric-disclosure.ts';

/** A commune's latest official figure of one service. */
export interface OfficialFigure {
	communeCode: string;
	provinceCode: string;
	month: string;
	value: number;
	estimate: boolean;
	source: string;
	importedAt: number;
}

/** A province's sum over its communes' latest figures of one service. */
export interface OfficialTotal {
	provinceCode: string;
	total: number;
	/** Communes with a figure. */
	communes: number;
	estimate: boolean;
	firstMonth: string;
	lastMonth: string;
	importedAt: number;
}

/** An official metric value: the month(s) and source behind it, and the communes it stands on. */
export interface OfficialMetricValue extends MetricValue {
	official: { months: { first: string; last: string } | null; source: string | null };
	basis?: { withData: number; communes: number };
}

/** "2025-09" → the month's first and last day, ISO. */
export function monthPeriod(first: string, last = first): { start: string; end: string } {
	const [y, m] = last.split('-').map(Number) as [number, number];
	const end = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
	return { start: `${first}-01`, end };
}

const sourceLabel = (def: MetricDefinition, source: string | null): Label =>
	source
		? {
				vi: `${def.denominatorLabel.vi}. Nguồn: ${source}`,
				en: `${def.denominatorLabel.en}. Source: ${source}`
			}
		: def.denominatorLabel;

interface Cell extends DisclosureCell {
	code: string;
	provinceCode: string;
}

function value(
	def: MetricDefinition,
	cell: Cell | undefined,
	info: OfficialMetricValue['official'],
	estimate: boolean,
	fallback: string
): OfficialMetricValue {
	const period = info.months
		? monthPeriod(info.months.first, info.months.last)
		: monthPeriod(fallback);
	const base = {
		key: def.key,
		denominatorLabel: sourceLabel(def, info.source),
		period,
		official: info
	};
	if (!cell)
		return {
			...base,
			status: 'no_data',
			value: null,
			numerator: null,
			denominator: null,
			estimate: false
		};
	if (cell.hidden) {
		return {
			...base,
			status: 'suppressed',
			value: null,
			numerator: null,
			denominator: null,
			estimate
		};
	}
	return {
		...base,
		status: 'value',
		value: cell.numerator,
		numerator: cell.numerator,
		denominator: null,
		estimate
	};
}

export interface OfficialInput {
	/** The communes to report (all, or one province's), with their province. */
	communes: readonly { code: string; provinceCode: string }[];
	/** Latest figures of `def`'s service for (at least) those communes. */
	figures: readonly OfficialFigure[];
	/** Every province's total of the service (all provinces with a figure). */
	totals: readonly OfficialTotal[];
	/** Every province and its number of communes. */
	provinces: readonly { code: string; communeCount: number }[];
	/** "YYYY-MM": the period stated where nothing was ever imported. */
	currentMonth: string;
}

/**
 * The official metric `def` for the country, every province and the given communes, with
 * small-count suppression and protection of sums. The values are OfficialMetricValue.
 */
export function officialPublicMetrics(
	def: MetricDefinition,
	input: OfficialInput
): PublicAreaMetrics[] {
	const figureOf = new Map(input.figures.map((f) => [f.communeCode, f]));
	const totalOf = new Map(input.totals.map((t) => [t.provinceCode, t]));
	const cell = (code: string, provinceCode: string, n: number): Cell => ({
		code,
		provinceCode,
		numerator: n,
		denominator: null,
		hidden: disclosesSmallCount('count', n, null)
	});
	const communeCells = input.communes.flatMap((c) => {
		const f = figureOf.get(c.code);
		return f ? [cell(c.code, c.provinceCode, f.value)] : [];
	});
	const provinceCells = input.totals.map((t) => cell(t.provinceCode, t.provinceCode, t.total));
	const countryTotal = input.totals.reduce((s, t) => s + t.total, 0);
	const country = input.totals.length ? cell('VN', '', countryTotal) : undefined;
	const communesOf = (p: string) => communeCells.filter((c) => c.provinceCode === p);
	for (const p of provinceCells) if (!p.hidden) protectGroup('count', communesOf(p.code));
	if (country && !country.hidden) {
		for (const added of protectGroup('count', provinceCells) as Cell[]) {
			protectHiddenParent(communesOf(added.code));
		}
	}
	const cellOf = new Map(
		[...communeCells, ...provinceCells].map((c) => [`${c.code.length}|${c.code}`, c])
	);
	const months = (ts: readonly OfficialTotal[]) =>
		ts.length
			? {
					first: ts.map((t) => t.firstMonth).sort()[0]!,
					last: ts
						.map((t) => t.lastMonth)
						.sort()
						.at(-1)!
				}
			: null;
	const area = (
		level: PublicAreaMetrics['level'],
		code: string,
		provinceCode: string | null,
		computedAt: number,
		v: OfficialMetricValue
	): PublicAreaMetrics => ({ level, code, provinceCode, demoRecords: 0, computedAt, metrics: [v] });
	const all = input.provinces.reduce((s, p) => s + p.communeCount, 0);
	const latest = Math.max(0, ...input.totals.map((t) => t.importedAt));
	const out: PublicAreaMetrics[] = [
		area('country', 'VN', null, latest, {
			...value(
				def,
				country,
				{ months: months(input.totals), source: null },
				input.totals.some((t) => t.estimate),
				input.currentMonth
			),
			basis: { withData: input.totals.reduce((s, t) => s + t.communes, 0), communes: all }
		})
	];
	for (const p of input.provinces) {
		const t = totalOf.get(p.code);
		const v = value(
			def,
			cellOf.get(`2|${p.code}`),
			{ months: months(t ? [t] : []), source: null },
			!!t?.estimate,
			input.currentMonth
		);
		out.push(
			area('province', p.code, p.code, t?.importedAt ?? 0, {
				...v,
				basis: { withData: t?.communes ?? 0, communes: p.communeCount }
			})
		);
	}
	for (const c of input.communes) {
		const f = figureOf.get(c.code);
		const info = {
			months: f ? { first: f.month, last: f.month } : null,
			source: f?.source ?? null
		};
		const v = value(def, cellOf.get(`5|${c.code}`), info, !!f?.estimate, input.currentMonth);
		out.push(area('commune', c.code, c.provinceCode, f?.importedAt ?? 0, v));
	}
	return out;
}
