/**
 * The files of a metric export (issue 16 §7): the rows of domain/metric-export.ts as CSV (UTF-8
 * with BOM, the project's writer), XLSX (a bold frozen header, numbers as numbers, a "Ghi chú"
 * sheet) and GeoJSON (the areas' outlines with the row as properties). Headers in Vietnamese,
 * or English with `lang=en`; numbers written out as text use vi-VN formats in both.
 */
import type { Label, MetricDefinition } from '../../domain/metric-definitions.ts';
import type { ExportRow } from '../../domain/metric-export.ts';
import { toCsv } from '../../domain/csv-write.ts';
import { formatFigure } from '../../map/legend.ts';
import { formatNumber } from '../../i18n/index.ts';
import { writeXlsx, type XlsxCell, type XlsxFormat } from './xlsx.ts';
import type { OutlineGeometry } from './outlines-contract.ts';
import { NOTES_TITLE, exportNotes, type ExportContext } from './metric-notes.ts';

export type ExportLang = 'vi' | 'en';
export type { ExportContext } from './metric-notes.ts';

interface Column {
	key: string;
	label: Label;
	width: number;
	/** The cell: a number stays a number in XLSX. */
	cell: (r: ExportRow, ctx: ExportContext, lang: ExportLang) => string | number | null;
	/** XLSX number format of a number in this column (`value` follows the metric's kind). */
	format?: (def: MetricDefinition) => XlsxFormat;
}

const valueFormat = (def: MetricDefinition): XlsxFormat =>
	def.kind === 'proportion' ? 'percent1' : def.kind === 'per_1000' ? 'decimal1' : 'integer';

const basisText = (r: ExportRow, lang: ExportLang) => {
	if (!r.basis) return null;
	const n = formatNumber(r.basis.withData);
	const of = formatNumber(r.basis.communes);
	// A change: the communes with data in the earlier month → in the later one.
	const from = r.basis.fromWithData === undefined ? '' : `${formatNumber(r.basis.fromWithData)} → `;
	return lang === 'vi'
		? `từ ${from}${n}/${of} xã có số liệu`
		: `from ${from}${n} of ${of} communes with data`;
};

/** A change reads "+5" for a rise (as the map's change view). */
const shownValue = (r: ExportRow, c: ExportContext) => {
	if (r.value === null) return null;
	const text = formatFigure(c.def.kind, r.value);
	return c.since && r.value > 0 ? `+${text}` : text;
};

/** The columns, in order: the contract of every export format. */
export const EXPORT_COLUMNS: readonly Column[] = [
	{ key: 'level', label: { vi: 'Cấp', en: 'Level' }, width: 10, cell: (r) => r.level },
	{ key: 'code', label: { vi: 'Mã', en: 'Code' }, width: 8, cell: (r) => r.code },
	{ key: 'name', label: { vi: 'Tên', en: 'Name' }, width: 26, cell: (r) => r.name },
	{
		key: 'province_code',
		label: { vi: 'Mã tỉnh', en: 'Province code' },
		width: 9,
		cell: (r) => r.provinceCode
	},
	{
		key: 'province_name',
		label: { vi: 'Tỉnh, thành phố', en: 'Province' },
		width: 22,
		cell: (r) => r.provinceName
	},
	{ key: 'metric', label: { vi: 'Mã chỉ tiêu', en: 'Metric' }, width: 20, cell: (r) => r.metric },
	{
		key: 'metric_label',
		label: { vi: 'Chỉ tiêu', en: 'Metric name' },
		width: 40,
		cell: (_, c, lang) =>
			c.since
				? `${lang === 'vi' ? 'Thay đổi' : 'Change'} ${c.since} → ${c.month}: ${c.def.label[lang]}`
				: c.def.label[lang]
	},
	{
		key: 'period_start',
		label: { vi: 'Từ ngày', en: 'From' },
		width: 11,
		cell: (r) => r.periodStart
	},
	{ key: 'period_end', label: { vi: 'Đến ngày', en: 'To' }, width: 11, cell: (r) => r.periodEnd },
	{
		key: 'value',
		label: { vi: 'Giá trị', en: 'Value' },
		width: 11,
		cell: (r) => r.value,
		format: valueFormat
	},
	{
		key: 'value_text',
		label: { vi: 'Giá trị hiển thị', en: 'Value as shown' },
		width: 14,
		cell: (r, c) => shownValue(r, c)
	},
	{
		key: 'numerator',
		label: { vi: 'Tử số', en: 'Numerator' },
		width: 10,
		cell: (r) => r.numerator,
		format: () => 'integer'
	},
	{
		key: 'denominator',
		label: { vi: 'Mẫu số', en: 'Denominator' },
		width: 10,
		cell: (r) => r.denominator,
		format: () => 'integer'
	},
	{
		key: 'denominator_label',
		label: { vi: 'Mẫu số là', en: 'Denominator is' },
		width: 40,
		cell: (_, c, lang) => c.def.denominatorLabel[lang]
	},
	{ key: 'status', label: { vi: 'Trạng thái', en: 'Status' }, width: 11, cell: (r) => r.status },
	{
		key: 'basis',
		label: { vi: 'Cơ sở', en: 'Basis' },
		width: 28,
		cell: (r, _, lang) => basisText(r, lang)
	},
	{ key: 'source', label: { vi: 'Nguồn', en: 'Source' }, width: 28, cell: (r) => r.source }
];

