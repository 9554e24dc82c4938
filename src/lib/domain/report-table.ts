/**
 * A report as one table (issue 16 §5): a row per area and figure, with its status, value,
 * numerator and denominator — the rows of the CSV and of the XLSX download. Vietnamese headers;
 * numbers are plain numbers (a proportion 0–1, as the map's payload), so a spreadsheet can sum
 * them; a hidden or missing figure has an empty value and its status says why.
 */
import { metricDefinition } from './metric-definitions.ts';
import type { MetricStatus } from './metrics.ts';
import type { ReportArea, ReportContent, ReportFigure } from './report-content.ts';
import type { ReportStatus } from './report-workflow.ts';

export const REPORT_TABLE_HEADER = [
	'Cấp',
	'Mã',
	'Tên',
	'Kỳ báo cáo',
	'Chỉ số',
	'Tên chỉ số',
	'Trạng thái',
	'Giá trị',
	'Tử số',
	'Mẫu số',
	'Ước tính',
	'Nguồn',
	'Tháng của số liệu',
	'Số xã có số liệu',
	'Tổng số xã'
] as const;

/** Whose figure: Từng Ngõ's (the teams' visits) or the official source's. */
const sourceCell = (f: ReportFigure) =>
	f.official ? `Số liệu chính thức: ${f.official.source ?? '—'}` : 'Từng Ngõ';

const monthsCell = (f: ReportFigure) => {
	const m = f.official?.months;
	if (!m) return null;
	return m.first === m.last ? m.first : `${m.first}..${m.last}`;
};

/** The status column: ok / suppressed / no_data (issue 16 §7's words, in every export). */
export const STATUS_CELL: Record<MetricStatus, string> = {
	value: 'ok',
	suppressed: 'suppressed',
	no_data: 'no_data'
};

const LEVEL_CELL: Record<ReportArea['level'], string> = { commune: 'xã', province: 'tỉnh' };

export type ReportCell = string | number | null;

/** The rows under REPORT_TABLE_HEADER: the area first, then a province's communes. */
export function reportTableRows(content: ReportContent): ReportCell[][] {
	const areas = [content.area, ...content.communes];
	return areas.flatMap((a) =>
		a.figures.map((f) => [
			LEVEL_CELL[a.level],
			a.code,
			a.name,
			content.period,
			f.key,
			metricDefinition(f.key)?.label.vi ?? f.key,
			STATUS_CELL[f.status],
			f.value,
			f.numerator,
			f.denominator,
			f.estimate ? 'có' : 'không',
			sourceCell(f),
			monthsCell(f),
			f.basis?.withData ?? null,
			f.basis?.communes ?? null
		])
	);
}

/** Lines above the table in the XLSX (and the page's footer): what, which version, source. */
export function reportTitleLines(
	content: ReportContent,
	meta: { version: number; status: ReportStatus | null; areaName: string; generatedAt: string }
): string[] {
	return [
		`Báo cáo ${content.level === 'commune' ? 'xã' : 'tỉnh'}: ${meta.areaName} (${content.code}) — kỳ ${content.period}`,
		`Phiên bản ${meta.version} — ${meta.status ?? 'draft'}${content.final ? '' : ' — số liệu chưa chốt'}`,
		`Nguồn: Từng Ngõ, số liệu theo tháng của bản đồ (cùng quy tắc ẩn số nhỏ 1–10); số liệu chính thức theo nguồn ghi ở từng dòng. Tạo lúc ${meta.generatedAt}`
	];
}

/** A file name: bao-cao-05569-2026-10-v1.csv */
export function reportFileName(
	r: { code: string; period: string; version: number },
	ext: 'csv' | 'xlsx'
): string {
	return `bao-cao-${r.code}-${r.period}-v${r.version}.${ext}`;
}
