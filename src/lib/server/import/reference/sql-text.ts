/**
 * SQL text for the reference export (sql-file.ts): literals, identifiers, and packing values
 * into statements of bounded size. Pure: the files it helps build are applied by wrangler
 * (`d1 execute --file`), never by this code.
 */

const encoder = new TextEncoder();

/** Size of `text` in UTF-8 bytes (D1 measures its statement limit in bytes). */
export function byteLength(text: string): number {
	return encoder.encode(text).length;
}

/** A value of a reference row as stored by D1: text, number, boolean or null. */
export type SqlValue = string | number | boolean | null | undefined;

/**
 * Renders one value as an SQLite literal, the way the direct import's JSON path stores it:
 * booleans as 1/0 (drizzle's boolean mode), numbers as their shortest round-trip decimal,
 * text single-quoted with quotes doubled.
 *
 * @throws Error for a non-finite number or text holding a NUL character (neither is valid data)
 */
export function sqlLiteral(value: SqlValue): string {
	if (value === null || value === undefined) return 'NULL';
	if (typeof value === 'boolean') return value ? '1' : '0';
	if (typeof value === 'number') {
		if (!Number.isFinite(value)) throw new Error(`cannot write the number ${value} as SQL`);
		return String(value);
	}
	if (value.includes('\u0000')) throw new Error('cannot write text holding a NUL character');
	return `'${value.replaceAll("'", "''")}'`;
}

/** A schema identifier in double quotes; only word characters are expected. */
export function sqlIdentifier(name: string): string {
	if (!/^\w+$/.test(name)) throw new Error(`unexpected SQL identifier ${name}`);
	return `"${name}"`;
}

/** A list of literals as a row value: `('a', 'b')`, or the bare literal for one value. */
export function sqlTuple(values: readonly SqlValue[]): string {
	const literals = values.map(sqlLiteral);
	return literals.length === 1 ? (literals[0] ?? 'NULL') : `(${literals.join(', ')})`;
}

/**
 * Orders strings as SQLite's BINARY collation does (UTF-8 bytes, i.e. code points), which
 * differs from JavaScript's `<` (UTF-16 units) beyond the Basic Multilingual Plane.
 */
export function compareBinary(a: string, b: string): number {
	const x = encoder.encode(a);
	const y = encoder.encode(b);
	const n = Math.min(x.length, y.length);
	for (let i = 0; i < n; i++) {
		const d = (x[i] ?? 0) - (y[i] ?? 0);
		if (d !== 0) return d;
	}
	return x.length - y.length;
}

/** Compares two keys (lists of text) column by column, as SQLite compares row values. */
export function compareKeys(a: readonly string[], b: readonly string[]): number {
	for (let i = 0; i < Math.min(a.length, b.length); i++) {
		const d = compareBinary(a[i] ?? '', b[i] ?? '');
		if (d !== 0) return d;
	}
	return a.length - b.length;
}

/**
 * Splits items into consecutive groups whose rendered size (items plus a separator of
 * `separatorBytes` between them) stays within `budget` bytes, keeping their order.
 *
 * @throws Error when a single item is larger than the budget
 */
export function packByBytes(
	items: readonly string[],
	budget: number,
	separatorBytes: number
): string[][] {
	const groups: string[][] = [];
	let group: string[] = [];
	let bytes = 0;
	for (const item of items) {
		const size = byteLength(item);
		if (size > budget) throw new Error(`one row renders to ${size} bytes, over ${budget}`);
		const added = group.length === 0 ? size : size + separatorBytes;
		if (group.length > 0 && bytes + added > budget) {
			groups.push(group);
			group = [];
			bytes = 0;
		}
		bytes += group.length === 0 ? size : size + separatorBytes;
		group.push(item);
	}
	if (group.length > 0) groups.push(group);
	return groups;
}