/** The header row in `lang`. */
export const exportHeader = (lang: ExportLang) => EXPORT_COLUMNS.map((c) => c.label[lang]);

/** The data rows as plain values (numbers stay numbers). */
function tableOf(rows: readonly ExportRow[], ctx: ExportContext, lang: ExportLang) {
	return rows.map((r) => EXPORT_COLUMNS.map((c) => c.cell(r, ctx, lang)));
}

/** CSV text: UTF-8 with BOM, CRLF, header row in `lang`. */
export function exportCsv(rows: readonly ExportRow[], ctx: ExportContext, lang: ExportLang) {
	return toCsv(exportHeader(lang), tableOf(rows, ctx, lang));
}

/** The XLSX workbook: "Số liệu" (or "Data") then the notes. */
export function exportXlsx(
	rows: readonly ExportRow[],
	ctx: ExportContext,
	lang: ExportLang
): Promise<Uint8Array<ArrayBuffer>> {
	const formats = EXPORT_COLUMNS.map((c) => c.format?.(ctx.def));
	const data: XlsxCell[][] = [
		exportHeader(lang),
		...tableOf(rows, ctx, lang).map((row) =>
			row.map((v, i) =>
				typeof v === 'number' && formats[i] ? { value: v, format: formats[i] } : v
			)
		)
	];
	return writeXlsx([
		{
			name: lang === 'vi' ? 'Số liệu' : 'Data',
			header: true,
			rows: data,
			columnWidths: EXPORT_COLUMNS.map((c) => c.width)
		},
		{
			name: NOTES_TITLE[lang],
			header: true,
			rows: exportNotes(ctx, lang).map(([a, b]) => [a, { value: b, wrap: true }]),
			columnWidths: [24, 100]
		}
	]);
}

/**
 * A FeatureCollection: one feature per row, its outline (null where none is known: the
 * country) and the row's columns as properties (keys as the CSV's English-independent keys).
 */
export function exportGeoJson(
	rows: readonly ExportRow[],
	ctx: ExportContext,
	lang: ExportLang,
	outlines: ReadonlyMap<string, OutlineGeometry>
) {
	return {
		type: 'FeatureCollection' as const,
		features: rows.map((r) => ({
			type: 'Feature' as const,
			id: r.code,
			geometry: outlines.get(r.code) ?? null,
			properties: Object.fromEntries(EXPORT_COLUMNS.map((c) => [c.key, c.cell(r, ctx, lang)]))
		}))
	};
}
