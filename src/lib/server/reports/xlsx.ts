/**
 * A report as an XLSX workbook (issue 16 §5), through the project's XLSX writer: sheet "Số liệu"
 * holds the table of the CSV (domain/report-table.ts) with numbers typed and formatted (a rate as
 * a percentage, members per 1,000 with one decimal, counts whole); sheet "Thông tin" says what
 * the report is, its version and status, and its source.
 */
import { metricDefinition } from '../../domain/metric-definitions.ts';
import type { ReportContent } from '../../domain/report-content.ts';
import {
	REPORT_TABLE_HEADER,
	reportTableRows,
	reportTitleLines
} from '../../domain/report-table.ts';
import type { ReportStatus } from '../../domain/report-workflow.ts';
import { writeXlsx, type XlsxCell, type XlsxFormat } from '../export/xlsx.ts';

const VALUE_FORMAT: Record<string, XlsxFormat> = {
	proportion: 'percent1',
	per_1000: 'decimal1',
	count: 'integer'
};

/** The workbook's bytes. */
export function reportXlsx(
	content: ReportContent,
	meta: { version: number; status: ReportStatus | null; areaName: string; generatedAt: string }
): Promise<Uint8Array<ArrayBuffer>> {
	const rows: XlsxCell[][] = reportTableRows(content).map((r) => {
		const kind = metricDefinition(String(r[4]))?.kind ?? 'count';
		return r.map((v, i): XlsxCell => {
			if (typeof v !== 'number') return v;
			return { value: v, format: i === 7 ? VALUE_FORMAT[kind] : 'integer' };
		});
	});
	return writeXlsx([
		{
			name: 'Số liệu',
			header: true,
			rows: [[...REPORT_TABLE_HEADER], ...rows],
			columnWidths: [6, 8, 28, 11, 26, 48, 12, 12, 12, 12, 9, 36, 16, 12, 10]
		},
		{
			name: 'Thông tin',
			rows: reportTitleLines(content, meta).map((line) => [line]),
			columnWidths: [110]
		}
	]);
}
