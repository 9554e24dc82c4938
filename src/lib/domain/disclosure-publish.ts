/**
 * What is published of one metric over a period, as the protection and the auditor see it
 * (issue 16 §8): the country, its provinces and their communes, month by month over the series'
 * window, and for flows the sums a reader also gets — the 12-month figures ("last12": the map's
 * default, modelled as the sum of the window's last 12 months) and every ended quarter inside the
 * window (reports). History is on today's boundaries only: the months hold new communes' codes.
 *
 * protectPublished decides which cells to hide (disclosure-hierarchy.ts: the whole hierarchy at
 * once); auditPublished audits what a reader is shown (hidden flags however they were made).
 * Cells are addressed by (period, code): period "YYYY-MM", "YYYY-Qn" or LAST_12; code a commune,
 * a province or "VN". A stock has no sums over months: its quarter and 12-month figures are its
 * last month's, so they take that month's flags.
 */
import { METRIC_DEFINITIONS, metricDefinition, type MetricKind } from './metric-definitions.ts';
import type { AuditResult } from './disclosure-audit.ts';
import {
	auditHierarchy,
	protectHierarchy,
	type HierarchyProtection
} from './disclosure-hierarchy.ts';
import type { SeriesProtection } from './disclosure-protect.ts';
import { seriesCellId, type SeriesFigure, type SeriesTable } from './disclosure-series.ts';
import {
	lastMonths,
	monthFigure,
	monthsOfQuarter,
	quarterOf,
	timeKindOf,
	type MonthCounts,
	type MonthServiceCounts
} from './metric-months.ts';

/** The period label of the 12-month figures (the map's default, no `month`). */
export const LAST_12 = 'last12';
/** The country's code in the flags. */
export const COUNTRY_CODE = 'VN';
/** Months the protection covers (the series' window: the current month and the 23 before). */
export const PROTECTED_MONTHS = 24;

export interface PublishedGroup {
	label: string;
	/** Indices into `months`. */
	months: number[];
}

/** One metric's published figures over the window (numerators and denominators; null = no data). */
export interface PublishedMetric {
	kind: MetricKind;
	aggregation: 'flow' | 'stock';
	months: string[];
	groups: PublishedGroup[];
	provinces: {
		code: string;
		communes: { code: string; figures: (SeriesFigure | null)[] }[];
	}[];
}

export interface HiddenCell {
	period: string;
	code: string;
}

/**
 * The window ending with `current` and its groups: for a flow the ended quarters wholly inside
 * it and the last 12 months; for a stock, the same labels mapped to their last month by
 * hiddenOfStock (no sums over time).
 */
export function publishedPeriods(current: string): { months: string[]; groups: PublishedGroup[] } {
	const months = lastMonths(current, PROTECTED_MONTHS);
	const quarters = [...new Set(months.map(quarterOf))].filter((q) => {
		const qm = monthsOfQuarter(q);
		return qm.every((m) => months.includes(m)) && qm.at(-1)! < current;
	});
	const groups = quarters.map((q) => ({
		label: q,
		months: monthsOfQuarter(q).map((m) => months.indexOf(m))
	}));
	groups.push({ label: LAST_12, months: months.slice(-12).map((m) => months.indexOf(m)) });
	return { months, groups };
}

/** Areas with data somewhere in the window only: the rest add nothing to any sum. */
function tablesOf(p: PublishedMetric) {
	const provinces = p.provinces
		.map((prov) => ({ ...prov, communes: prov.communes.filter((c) => c.figures.some(Boolean)) }))
		.filter((prov) => prov.communes.length > 0);
	const groups = p.aggregation === 'flow' ? p.groups.map((g) => g.months) : undefined;
	const tables = provinces.map((prov): SeriesTable => ({
		kind: p.kind,
		aggregation: p.aggregation,
		figures: prov.communes.map((c) => c.figures),
		groups
	}));
	return { provinces, tables };
}

/** A table id (`a3/m5`, `parent/g1`) as (column, row): row null for the table's parent. */
function parseId(id: string): { row: number | null; month?: number; group?: number } {
	const m = /^(?:a(\d+)|parent)\/([mg])(\d+)$/.exec(id);
	if (!m) throw new RangeError(`disclosure: not a cell id: ${id}`);
	const row = m[1] === undefined ? null : Number(m[1]);
	return m[2] === 'm' ? { row, month: Number(m[3]) } : { row, group: Number(m[3]) };
}

/**
 * The (period, code) of a whole-hierarchy cell id (auditHierarchy's: `a3/m5` a province of the
 * top table, `parent/g1` the country, `p3:a2/m5` a commune of province 3).
 * @throws RangeError on an id that is not a cell of this publication.
 */
export function publishedCell(p: PublishedMetric): (id: string) => HiddenCell {
	const { provinces } = tablesOf(p);
	return (id) => {
		const m = /^p(\d+):(.*)$/.exec(id);
		const c = parseId(m ? m[2]! : id);
		const period = c.month !== undefined ? p.months[c.month] : p.groups[c.group!]?.label;
		const code = m
			? provinces[Number(m[1])]?.communes[c.row ?? -1]?.code
			: c.row === null
				? COUNTRY_CODE
				: provinces[c.row]?.code;
		if (period === undefined || code === undefined)
			throw new RangeError(`disclosure: no cell ${id} in this publication`);
		return { period, code };
	};
}

