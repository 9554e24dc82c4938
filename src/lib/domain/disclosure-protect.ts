/**
 * Suppression across time and geography (issue 16 §8) for one metric and one parent area: which
 * cells of a monthly series table (disclosure-series.ts) to hide so that no count of 1–10 can be
 * read or derived — by subtracting months from a period total, areas from their parent, or any
 * other combination the auditor (disclosure-audit.ts) can find.
 *
 * 1. Primary rule on every cell, margins included (disclosesSmallCount).
 * 2. Sums: in every relation whose total is shown, hide shown parts, smallest contribution first,
 *    until the hidden parts' sum is safe in every layer (as protectGroup does within a province).
 * 3. Audit. A determined hidden cell, or a determined small sum, gets the cheapest cycle that
 *    moves it (disclosure-cycles.ts: a time pattern on two rows), else the smallest shown
 *    neighbour in a relation, else a cycle through shown zeros.
 * 4. Repeat 2–3 until the audit finds nothing. Cells are only ever added, so it ends. When
 *    nothing more can be hidden, determined cells hidden only for others are shown again (they
 *    tell nothing new); what is still flagged is returned as `unresolved` (none in the tests).
 * Only cells that contribute (a layer above 0) are hidden by 2–3: a hidden zero would not make a
 * small sum safe, and a cycle through a zero only moves one way.
 */
import { disclosesSmallCount, isSmallCount } from './metric-disclosure.ts';
import { auditDisclosure } from './disclosure-audit.ts';
import { timePatterns } from './disclosure-cycles.ts';
import { backMoves, lifted, movesOf, type ParentMove } from './disclosure-moves.ts';
import { cycleOf, secret, smallestShown, type State } from './disclosure-protect-state.ts';
import { gridAuditInput, seriesGrid, type SeriesTable } from './disclosure-series.ts';

export type { ParentMove };

export interface SeriesProtection {
	/** Hidden cell ids (seriesCellId), in grid order: areas' months and groups, then the parent's. */
	hidden: string[];
	/**
	 * Per area, the ways its hidden cells move in this table's cycles, as its parent-row cells
	 * (`parent/m3`, `parent/g0`) with signs: what the area's own table must back with one of its
	 * areas (pass `moves[area]` as that table's `parentMoves`). Only with `withMoves`.
	 */
	moves: ParentMove[][];
	/** Ids the audit still flags after all that can be hidden is hidden (expected empty). */
	unresolved: string[];
}

/** How a table sits in a hierarchy (country → provinces → communes). */
export interface SeriesLevel {
	/**
	 * This table's parent row is protected by the level above: its hidden cells are `hidden` there
	 * and these are that table's `moves` for this parent. Here the parent row counts as known and
	 * is never hidden or moved; each move gets one area whose cells along it are hidden too, so
	 * the parent's hidden cells stay free in the whole hierarchy.
	 */
	parentMoves?: readonly ParentMove[];
	/** The level below will be protected with this table's `moves`: every hidden cell gets a cycle. */
	withMoves?: boolean;
	/**
	 * With `withMoves`: whether area `area` can follow a move along these columns (its table has an
	 * area with data in all of them); cycles only move areas that can.
	 */
	canMove?: (area: number, columns: readonly number[]) => boolean;
}

function hiddenSumSmall(s: State, parts: number[]): boolean {
	const hid = parts.filter((p) => secret(s, p));
	if (hid.length === 0) return false;
	const layers = s.grid.layers[hid[0]!]!.length;
	for (let l = 0; l < layers; l++)
		if (isSmallCount(hid.reduce((sum, p) => sum + s.grid.layers[p]![l]!, 0))) return true;
	return false;
}

/** Step 2 on every relation with a known total, to a fixed point. */
function protectSums(s: State): void {
	for (let changed = true; changed;) {
		changed = false;
		for (const [total, ...parts] of s.grid.relations) {
			if (secret(s, total!)) continue;
			while (hiddenSumSmall(s, parts)) {
				const next = smallestShown(s, parts);
				if (next < 0) break; // unreachable with consistent sums: all hidden = the total
				s.hidden[next] = changed = true;
			}
		}
	}
}

/**
 * Hides the cheapest cycle that frees `target` (a cell or a determined sum); else the smallest
 * neighbour that counts something; else a cycle through shown zeros (a reader then only has a
 * bound from non-negativity: the parent frozen by the level above can leave no other way).
 */
