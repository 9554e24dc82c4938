/**
 * Export rows of one metric (issue 16 §7): the public figures of some areas — already through
 * "no data" and small-count suppression (metrics.ts, official-metrics.ts) — as one row per area
 * with a `status` a spreadsheet can filter on. A hidden figure stays hidden: a suppressed or
 * no-data row carries no value, numerator or denominator, whatever the figure held.
 */
import type { MetricDefinition } from './metric-definitions.ts';
import type { AreaLevel, FigureBasis, MetricValue, PublicAreaMetrics } from './metrics.ts';
import { roundFigure } from './metric-payload.ts';
import { vnToday } from './vn-time.ts';

/** ok: a figure; estimate: a figure that is an estimate; suppressed: hidden; no_data: none. */
export const EXPORT_STATUSES = ['ok', 'suppressed', 'no_data', 'estimate'] as const;
export type ExportStatus = (typeof EXPORT_STATUSES)[number];

/** Names of an area as the reference data spell them. */
export interface AreaNames {
	name: string;
	provinceCode: string | null;
	provinceName: string | null;
}

export interface ExportRow {
	level: AreaLevel;
	code: string;
	name: string;
	provinceCode: string | null;
	provinceName: string | null;
	metric: string;
	/** Vietnam dates "YYYY-MM-DD" of the figure's period (start = end for a snapshot). */
	periodStart: string;
	periodEnd: string;
	/** The figure as the map has it (rounded as the map rounds); null unless ok or estimate. */
	value: number | null;
	numerator: number | null;
	denominator: number | null;
	status: ExportStatus;
	/**
	 * How many communes a province's or the country's figure stands on; of a change, in the later
	 * month (`withData`) and the earlier (`fromWithData`).
	 */
	basis: (FigureBasis & { fromWithData?: number }) | null;
	/** An official figure's source (official_* metrics). */
	source: string | null;
}

/** An ISO instant or date → its Vietnam calendar date "YYYY-MM-DD". @throws RangeError. */
export function vnDate(iso: string): string {
	if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
	const ms = Date.parse(iso);
	if (Number.isNaN(ms)) throw new RangeError(`not a date: ${iso}`);
	return vnToday(ms);
}

/** The status of a public figure: a shown estimate is "estimate", never "ok". */
export function exportStatus(m: MetricValue): ExportStatus {
	if (m.status === 'suppressed') return 'suppressed';
	if (m.status === 'no_data' || m.value === null) return 'no_data';
	return m.estimate ? 'estimate' : 'ok';
}

const sourceOf = (m: MetricValue): string | null => {
	const official = (m as { official?: { source: string | null } }).official;
	return official?.source ?? null;
};

/** One area's row of `def`. @throws RangeError when the area has no figure for it. */
export function exportRow(
	def: MetricDefinition,
	area: PublicAreaMetrics,
	names: AreaNames
): ExportRow {
	const m = area.metrics.find((x) => x.key === def.key);
	if (!m) throw new RangeError(`area ${area.code} has no figure for ${def.key}`);
	const status = exportStatus(m);
	const shown = status === 'ok' || status === 'estimate';
	return {
		level: area.level,
		code: area.code,
		name: names.name,
		provinceCode: names.provinceCode,
		provinceName: names.provinceName,
		metric: def.key,
		periodStart: vnDate(m.period.start),
		periodEnd: vnDate(m.period.end),
		value: shown ? roundFigure(def.kind, m.value!) : null,
		numerator: shown ? m.numerator : null,
		denominator: shown ? m.denominator : null,
		status,
		basis: m.basis ?? null,
		source: sourceOf(m)
	};
}

const LEVEL_ORDER: Record<AreaLevel, number> = { country: 0, province: 1, commune: 2 };

/**
 * Rows of `def` for the areas of `areas` that `include` keeps, the larger areas first, then by
 * code. An area without names (not in the reference data) is left out.
 */
export function exportRows(
	def: MetricDefinition,
	areas: readonly PublicAreaMetrics[],
	names: ReadonlyMap<string, AreaNames>,
	include: (a: PublicAreaMetrics) => boolean
): ExportRow[] {
	return areas
		.filter((a) => include(a) && names.has(a.code))
		.sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] || a.code.localeCompare(b.code))
		.map((a) => exportRow(def, a, names.get(a.code)!));
}

/**
 * Which areas an export of `area` holds: VN → the country and its provinces, or every commune
 * (`level` commune); a province → the province and its communes; a commune → that commune.
 */
export function inScope(area: string, level: 'province' | 'commune') {
	return (a: PublicAreaMetrics): boolean => {
		if (area === 'VN') return level === 'commune' ? a.level === 'commune' : a.level !== 'commune';
		if (area.length === 2) {
			return (
				(a.level === 'province' && a.code === area) ||
				(a.level === 'commune' && a.provinceCode === area)
			);
		}
		return a.level === 'commune' && a.code === area;
	};
}

/**
 * The "change since" rows (issue 16 §7 with §3): per area of `to` (the later month's rows), its
 * figure less the earlier month's (`from`). A row is suppressed when either month's figure is
 * hidden, no data when either has none, an estimate when either is; only a difference of two
 * shown figures is written. Numerators and denominators are left out (a difference has none).
 */
export function changeRows(
	def: MetricDefinition,
	from: readonly ExportRow[],
	to: readonly ExportRow[]
): ExportRow[] {
	const earlier = new Map(from.map((r) => [`${r.level}|${r.code}`, r]));
	const shown = (r: ExportRow | undefined) => r?.status === 'ok' || r?.status === 'estimate';
	return to.map((r) => {
		const f = earlier.get(`${r.level}|${r.code}`);
		const status: ExportStatus =
			r.status === 'suppressed' || f?.status === 'suppressed'
				? 'suppressed'
				: !shown(r) || !shown(f)
					? 'no_data'
					: r.status === 'estimate' || f!.status === 'estimate'
						? 'estimate'
						: 'ok';
		const both = status === 'ok' || status === 'estimate';
		return {
			...r,
			periodStart: f?.periodStart ?? r.periodStart,
			// As the map's change view (metric-month-payload.ts): the rounded figures' difference.
			value: both ? roundFigure(def.kind, r.value! - f!.value!) : null,
			numerator: null,
			denominator: null,
			status,
			basis: r.basis && f?.basis ? { ...r.basis, fromWithData: f.basis.withData } : null,
			source: r.source ?? f?.source ?? null
		};
	});
}
