/**
 * The working state of protectSeries (disclosure-protect.ts) and the helpers its steps share
 * with the hierarchy's moves (disclosure-moves.ts).
 */
import { cheapestCycle, type TimePattern } from './disclosure-cycles.ts';
import type { SeriesGrid } from './disclosure-series.ts';

export interface State {
	grid: SeriesGrid;
	hidden: boolean[];
	/** The parent row when the level above protects it: known, never hidden here. */
	frozen: boolean[];
	relsOf: number[][];
	patterns: TimePattern[][];
	/** The parent's moves as backed here: an area moving along a time pattern with its parent. */
	lifts: { row: number; pattern: TimePattern }[];
	canMove?: (area: number, columns: readonly number[]) => boolean;
}

export const weight = (g: SeriesGrid, i: number) => {
	const l = g.layers[i]!;
	return l.length > 1 ? l[1]! : l[0]!;
};
export const contributes = (g: SeriesGrid, i: number) => !!g.layers[i]?.some((x) => x > 0);
const byWeight = (g: SeriesGrid) => (a: number, b: number) =>
	weight(g, a) - weight(g, b) || g.layers[a]![0]! - g.layers[b]![0]! || a - b;
/** Hidden and unknown to a reader of this table. */
export const secret = (s: State, i: number) => s.hidden[i]! && !s.frozen[i];

/** The smallest shown contributing cell among `candidates`, or -1. */
export function smallestShown(s: State, candidates: Iterable<number>): number {
	let best = -1;
	const cmp = byWeight(s.grid);
	for (const i of candidates)
		if (!s.hidden[i] && !s.frozen[i] && contributes(s.grid, i) && (best < 0 || cmp(i, best) < 0))
			best = i;
	return best;
}

/**
 * The cheapest cycle through `target` over cells hidden already ('hidden'), or that may be hidden:
 * cells that count something ('counting') or, as a last resort, shown zeros too ('any').
 */
export function cycleOf(s: State, target: number[], over: 'hidden' | 'counting' | 'any') {
	const g = s.grid;
	const may = (i: number) =>
		s.hidden[i]! || over === 'any' || (over === 'counting' && contributes(g, i));
	return cheapestCycle(g, target, s.patterns, {
		usable: (i) => !!g.layers[i] && !s.frozen[i] && may(i),
		hidden: s.hidden,
		cost: (i) => weight(g, i),
		rowMoves: s.canMove && ((r, cols) => r >= g.areas || s.canMove!(r, cols))
	});
}
