/**
 * The project's XLSX writer: sheets of typed cells, column widths, number formats, a bold and
 * frozen header. Every spreadsheet the app serves (metric exports, the commune and province
 * reports) goes through `writeXlsx`, so the library stays behind this one small API.
 *
 * Built on excel-builder-vanilla (the workbook's XML) and fflate's `zipSync` (the package). The
 * library's own `createExcelFile` zips with fflate's asynchronous `zip`, which hands any file over
 * 160 KB to a Web Worker: workerd has none ("Worker is not defined" for a national sheet), so the
 * archive is made here synchronously from the library's `generateFiles()`.
 */
import { Workbook, type ExcelStyleInstruction } from 'excel-builder-vanilla';
import { strToU8, zipSync } from 'fflate';

/** Number formats by name (Excel format codes; Excel shows them in the reader's locale). */
export const XLSX_FORMATS = {
	/** 1234 → 1.234 */
	integer: '#,##0',
	/** 12.34 → 12,3 */
	decimal1: '#,##0.0',
	/** 0.625 → 62,5 % */
	percent1: '0.0%'
} as const;
export type XlsxFormat = keyof typeof XLSX_FORMATS;

/** A cell with its presentation; a bare value is a plain cell. */
export interface XlsxStyledCell {
	/** A string stays text (codes keep their leading zeros); a number stays a number. */
	value: string | number | null;
	bold?: boolean;
	format?: XlsxFormat;
	/** Wrap long text within the column's width. */
	wrap?: boolean;
}
export type XlsxCell = string | number | null | XlsxStyledCell;

export interface XlsxSheet {
	/** At most 31 characters, none of : \ / ? * [ ] (Excel's rule). */
	name: string;
	rows: XlsxCell[][];
	/** Widths in characters, by column. */
	columnWidths?: number[];
	/** The first row is a header: bold, and frozen so it stays in view when scrolling. */
	header?: boolean;
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const BAD_SHEET_NAME = /[:\\/?*[\]]/;

/** Style ids of one workbook, made once per distinct presentation. */
function styler(workbook: Workbook) {
	const ids = new Map<string, number>();
	return (cell: XlsxStyledCell): number | undefined => {
		if (!cell.bold && !cell.format && !cell.wrap) return undefined;
		const key = `${cell.bold ? 1 : 0}|${cell.format ?? ''}|${cell.wrap ? 1 : 0}`;
		let id = ids.get(key);
		if (id === undefined) {
			const style: ExcelStyleInstruction = {};
			if (cell.bold) style.font = { bold: true };
			if (cell.format) style.format = XLSX_FORMATS[cell.format];
			if (cell.wrap) style.alignment = { wrapText: true, vertical: 'top' };
			id = (workbook.getStyleSheet().createFormat(style) as { id: number }).id;
			ids.set(key, id);
		}
		return id;
	};
}

function addSheet(workbook: Workbook, sheet: XlsxSheet, styleOf: ReturnType<typeof styler>) {
	if (!sheet.name || sheet.name.length > 31 || BAD_SHEET_NAME.test(sheet.name)) {
		throw new RangeError(`not a sheet name: "${sheet.name}"`);
	}
	const ws = workbook.createWorksheet({ name: sheet.name });
	ws.setData(
		sheet.rows.map((row, r) =>
			row.map((c) => {
				const cell: XlsxStyledCell =
					c !== null && typeof c === 'object' ? c : { value: c as string | number | null };
				const styled = sheet.header && r === 0 ? { ...cell, bold: true } : cell;
				const style = styleOf(styled);
				// An empty cell is an empty text: the library would write null as the text "null".
				const value = styled.value ?? '';
				return style === undefined ? { value } : { value, metadata: { style } };
			})
		)
	);
	if (sheet.columnWidths) ws.setColumns(sheet.columnWidths.map((width) => ({ width })));
	if (sheet.header) {
		// The pane's state and its split (the sheet's freezePane is deprecated and sets only one).
		const pane = ws.sheetView.pane;
		pane.state = 'frozen';
		pane.freezePane(0, 1, 'A2');
	}
	workbook.addWorksheet(ws);
}

/**
 * Writes a workbook of `sheets`, in order, as the bytes of an .xlsx file.
 * @throws RangeError on an invalid or repeated sheet name.
 */
export async function writeXlsx(sheets: readonly XlsxSheet[]): Promise<Uint8Array<ArrayBuffer>> {
	const names = new Set(sheets.map((s) => s.name.toLowerCase()));
	if (names.size !== sheets.length) throw new RangeError('sheet names must differ');
	const workbook = new Workbook();
	const styleOf = styler(workbook);
	for (const sheet of sheets) addSheet(workbook, sheet, styleOf);
	const files = await workbook.generateFiles();
	const entries: Record<string, Uint8Array> = {};
	// The library's paths start with "/" (its own createExcelFile strips it the same way).
	for (const [path, xml] of Object.entries(files)) entries[path.slice(1)] = strToU8(xml);
	// fflate allocates a plain ArrayBuffer (never shared): a body Response and Blob accept.
	return zipSync(entries, { level: 6 }) as Uint8Array<ArrayBuffer>;
}
