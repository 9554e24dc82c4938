/**
 * Iterated local search for the walk solver: many cheap kicks, each a double bridge that swaps
 * two stretches of the walk (either of them possibly reversed), repaired by local search and
 * kept unless the walk got longer. Most kicks swap two short neighbouring stretches; some join
 * a node to one of its candidates far along the walk (a spatial double bridge), which rethinks
 * the order of clusters. Kicks that leave the length unchanged are kept too, so the search
 * drifts along plateaus (alleys of evenly spaced houses have many). A rejected kick is undone
 * through the walk's journal, in time proportional to what it changed.
 */
import type { LocalSearch } from './local-search.ts';
import type { Walk } from './walk.ts';

const EPS = 1e-7;

/** Kick settings: the longest stretch moved, and the share of spatial kicks. */
export interface KickOptions {
	stretch: number;
	spatial: number;
}

/**
 * A B M C D → A C M B D: B is the l1 positions after p, M the next m, C the l2 after those;
 * `flips` bit 1 leaves C reversed, bit 2 leaves B reversed.
 * @returns the change in length; the nodes around the cuts are added to `touched`.
 */
function exchange(
	w: Walk,
	p: number,
	l1: number,
	m: number,
	l2: number,
	flips: number,
	touched: number[]
) {
	const e = p + l1 + m + l2;
	const o = w.order;
	const cuts = m > 0 ? [p, p + l1, p + l1 + m, e] : [p, p + l1, e];
	let delta = 0;
	for (const k of cuts) {
		touched.push(o[k]!, w.at(k + 1));
		delta -= w.d(o[k]!, w.at(k + 1));
	}
	w.reverse(p + 1, e);
	if (!(flips & 1)) w.reverse(p + 1, p + l2);
	w.reverse(p + l2 + 1, p + l2 + m);
	if (!(flips & 2)) w.reverse(p + l2 + m + 1, e);
	for (const k of m > 0 ? [p, p + l2, p + l2 + m, e] : [p, p + l2, e])
		delta += w.d(o[k]!, w.at(k + 1));
	return delta;
}

/** One kick at random; null when the draw does not fit the walk. */
function kick(ls: LocalSearch, rng: () => number, o: KickOptions, touched: number[]) {
	const w = ls.w;
	const most = Math.min(o.stretch, Math.floor(w.n / 2) - 1);
	const flips = Math.floor(rng() * 4);
	if (rng() >= o.spatial) {
		const l1 = 1 + Math.floor(rng() * most);
		const l2 = 1 + Math.floor(rng() * most);
		const a = Math.floor(rng() * (w.n - l1 - l2 + 1));
		return exchange(w, a, l1, 0, l2, flips, touched);
	}
	const x = 1 + Math.floor(rng() * w.n);
	const list = ls.nb[x]!;
	const y = list[Math.floor(rng() * list.length)]!;
	const p = Math.min(w.pos[x]!, w.pos[y]!);
	const q = Math.max(w.pos[x]!, w.pos[y]!);
	if (q - p < 3) return null;
	const l1 = 1 + Math.floor(rng() * Math.min(most, q - p - 2));
	const l2 = 1 + Math.floor(rng() * Math.min(most, w.n - q + 1));
	return exchange(w, p, l1, q - p - l1 - 1, l2, flips, touched);
}

/**
 * Runs `kicks` kicks on the local search's walk.
 * @returns the metres saved.
 */
export function kickAndImprove(
	ls: LocalSearch,
	kicks: number,
	rng: () => number,
	options: KickOptions
): number {
	const w = ls.w;
	if (w.n < 8) return 0;
	const touched: number[] = [];
	let total = 0;
	for (let t = 0; t < kicks; t++) {
		touched.length = 0;
		w.record();
		const delta = kick(ls, rng, options, touched);
		if (delta === null) {
			w.commit();
			continue;
		}
		ls.push(touched);
		const change = delta - ls.run();
		if (change < EPS) {
			w.commit();
			total -= change;
		} else w.rollback();
	}
	return total;
}
