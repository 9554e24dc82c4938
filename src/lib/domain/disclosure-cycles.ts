/**
 * Cycles of a series table (disclosure-series.ts) that free a determined hidden cell: patterns of
 * cells whose values can move together (+t here, −t there) while every published sum stays the
 * same. Hiding all the cells of one such pattern leaves a reader unable to tell the cell's value.
 *
 * The table's sums are a product: the same sums over time in every row, the same sum over areas
 * in every column. So a time pattern (moves along one row that keep its group totals) times a
 * geography pattern (moves down one column that keep the parent) keeps every sum:
 *   time        chain(m) = month m with every group total containing it (m and its quarter and
 *               year all move by t), or chain(m) − chain(m′) (two months trade t; the groups they
 *               share cancel). A stock has no sums over time: chain(m) is month m alone.
 *   geography   two areas trading t, or an area and the parent moving together.
 * The classic 2 × 2 rectangle is chain(m) − chain(m′) times two areas.
 */
import type { SeriesGrid } from './disclosure-series.ts';

/** Columns of one row that move together, each by +t or −t. */
export type TimePattern = [column: number, sign: 1 | -1][];

function difference(a: TimePattern, b: TimePattern): TimePattern {
	const out = new Map<number, number>(a);
	for (const [col, sign] of b) out.set(col, (out.get(col) ?? 0) - sign);
	return [...out].filter(([, s]) => s !== 0) as TimePattern;
}

/** For every column, the time patterns that move it. */
export function timePatterns(g: SeriesGrid): TimePattern[][] {
	const chains = Array.from({ length: g.months }, (_, m): TimePattern => [
		[m, 1],
		...g.groups.flatMap((grp, k): TimePattern => (grp.includes(m) ? [[g.months + k, 1]] : []))
	]);
	const all: TimePattern[] = [...chains];
	for (let a = 0; a < g.months; a++)
		for (let b = a + 1; b < g.months; b++) all.push(difference(chains[a]!, chains[b]!));
	return Array.from({ length: g.width }, (_, c) => all.filter((p) => p.some(([col]) => col === c)));
}

export interface CycleCells {
	/** Cell data there, and hidden or counting something (a shown zero only moves one way). */
	usable: (i: number) => boolean;
	hidden: ArrayLike<boolean>;
	/** What hiding a shown cell costs. */
	cost: (i: number) => number;
	/** Whether an area row may move along these columns (the level below can follow it). */
	rowMoves?: (row: number, columns: number[]) => boolean;
}

/** A time pattern on two rows: as is on the first, times `geo` on the second. */
export interface Cycle {
	/** Its cells still shown. */
	shown: number[];
	rows: [number, number];
	pattern: TimePattern;
	geo: 1 | -1;
}

/**
 * The cheapest pattern that moves the sum of the `target` cells (one cell, or a set whose sum is
 * determined), through one of them, whose cells are all usable; by the summed cost of its
 * shown cells.
 * @returns the cycle (no shown cells when all are hidden already), or null when none fits.
 */
export function cheapestCycle(
	g: SeriesGrid,
	target: readonly number[],
	patterns: TimePattern[][],
	cells: CycleCells
): Cycle | null {
	const inTarget = new Set(target);
	let best: Cycle | null = null;
	let bestCost = Infinity;
	for (const h of target) {
		const [r, c] = [Math.floor(h / g.width), h % g.width];
		for (const pattern of patterns[c]!)
			for (let r2 = 0; r2 <= g.areas; r2++) {
				if (r2 === r) continue;
				// An area trades with another area, or moves with the parent.
				const geo = r === g.areas || r2 === g.areas ? 1 : -1;
				let effect = 0;
				const moved = pattern.flatMap(([col, sign]) => {
					const [a, b] = [r * g.width + col, r2 * g.width + col];
					effect += (inTarget.has(a) ? sign : 0) + (inTarget.has(b) ? sign * geo : 0);
					return [a, b];
				});
				if (effect === 0 || !moved.every(cells.usable)) continue;
				const cols = pattern.map(([col]) => col);
				if (cells.rowMoves && ![r, r2].every((row) => cells.rowMoves!(row, cols))) continue;
				const shown = moved.filter((i) => !cells.hidden[i]);
				const total = shown.reduce((sum, i) => sum + cells.cost(i), 0);
				if (total >= bestCost) continue;
				bestCost = total;
				best = { shown, rows: [r, r2], pattern, geo };
			}
	}
	return best;
}
