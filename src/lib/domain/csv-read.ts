/**
 * Reading an uploaded CSV file: guessing its encoding, parsing it with papaparse, and keeping
 * each row's line number for error messages. Everything comes out NFC-normalised, so files
 * saved by Excel on Vietnamese Windows (Windows-1258, which writes tones as combining marks),
 * by macOS (NFD) or with a UTF-8 BOM all read the same.
 */
import Papa from 'papaparse';
import { searchKey } from './text.ts';

export type CsvEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'windows-1258';

/** Windows-1258 bytes 0x80–0xFF (WHATWG index); below 0x80 it is ASCII. */
const CP1258_HIGH = [
	0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x8a, 0x2039, 0x152,
	0x8d, 0x8e, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122,
	0x9a, 0x203a, 0x153, 0x9d, 0x9e, 0x178, 0xa0, 0xa1, 0xa2, 0xa3, 0xa4, 0xa5, 0xa6, 0xa7, 0xa8,
	0xa9, 0xaa, 0xab, 0xac, 0xad, 0xae, 0xaf, 0xb0, 0xb1, 0xb2, 0xb3, 0xb4, 0xb5, 0xb6, 0xb7, 0xb8,
	0xb9, 0xba, 0xbb, 0xbc, 0xbd, 0xbe, 0xbf, 0xc0, 0xc1, 0xc2, 0x102, 0xc4, 0xc5, 0xc6, 0xc7, 0xc8,
	0xc9, 0xca, 0xcb, 0x300, 0xcd, 0xce, 0xcf, 0x110, 0xd1, 0x309, 0xd3, 0xd4, 0x1a0, 0xd6, 0xd7,
	0xd8, 0xd9, 0xda, 0xdb, 0xdc, 0x1af, 0x303, 0xdf, 0xe0, 0xe1, 0xe2, 0x103, 0xe4, 0xe5, 0xe6, 0xe7,
	0xe8, 0xe9, 0xea, 0xeb, 0x301, 0xed, 0xee, 0xef, 0x111, 0xf1, 0x323, 0xf3, 0xf4, 0x1a1, 0xf6,
	0xf7, 0xf8, 0xf9, 0xfa, 0xfb, 0xfc, 0x1b0, 0x20ab, 0xff
];

/**
 * Windows-1258 → string, by table: the Workers runtime's TextDecoder does not promise legacy
 * code pages, and this one is small.
 */
export function decodeWindows1258(bytes: Uint8Array): string {
	let out = '';
	for (const b of bytes)
		out += String.fromCharCode(b < 0x80 ? b : (CP1258_HIGH[b - 0x80] ?? 0xfffd));
	return out;
}

/**
 * Bytes → NFC text and the encoding it was in: a UTF-8 or UTF-16LE byte-order mark wins;
 * otherwise valid UTF-8 is UTF-8, and anything else is taken as Windows-1258.
 */
export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
	let text: string;
	let encoding: CsvEncoding;
	if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
		[text, encoding] = [new TextDecoder('utf-8').decode(bytes.subarray(3)), 'utf-8-bom'];
	} else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
		[text, encoding] = [new TextDecoder('utf-16le').decode(bytes.subarray(2)), 'utf-16le'];
	} else {
		try {
			[text, encoding] = [new TextDecoder('utf-8', { fatal: true }).decode(bytes), 'utf-8'];
		} catch {
			[text, encoding] = [decodeWindows1258(bytes), 'windows-1258'];
		}
	}
	return { text: text.normalize('NFC'), encoding };
}

export interface CsvRow {
	/** 1-based line number in the file where the row starts. */
	line: number;
	cells: string[];
}

export interface CsvTable {
	header: string[];
	rows: CsvRow[];
	delimiter: string;
	/** Problems of the file's structure (unclosed quotes, too many cells), by line. */
	problems: { line: number; message: string }[];
}

/**
 * The separator of the header line: Excel in the Vietnamese locale writes ";" (the decimal
 * mark is ","), elsewhere ","; "Unicode text" exports use tabs.
 */
