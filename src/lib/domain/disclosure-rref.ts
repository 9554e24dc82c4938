/**
 * Exact reduced row echelon form of a small sparse integer matrix, for the disclosure auditor
 * (disclosure-audit.ts). Rows are sparse (ascending column indices, integer coefficients) and
 * every operation stays in integers: a row is combined as `p·row − c·pivotRow` and divided by the
 * gcd of its coefficients, so nothing is rounded. The relation matrices of tables of sums are
 * totally unimodular in the common cases, so coefficients stay ±1; a coefficient past 2⁵³ would
 * no longer be exact and throws instead.
 */

/** A sparse integer row: `cols` ascending, `coefs` non-zero, same length. */
export interface SparseRow {
	cols: number[];
	coefs: number[];
}

const gcd = (a: number, b: number): number => {
	a = Math.abs(a);
	b = Math.abs(b);
	while (b) [a, b] = [b, a % b];
	return a;
};

/** Divides a row by the gcd of its coefficients and makes its first coefficient positive. */
function normalise(row: SparseRow): SparseRow {
	if (row.coefs.length === 0) return row;
	let g = 0;
	for (const c of row.coefs) g = gcd(g, c);
	if (row.coefs[0]! < 0) g = -g;
	if (g !== 1) row.coefs = row.coefs.map((c) => c / g);
	return row;
}

/** a·x + b·y, merged by column; zero coefficients dropped. */
function combine(a: number, x: SparseRow, b: number, y: SparseRow): SparseRow {
	const cols: number[] = [];
	const coefs: number[] = [];
	let i = 0;
	let j = 0;
	while (i < x.cols.length || j < y.cols.length) {
		const ci = i < x.cols.length ? x.cols[i]! : Infinity;
		const cj = j < y.cols.length ? y.cols[j]! : Infinity;
		let v: number;
		let col: number;
		if (ci === cj) [col, v] = [ci, a * x.coefs[i++]! + b * y.coefs[j++]!];
		else if (ci < cj) [col, v] = [ci, a * x.coefs[i++]!];
		else [col, v] = [cj, b * y.coefs[j++]!];
		if (!Number.isSafeInteger(v)) throw new RangeError('disclosure audit: coefficient overflow');
		if (v !== 0) {
			cols.push(col);
			coefs.push(v);
		}
	}
	return normalise({ cols, coefs });
}

/** Eliminates from `row`, at positions from `from` on, every column that has a pivot row. */
function reduce(row: SparseRow, pivots: Map<number, SparseRow>, from: number): SparseRow {
	let i = from;
	while (i < row.cols.length) {
		const p = pivots.get(row.cols[i]!);
		if (!p) {
			i++;
			continue;
		}
		// p starts at this column and holds only later ones: earlier positions are unchanged.
		row = combine(p.coefs[0]!, row, -row.coefs[i]!, p);
	}
	return row;
}

/**
 * The reduced row echelon form of `rows`: one row per pivot (its first column), each holding no
 * other pivot column. Input rows are not modified.
 * @returns the pivot rows, by ascending pivot column.
 */
export function reducedRowEchelon(rows: readonly SparseRow[]): SparseRow[] {
	const pivots = new Map<number, SparseRow>();
	for (const input of rows) {
		const row = reduce(normalise({ cols: [...input.cols], coefs: [...input.coefs] }), pivots, 0);
		if (row.cols.length > 0) pivots.set(row.cols[0]!, row);
	}
	const order = [...pivots.keys()].sort((a, b) => b - a);
	// Back substitution, last pivot first: the rows it uses are already reduced.
	for (const col of order) pivots.set(col, reduce(pivots.get(col)!, pivots, 1));
	return order.reverse().map((col) => pivots.get(col)!);
}
