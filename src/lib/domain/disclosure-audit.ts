/**
 * The disclosure auditor (issue 16 §8): given everything published for a period — cells, each
 * shown or hidden, and the sums that hold between them — it finds what a reader could still work
 * out about the hidden cells by linear algebra.
 *
 * Each cell is an unknown non-negative integer to the reader, with values known to the
 * publisher, one per layer: a count has one layer; a rate publishes its numerator and
 * denominator (and for a proportion the rest, denominator − numerator), each summing the same way,
 * so each is a layer. A relation says that its parts add up to its total, in every layer.
 *
 * What it checks, exactly (integer elimination, disclosure-rref.ts):
 * - determined cells: a hidden cell is determined iff its unit vector lies in the row space of
 *   the relation matrix restricted to the hidden cells (shown cells move to the constant side);
 *   equivalently, its row in the reduced echelon form has no other entry;
 * - small sums: a set of two or more hidden cells whose sum is determined and is 1–10 in some
 *   layer. It looks at the hidden parts of every relation whose total is shown or determined,
 *   and at every row of the reduced echelon form whose coefficients are all equal (a plain sum).
 *
 * What it does not check: every determined 0/1 combination (that search is combinatorial; the
 * reduced rows depend on the column order, and a difference of two nested sums may be missed), nor
 * the bounds that non-negativity gives (a hidden cell in a relation whose hidden sum is 11 is
 * known to be ≤ 11; a cycle through a zero only moves one way). Hidden cells are audited per
 * connected component (cells linked by relations), so a province-size table stays fast.
 */
import { isSmallCount } from './metric-disclosure.ts';
import { reducedRowEchelon, type SparseRow } from './disclosure-rref.ts';

export interface AuditCell {
	id: string;
	/** The publisher's values, one per layer (the same number of layers for every cell). */
	values: readonly number[];
	hidden: boolean;
}

/** Σ parts = total, in every layer. */
export interface AuditRelation {
	total: string;
	parts: readonly string[];
}

export interface SmallSum {
	/** The hidden cells whose sum a reader can work out. */
	cells: string[];
	/** The layer (index into `values`) whose sum is 1–10, and that sum. */
	layer: number;
	value: number;
	/** Found as a relation's hidden parts, or as a row of the reduced echelon form. */
	source: 'relation' | 'elimination';
}

export interface AuditResult {
	/** Hidden cells whose value follows from what is shown, in input order. */
	determined: string[];
	smallSums: SmallSum[];
}

function indexCells(cells: readonly AuditCell[]): Map<string, number> {
	const index = new Map<string, number>();
	cells.forEach((c, i) => {
		if (index.has(c.id)) throw new RangeError(`disclosure audit: duplicate cell ${c.id}`);
		index.set(c.id, i);
	});
	return index;
}

/** Relations as index lists: [total, ...parts]. */
function indexRelations(rels: readonly AuditRelation[], index: Map<string, number>): number[][] {
	const at = (id: string) => {
		const i = index.get(id);
		if (i === undefined) throw new RangeError(`disclosure audit: unknown cell ${id}`);
		return i;
	};
	return rels.map((r) => [at(r.total), ...r.parts.map(at)]);
}

/** Connected components of the hidden cells, linked by the relations they share. */
function components(hiddenCount: number, rels: number[][], local: Int32Array): number[] {
	const parent = Array.from({ length: hiddenCount }, (_, i) => i);
	const find = (i: number): number => {
		while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
		return i;
	};
	for (const rel of rels) {
		let first = -1;
		for (const c of rel) {
			const h = local[c]!;
			if (h < 0) continue;
			if (first < 0) first = find(h);
			else parent[find(h)] = first;
		}
	}
	return parent.map((_, i) => find(i));
}

/** The relation as a row over hidden cells (+1 parts, −1 total), or null without hidden cells. */
function relationRow(rel: number[], local: Int32Array): SparseRow | null {
	const entries = new Map<number, number>();
	rel.forEach((c, k) => {
		const h = local[c]!;
		if (h >= 0) entries.set(h, (entries.get(h) ?? 0) + (k === 0 ? -1 : 1));
	});
	const cols = [...entries.keys()].filter((h) => entries.get(h) !== 0).sort((a, b) => a - b);
	return cols.length ? { cols, coefs: cols.map((h) => entries.get(h)!) } : null;
}

/** The reduced rows of the relation matrix over hidden cells, component by component. */
function reducedRows(rels: number[][], local: Int32Array, hiddenCount: number): SparseRow[] {
	const comp = components(hiddenCount, rels, local);
	const byComp = new Map<number, SparseRow[]>();
	for (const rel of rels) {
		const row = relationRow(rel, local);
		if (!row) continue;
		const key = comp[row.cols[0]!]!;
		const list = byComp.get(key);
		if (list) list.push(row);
		else byComp.set(key, [row]);
	}
	return [...byComp.values()].flatMap((rows) => reducedRowEchelon(rows));
}

function smallLayer(cells: readonly AuditCell[], members: number[]): [number, number] | null {
	const layers = cells[members[0]!]!.values.length;
	for (let l = 0; l < layers; l++) {
		const sum = members.reduce((s, i) => s + cells[i]!.values[l]!, 0);
		if (isSmallCount(sum)) return [l, sum];
	}
	return null;
}

/**
 * Audits one publication: which hidden cells a reader can work out, and which determined sums of
 * hidden cells are 1–10 (see the module comment for what is and is not checked).
 * @returns determined cell ids (input order) and small sums (each set once, first layer found).
 * @throws RangeError on a duplicate cell id or a relation naming an unknown cell.
 * @example
 *   // 12 months shown and their total shown: a lone hidden month is total − the others.
 *   auditDisclosure(
 *     [{ id: 'jan', values: [4], hidden: true }, { id: 'feb', values: [30], hidden: false },
 *      { id: 'year', values: [34], hidden: false }],
 *     [{ total: 'year', parts: ['jan', 'feb'] }]
 *   ); // → { determined: ['jan'], smallSums: [] }
 */
export function auditDisclosure(
	cells: readonly AuditCell[],
	relations: readonly AuditRelation[]
): AuditResult {
	const rels = indexRelations(relations, indexCells(cells));
	const hidden = cells.flatMap((c, i) => (c.hidden ? [i] : []));
	const local = new Int32Array(cells.length).fill(-1);
	hidden.forEach((c, h) => (local[c] = h));
	const rows = reducedRows(rels, local, hidden.length);
	const determined = new Set(
		rows.filter((r) => r.cols.length === 1).map((r) => hidden[r.cols[0]!]!)
	);
	const known = (c: number) => !cells[c]!.hidden || determined.has(c);

	const smallSums: SmallSum[] = [];
	const seen = new Set<string>();
	const report = (members: number[], source: SmallSum['source']) => {
		const key = [...members].sort((a, b) => a - b).join(',');
		if (members.length < 2 || seen.has(key)) return;
		seen.add(key);
		const small = smallLayer(cells, members);
		if (small)
			smallSums.push({
				cells: members.map((i) => cells[i]!.id),
				layer: small[0],
				value: small[1],
				source
			});
	};
	for (const [total, ...parts] of rels) {
		if (known(total!))
			report(
				parts.filter((p) => cells[p]!.hidden && !determined.has(p)),
				'relation'
			);
	}
	for (const row of rows) {
		if (row.coefs.every((c) => c === row.coefs[0]))
			report(
				row.cols.map((h) => hidden[h]!),
				'elimination'
			);
	}
	return {
		determined: hidden.filter((c) => determined.has(c)).map((c) => cells[c]!.id),
		smallSums
	};
}
