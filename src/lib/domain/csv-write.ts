/**
 * CSV exports: UTF-8 with a byte-order mark (so Excel on Windows reads Vietnamese correctly),
 * comma separated, the same columns the imports read — an export can be edited and imported.
 */
import Papa from 'papaparse';

/** Header + rows → CSV text with BOM and CRLF line ends. */
export function toCsv(
	header: readonly string[],
	rows: readonly (string | number | null)[][]
): string {
	const body = Papa.unparse(
		// Numbers stay numbers: a negative one (a change: −12) is not a formula to escape.
		{ fields: [...header], data: rows.map((r) => r.map((v) => (v === null ? '' : v))) },
		{ newline: '\r\n', escapeFormulae: true }
	);
	return '\uFEFF' + body + '\r\n';
}