function free(s: State, target: number[]): void {
	const cycle = cycleOf(s, target, 'counting');
	// An empty cycle: a cell hidden for an earlier target already frees this one.
	if (cycle) return cycle.shown.forEach((i) => (s.hidden[i] = true));
	const near = smallestShown(
		s,
		target.flatMap((i) => s.relsOf[i]!.flatMap((k) => s.grid.relations[k]!))
	);
	if (near >= 0) s.hidden[near] = true;
	else cycleOf(s, target, 'any')?.shown.forEach((i) => (s.hidden[i] = true));
}

/** Step 3. @returns the ids the audit flagged, or null when it flagged none. */
function fixAudit(s: State, index: Map<string, number>): string[] | null {
	const { cells, relations } = gridAuditInput(
		s.grid,
		s.hidden.map((_, i) => secret(s, i))
	);
	const { determined, smallSums } = auditDisclosure(cells, relations);
	const targets = [...determined.map((id) => [id]), ...smallSums.map((sum) => sum.cells)]
		.map((ids) => ids.map((id) => index.get(id)!))
		.filter((cells) => !lifted(s, cells));
	for (const cells of targets) free(s, cells);
	return targets.length ? targets.flat().map((i) => s.grid.ids[i]!) : null;
}

/** Hidden cells without a cycle of hidden cells through them: each gets one (step 3). */
function certify(s: State): string[] | null {
	const loose = s.hidden.flatMap((_, i) => (secret(s, i) && !cycleOf(s, [i], 'hidden') ? [i] : []));
	for (const i of loose) free(s, [i]);
	return loose.length ? loose.map((i) => s.grid.ids[i]!) : null;
}

/**
 * When nothing more can be hidden: shows again the hidden cells the audit still finds determined
 * that were hidden only to protect others (showing what a reader can work out tells nothing new,
 * and they protect nothing).
 * @returns the ids still flagged: determined cells hidden by the rule or given, and small sums.
 */
function release(s: State, given: boolean[], index: Map<string, number>): string[] {
	const audit = () => {
		const { cells, relations } = gridAuditInput(
			s.grid,
			s.hidden.map((_, i) => secret(s, i))
		);
		const { determined, smallSums } = auditDisclosure(cells, relations);
		return [...determined.map((id) => [id]), ...smallSums.map((x) => x.cells)]
			.map((ids) => ids.map((id) => index.get(id)!))
			.filter((cells) => !lifted(s, cells));
	};
	for (const [i, ...rest] of audit()) if (rest.length === 0 && !given[i!]) s.hidden[i!] = false;
	return audit()
		.flat()
		.map((i) => s.grid.ids[i]!);
}

/**
 * Decides which cells of one metric's monthly table for one parent area to hide, so that nothing
 * of 1–10 can be read or worked out across months and areas (see the module comment).
 * Deterministic; hiding the result again (`hidden` passed back in) changes nothing.
 * For a hierarchy see protectHierarchy (disclosure-hierarchy.ts), which sets `level`.
 * @returns the hidden cell ids, the moves (with `level.withMoves`) and any ids the audit still
 *   flags (expected none).
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
export function protectSeries(table: SeriesTable, level: SeriesLevel = {}): SeriesProtection {
	const grid = seriesGrid(table);
	const index = new Map(grid.ids.map((id, i) => [id, i]));
	const pre = new Set(table.hidden ?? []);
	const given = grid.layers.map(
		(l, i) =>
			!!l &&
			(pre.has(grid.ids[i]!) || disclosesSmallCount(grid.kind, l[0]!, l.length > 1 ? l[1]! : null))
	);
	const hidden = [...given];
	const frozen = grid.ids.map((_, i) => !!level.parentMoves && i >= grid.areas * grid.width);
	const relsOf: number[][] = grid.ids.map(() => []);
	grid.relations.forEach((rel, k) => rel.forEach((i) => relsOf[i]!.push(k)));
	const s: State = {
		grid,
		hidden,
		frozen,
		relsOf,
		patterns: timePatterns(grid),
		lifts: [],
		canMove: level.canMove
	};
	let unresolved = backMoves(s, level.parentMoves ?? []);
	for (;;) {
		protectSums(s);
		const before = s.hidden.filter(Boolean).length;
		const flagged = fixAudit(s, index) ?? (level.withMoves ? certify(s) : null);
		if (flagged === null) break;
		if (s.hidden.filter(Boolean).length === before) {
			unresolved = [...new Set([...unresolved, ...release(s, given, index)])];
			break;
		}
	}
	return {
		hidden: grid.ids.filter((_, i) => s.hidden[i]),
		moves: level.withMoves ? movesOf(s) : [],
		unresolved
	};
}