export function guessDelimiter(text: string): string {
	const first = text.split('\n').find((l) => l.trim() !== '') ?? '';
	const counts = [',', ';', '\t'].map((d) => [d, first.split(d).length] as const);
	counts.sort((a, b) => b[1] - a[1]);
	return counts[0]![1] > 1 ? counts[0]![0] : ',';
}

/** Vietnamese wording of papaparse's error codes (the people who fix the file read it). */
const PARSE_ERRORS: Record<string, string> = {
	MissingQuotes: 'dấu ngoặc kép (") mở nhưng không đóng',
	InvalidQuotes:
		'dấu ngoặc kép (") đặt sai chỗ: một ô đặt trong ngoặc kép phải đóng ngoặc ngay trước dấu phân cách hoặc cuối dòng',
	UndetectableDelimiter: 'không nhận ra dấu phân cách (dùng dấu phẩy, chấm phẩy hoặc tab)',
	TooFewFields: 'dòng thiếu ô',
	TooManyFields: 'dòng thừa ô'
};

const SPANS_LINES =
	'một ô kéo dài sang dòng sau (thiếu dấu ngoặc kép " đóng?): mỗi ô phải nằm trên một dòng';

/** The line of `text` at offset `at` (1-based), counting from `line` at offset `from`. */
function lineAt(text: string, from: number, at: number, line: number): number {
	for (let i = from; i < at; i++) if (text.charCodeAt(i) === 10) line++;
	return line;
}

/**
 * Parses CSV text (comma, semicolon or tab separated); blank lines are dropped. The one reader
 * of uploaded files: a preview and its commit read the same bytes through it, so they agree.
 * Every problem papaparse reports becomes a line-numbered problem, and so does a cell that
 * spans lines: no name, address or phone holds a line break, so such a cell is a quote left
 * open that swallowed the rows after it (issue 13, defect 5), never a value to store.
 */
export function readCsv(text: string): CsvTable {
	const rows: CsvRow[] = [];
	const problems: CsvTable['problems'] = [];
	let start = 0;
	let line = 1;
	const delimiter = guessDelimiter(text);
	Papa.parse<string[]>(text, {
		delimiter,
		step: (r) => {
			const cells = r.data.map((c) => c.trim());
			for (const e of r.errors) {
				problems.push({ line, message: PARSE_ERRORS[e.code] ?? `lỗi đọc CSV: ${e.message}` });
			}
			if (r.errors.length === 0 && cells.some((c) => /[\r\n]/.test(c))) {
				problems.push({ line, message: SPANS_LINES });
			}
			if (cells.some((c) => c !== '')) rows.push({ line, cells });
			const end = r.meta.cursor;
			line = lineAt(text, start, end, line);
			start = end;
		}
	});
	const head = rows.shift();
	const width = head?.cells.length ?? 0;
	for (const r of rows) {
		if (r.cells.length > width && r.cells.slice(width).some((c) => c !== '')) {
			const message = `dòng có ${r.cells.length} ô nhưng tiêu đề chỉ có ${width} cột (thiếu dấu ngoặc kép quanh ô có dấu "${delimiter}"?)`;
			problems.push({ line: r.line, message });
		}
	}
	problems.sort((a, b) => a.line - b.line);
	return { header: head?.cells ?? [], rows, delimiter, problems };
}

/** How a header cell is matched: "Mã xã", "MA_XA" and "ma xa" all give "ma_xa". */
export function headerKey(cell: string): string {
	return searchKey(cell).replace(/ /g, '_');
}

/**
 * Maps header cells to fields by their aliases. Returns each field's column index (or -1) and
 * the names of required fields that are missing.
 */
export function mapHeader<F extends string>(
	header: string[],
	aliases: Record<F, readonly string[]>,
	required: readonly NoInfer<F>[]
): { columns: Record<F, number>; missing: F[] } {
	const keys = header.map(headerKey);
	const columns = {} as Record<F, number>;
	for (const field of Object.keys(aliases) as F[]) {
		columns[field] = keys.findIndex((k) => aliases[field].includes(k));
	}
	return { columns, missing: required.filter((f) => columns[f] === -1) };
}
