/**
 * Suppression across time and geography (issue 16 §8) for one metric and one parent area: which
 * cells of a monthly series table (disclosure-series.ts) to hide so that no count of 1–10 can be
 * read or derived — by subtracting months from a period total, areas from their parent, or any
 * other combination the auditor (disclosure-audit.ts) can find.
 *
 * 1. Primary rule on every cell, margins included (disclosesSmallCount).
 * 2. Sums: in every relation whose total is shown, hide shown parts, smallest contribution first,
 *    until the hidden parts' sum is safe in every layer (as protectGroup does within a province).
 * 3. Audit. A determined hidden cell gets the cheapest rectangle (its row and column, another
 *    row and a partner column: one more hidden cell in each closes a cycle that leaves it free);
 *    for a stock, or where no rectangle exists, the smallest shown cell of a relation it is in.
 *    A determined small sum gets the smallest shown cell of a relation touching it.
 * 4. Repeat 2–3 until the audit finds nothing. Cells are only ever added, so it ends; what still
 *    fails when nothing more can be hidden is returned as `unresolved` (none in the tests).
 * Only cells that contribute (a layer above 0) are hidden by 2–3: a hidden zero would not make a
 * small sum safe, and a cycle through a zero only moves one way.
 */
import { disclosesSmallCount, isSmallCount } from './metric-disclosure.ts';
import { auditDisclosure } from './disclosure-audit.ts';
import { cheapestCycle, timePatterns, type TimePattern } from './disclosure-cycles.ts';
import {
	gridAuditInput,
	seriesGrid,
	type SeriesGrid,
	type SeriesTable
} from './disclosure-series.ts';

export interface SeriesProtection {
	/** Hidden cell ids (seriesCellId), in grid order: areas' months and groups, then the parent's. */
	hidden: string[];
	/** Ids the audit still flags after all that can be hidden is hidden (expected empty). */
	unresolved: string[];
}

interface State {
	grid: SeriesGrid;
	hidden: boolean[];
	relsOf: number[][];
}

const weight = (g: SeriesGrid, i: number) => {
	const l = g.layers[i]!;
	return l.length > 1 ? l[1]! : l[0]!;
};
const contributes = (g: SeriesGrid, i: number) => !!g.layers[i]?.some((x) => x > 0);
const byWeight = (g: SeriesGrid) => (a: number, b: number) =>
	weight(g, a) - weight(g, b) || g.layers[a]![0]! - g.layers[b]![0]! || a - b;

/** The smallest shown contributing cell among `candidates`, or -1. */
function smallestShown(s: State, candidates: Iterable<number>): number {
	let best = -1;
	const cmp = byWeight(s.grid);
	for (const i of candidates)
		if (!s.hidden[i] && contributes(s.grid, i) && (best < 0 || cmp(i, best) < 0)) best = i;
	return best;
}

function hiddenSumSmall(s: State, parts: number[]): boolean {
	const hid = parts.filter((p) => s.hidden[p]);
	if (hid.length === 0) return false;
	const layers = s.grid.layers[hid[0]!]!.length;
	for (let l = 0; l < layers; l++)
		if (isSmallCount(hid.reduce((sum, p) => sum + s.grid.layers[p]![l]!, 0))) return true;
	return false;
}

/** Step 2 on every relation with a shown total, to a fixed point. @returns whether it hid any. */
function protectSums(s: State): boolean {
	let any = false;
	for (let changed = true; changed;) {
		changed = false;
		for (const [total, ...parts] of s.grid.relations) {
			if (s.hidden[total!]) continue;
			while (hiddenSumSmall(s, parts)) {
				const next = smallestShown(s, parts);
				if (next < 0) break; // unreachable with consistent sums: all hidden = the total
				s.hidden[next] = changed = any = true;
			}
		}
	}
	return any;
}

/** Hides the cheapest cycle that frees `target` (a cell or a determined sum); else a neighbour. */
function free(s: State, target: number[], patterns: TimePattern[][]): void {
	const g = s.grid;
	const cycle = cheapestCycle(g, target, patterns, {
		usable: (i) => !!g.layers[i] && (s.hidden[i] || contributes(g, i)),
		hidden: s.hidden,
		cost: (i) => weight(g, i)
	});
	// An empty cycle: a cell hidden for an earlier target already frees this one.
	const fix = cycle ?? [
		smallestShown(
			s,
			target.flatMap((i) => s.relsOf[i]!.flatMap((k) => g.relations[k]!))
		)
	];
	for (const i of fix) if (i >= 0) s.hidden[i] = true;
}

/** Step 3. @returns the ids the audit flagged, or null when it flagged none. */
function fixAudit(
	s: State,
	patterns: TimePattern[][],
	index: Map<string, number>
): string[] | null {
	const { cells, relations } = gridAuditInput(s.grid, s.hidden);
	const { determined, smallSums } = auditDisclosure(cells, relations);
	const targets = [...determined.map((id) => [id]), ...smallSums.map((sum) => sum.cells)];
	if (targets.length === 0) return null;
	for (const ids of targets)
		free(
			s,
			ids.map((id) => index.get(id)!),
			patterns
		);
	return targets.flat();
}

/**
 * Decides which cells of one metric's monthly table for one parent area to hide, so that nothing
 * of 1–10 can be read or worked out across months and areas (see the module comment).
 * Deterministic; hiding the result again (`hidden` passed back in) changes nothing.
 * @returns the hidden cell ids and any the audit still flags (expected none).
 * @throws RangeError on a malformed table (see seriesGrid).
 * @example
 *   // Two communes, three months of people helped; commune 0 helped 4 people in month 1.
 *   protectSeries({
 *     kind: 'count', aggregation: 'flow',
 *     figures: [[{ numerator: 20, denominator: null }, { numerator: 4, denominator: null },
 *                { numerator: 25, denominator: null }],
 *               [{ numerator: 30, denominator: null }, { numerator: 40, denominator: null },
 *                { numerator: 35, denominator: null }]]
 *   }).hidden; // → a 2 × 2 block: ['a0/m0', 'a0/m1', 'a1/m0', 'a1/m1']
 */
export function protectSeries(table: SeriesTable): SeriesProtection {
	const grid = seriesGrid(table);
	const index = new Map(grid.ids.map((id, i) => [id, i]));
	const pre = new Set(table.hidden ?? []);
	const hidden = grid.layers.map(
		(l, i) =>
			!!l &&
			(pre.has(grid.ids[i]!) || disclosesSmallCount(grid.kind, l[0]!, l.length > 1 ? l[1]! : null))
	);
	const relsOf: number[][] = grid.ids.map(() => []);
	grid.relations.forEach((rel, k) => rel.forEach((i) => relsOf[i]!.push(k)));
	const patterns = timePatterns(grid);
	const s: State = { grid, hidden, relsOf };
	let unresolved: string[] = [];
	for (;;) {
		protectSums(s);
		const before = s.hidden.filter(Boolean).length;
		const flagged = fixAudit(s, patterns, index);
		if (flagged === null) break;
		if (s.hidden.filter(Boolean).length === before) {
			unresolved = [...new Set(flagged)];
			break;
		}
	}
	return { hidden: grid.ids.filter((_, i) => s.hidden[i]), unresolved };
}
