/**
 * The one error type of the reference-data import. Its message always says where the problem
 * is (file, line and field, or feature index) so a data maintainer can fix the file without
 * reading code; the CLI prints only the message.
 */

/** Where in the input a problem was found. Lines are 1-based and count the header line. */
export interface ImportErrorLocation {
	file?: string;
	line?: number;
	field?: string;
	/** 0-based index into a GeoJSON FeatureCollection's `features`. */
	featureIndex?: number;
}

/** Renders a location as `file line 17, field "code"` or `file features[12]`. */
function describeLocation(at: ImportErrorLocation): string {
	const parts: string[] = [];
	if (at.file !== undefined) parts.push(at.file);
	if (at.line !== undefined) parts.push(`line ${at.line}`);
	if (at.featureIndex !== undefined) parts.push(`features[${at.featureIndex}]`);
	let where = parts.join(' ');
	if (at.field !== undefined) where += `${where ? ', ' : ''}field "${at.field}"`;
	return where;
}

/**
 * Invalid or inconsistent reference data. Nothing has been written when it is thrown: all
 * validation runs before the single write batch.
 */
export class ImportError extends Error {
	readonly file: string | undefined;
	readonly line: number | undefined;
	readonly field: string | undefined;
	readonly featureIndex: number | undefined;
	/** The problem without its location, e.g. `"4" is not a 5-digit commune code`. */
	readonly detail: string;

	/**
	 * @param detail what is wrong, without the location
	 * @param at where it is; rendered in front of the detail in `message`
	 */
	constructor(detail: string, at: ImportErrorLocation = {}) {
		const where = describeLocation(at);
		super(where ? `${where}: ${detail}` : detail);
		this.name = 'ImportError';
		this.detail = detail;
		this.file = at.file;
		this.line = at.line;
		this.field = at.field;
		this.featureIndex = at.featureIndex;
	}
}
