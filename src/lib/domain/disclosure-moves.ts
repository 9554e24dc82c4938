/**
 * How a table's cycles move its areas, for the level below (protectHierarchy): the moves a top
 * table records, how a child table backs them with one of its areas, and which sums they free.
 */
import type { TimePattern } from './disclosure-cycles.ts';
import { contributes, cycleOf, secret, weight, type State } from './disclosure-protect-state.ts';

/** A way a parent row moves in the level above: its cells' ids, each moving by +t or −t. */
export type ParentMove = readonly (readonly [id: string, sign: 1 | -1])[];

/** Per area, the moves of the hidden cycles through its hidden cells (see SeriesProtection). */
export function movesOf(s: State): ParentMove[][] {
	const g = s.grid;
	const moves = Array.from({ length: g.areas }, () => new Map<string, ParentMove>());
	const add = (r: number, pattern: TimePattern) => {
		if (r >= g.areas) return;
		// The same move either way round, and on either row: its first sign made +.
		const first = pattern[0]![1];
		const move = pattern.map(([c, k]) => [g.ids[g.areas * g.width + c]!, k * first] as const);
		moves[r]!.set(JSON.stringify(move), move as ParentMove);
	};
	s.hidden.forEach((_, i) => {
		const cycle = secret(s, i) && cycleOf(s, [i], 'hidden');
		if (!cycle) return;
		add(cycle.rows[0], cycle.pattern);
		add(cycle.rows[1], cycle.pattern);
	});
	return moves.map((m) => [...m.values()]);
}

/** Backs each of the parent's moves with one area hidden along it (see SeriesLevel). */
export function backMoves(s: State, parentMoves: readonly ParentMove[]): string[] {
	const g = s.grid;
	const column = (id: string) => g.ids.indexOf(id) - g.areas * g.width;
	const missing: string[] = [];
	for (const move of parentMoves) {
		const pattern = move.map(([id, sign]): [number, 1 | -1] => [column(id), sign]);
		const areaCells = (r: number) => pattern.map(([c]) => r * g.width + c);
		const cost = (r: number) =>
			areaCells(r).reduce((t, i) => t + (s.hidden[i] ? 0 : weight(g, i)), 0);
		const rank = (usable: (i: number) => boolean) =>
			Array.from({ length: g.areas }, (_, r) => r)
				.filter((r) => areaCells(r).every(usable))
				.sort((a, b) => cost(a) - cost(b) || a - b)[0];
		// A zero along the move only when no area counts something along all of it.
		const row =
			rank((i) => !!g.layers[i] && (s.hidden[i]! || contributes(g, i))) ??
			rank((i) => !!g.layers[i]);
		if (row === undefined) missing.push(...move.map(([id]) => id));
		else {
			for (const i of areaCells(row)) s.hidden[i] = true;
			s.lifts.push({ row, pattern });
		}
	}
	return missing;
}

/** Whether a backed move of the parent changes the sum of these cells (then it is not known). */
export function lifted(s: State, cells: number[]): boolean {
	const w = s.grid.width;
	return s.lifts.some(
		({ row, pattern }) =>
			cells.reduce((t, i) => {
				if (Math.floor(i / w) !== row) return t;
				return t + (pattern.find(([c]) => c === i % w)?.[1] ?? 0);
			}, 0) !== 0
	);
}