/**
 * Decides what to hide of one metric's publication over the window so that no count of 1–10
 * can be read or derived from it (months, quarters, 12-month figures; communes, provinces, the
 * country). Deterministic.
 * @returns the hidden cells and the whole-hierarchy audit's leftovers (expected none).
 */
export function protectPublished(p: PublishedMetric): {
	hidden: HiddenCell[];
	unresolved: string[];
} {
	const { tables } = tablesOf(p);
	if (tables.length === 0) return { hidden: [], unresolved: [] };
	const hp = protectHierarchy(tables);
	const cell = publishedCell(p);
	const out = [
		...hp.top.hidden.map(cell),
		...hp.children.flatMap((child, i) =>
			child.hidden.filter((id) => !id.startsWith('parent/')).map((id) => cell(`p${i}:${id}`))
		)
	];
	const hidden = p.aggregation === 'stock' ? withStockGroups(p, out) : out;
	return { hidden, unresolved: hp.unresolved };
}

/** A stock's group figures are its last month's: they take that month's flags. */
function withStockGroups(p: PublishedMetric, hidden: HiddenCell[]): HiddenCell[] {
	const extra = p.groups.flatMap((g) => {
		const last = p.months[Math.max(...g.months)]!;
		return hidden.filter((h) => h.period === last).map((h) => ({ period: g.label, code: h.code }));
	});
	return [...hidden, ...extra];
}

/**
 * Audits one metric's publication with the given flags (a cell is hidden when `isHidden` says so,
 * whatever hid it): everything a reader gets for the window, as one system of sums.
 */
export function auditPublished(
	p: PublishedMetric,
	isHidden: (period: string, code: string) => boolean
): AuditResult {
	const { provinces, tables } = tablesOf(p);
	if (tables.length === 0) return { determined: [], smallSums: [] };
	const groups = p.aggregation === 'flow' ? p.groups : [];
	/** A table's hidden ids: its rows' cells (areas `rows`) and its parent's (`parent`). */
	const idsOf = (parent: string, rows: string[]): string[] => {
		const ids: string[] = [];
		const each = (code: string, r: number | null) => {
			p.months.forEach((m, k) => {
				if (!isHidden(m, code)) return;
				ids.push(r === null ? seriesCellId.parentMonth(k) : seriesCellId.month(r, k));
			});
			groups.forEach((g, k) => {
				if (!isHidden(g.label, code)) return;
				ids.push(r === null ? seriesCellId.parentGroup(k) : seriesCellId.group(r, k));
			});
		};
		rows.forEach((code, r) => each(code, r));
		each(parent, null);
		return ids;
	};
	const table = (hidden: string[]): SeriesProtection => ({ hidden, moves: [], unresolved: [] });
	const top = table(
		idsOf(
			COUNTRY_CODE,
			provinces.map((x) => x.code)
		)
	);
	const children = provinces.map((prov) =>
		table(
			idsOf(
				prov.code,
				prov.communes.map((c) => c.code)
			)
		)
	);
	const protection: HierarchyProtection = { top, children, unresolved: [] };
	return auditHierarchy(tables, protection);
}

/** The metrics whose publication is protected across time and geography (small-count rule). */
export function protectedMetricKeys(): string[] {
	return METRIC_DEFINITIONS.filter((d) => d.smallCountRule && d.group !== 'official').map(
		(d) => d.key
	);
}

/**
 * One metric's publication over the window ending with `current`, from the communes' month rows
 * (and their service rows for a service's metric). Provinces and the country are the sums.
 * @throws RangeError on an unknown metric key.
 */
export function publishedMetricOf(
	key: string,
	current: string,
	rows: readonly MonthCounts[],
	services: readonly MonthServiceCounts[]
): PublishedMetric {
	const def = metricDefinition(key);
	if (!def) throw new RangeError(`unknown metric: ${key}`);
	const { months, groups } = publishedPeriods(current);
	const svc = new Map(
		services
			.filter((s) => s.serviceCode === def.serviceCode)
			.map((s) => [`${s.code}|${s.month}`, s])
	);
	const byCommune = new Map<string, { province: string; figures: (SeriesFigure | null)[] }>();
	for (const r of rows) {
		const k = months.indexOf(r.month);
		if (r.level !== 'commune' || k < 0 || r.provinceCode === null) continue;
		const entry = byCommune.get(r.code) ?? {
			province: r.provinceCode,
			figures: months.map(() => null)
		};
		entry.figures[k] = monthFigure(key, r, svc.get(`${r.code}|${r.month}`));
		byCommune.set(r.code, entry);
	}
	const provinces = new Map<string, { code: string; figures: (SeriesFigure | null)[] }[]>();
	for (const [code, e] of [...byCommune].sort(([a], [b]) => a.localeCompare(b)))
		provinces.set(e.province, [...(provinces.get(e.province) ?? []), { code, figures: e.figures }]);
	return {
		kind: def.kind,
		aggregation: timeKindOf(key),
		months,
		groups,
		provinces: [...provinces]
			.sort(([a], [b]) => a.localeCompare(b))
			.map(([code, communes]) => ({ code, communes }))
	};
}
