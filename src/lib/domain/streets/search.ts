/**
 * Shortest paths over the CSR arrays of a street graph, with flatqueue (mourner's binary heap
 * on typed arrays) as the priority queue.
 *
 * Why not ngraph.path or graphology-shortest-path: both answer one pair at a time over a graph
 * of JS objects, and a distance matrix of 200 stops is 19,900 pairs; one Dijkstra per source
 * that stops once every target is settled answers a whole row, and on typed arrays it allocates
 * nothing per search. Measured on the synthetic ward (13,278 nodes, 200 stops scattered over
 * it, one core of an AMD EPYC): ngraph.path's NBA* over the 19,900 pairs took 26.4 s (aStar
 * 30.2 s), this one-to-many Dijkstra 0.2 s (bench/street-graph.ts). A single path uses A* with
 * the straight line as the heuristic.
 *
 * Searches start and end at snaps (points on edges), not nodes: a search is seeded with both
 * ends of the snapped edge at their distance along it.
 */
import FlatQueue from 'flatqueue';
import { MODE_BITS } from './modes.ts';
import type { StreetGraph, StreetSnap, TravelMode } from './types.ts';

/**
 * The straight line in the local plane, scaled by this, never exceeds the length along the
 * sphere of any path (the plane and the sphere agree within 0.5 % across 100 km): A* stays exact.
 */
const HEURISTIC_SCALE = 0.99;

const searches = new WeakMap<StreetGraph, Map<TravelMode, StreetSearch>>();

/**
 * The search state of a graph and mode, made once and reused (kept while the graph lives):
 * searches run to completion synchronously, so one state per graph and mode is enough.
 */
export function streetSearch(graph: StreetGraph, mode: TravelMode): StreetSearch {
	let byMode = searches.get(graph);
	if (!byMode) searches.set(graph, (byMode = new Map()));
	let search = byMode.get(mode);
	if (!search) byMode.set(mode, (search = new StreetSearch(graph, mode)));
	return search;
}

/** Search state for one graph and mode: arrays stamped per run, so nothing is cleared. */
export class StreetSearch {
	readonly graph: StreetGraph;
	private readonly bit: number;
	private readonly dist: Float64Array;
	private readonly parentEdge: Int32Array;
	private readonly reached: Uint32Array;
	private readonly settled: Uint32Array;
	private readonly target: Uint32Array;
	private readonly queue = new FlatQueue<number>();
	private run = 0;

	constructor(graph: StreetGraph, mode: TravelMode) {
		this.graph = graph;
		this.bit = MODE_BITS[mode];
		const n = graph.nodeCount;
		this.dist = new Float64Array(n);
		this.parentEdge = new Int32Array(n);
		this.reached = new Uint32Array(n);
		this.settled = new Uint32Array(n);
		this.target = new Uint32Array(n);
	}

	/** Distance along the streets from the last search's start to node u; Infinity if unreached. */
	distanceTo(u: number): number {
		return this.reached[u] === this.run ? this.dist[u]! : Infinity;
	}

	/** Distance along the streets from the last search's start to a snap (its edge's ends). */
	distanceToSnap(s: StreetSnap): number {
		const len = this.graph.edgeLengthM[s.edge]!;
		return Math.min(
			this.distanceTo(this.graph.edgeFrom[s.edge]!) + s.t * len,
			this.distanceTo(this.graph.edgeTo[s.edge]!) + (1 - s.t) * len
		);
	}

	/** Nodes from the last search's start to u, in walking order (u reached). */
	nodesTo(u: number): number[] {
		const nodes = [u];
		for (let e = this.parentEdge[u]!; e >= 0; e = this.parentEdge[u]!) {
			u = this.graph.edgeFrom[e] === u ? this.graph.edgeTo[e]! : this.graph.edgeFrom[e]!;
			nodes.push(u);
		}
		return nodes.reverse();
	}

	/** Dijkstra from `from` until both ends of every target snap are settled (or all reachable are). */
	settleTargets(from: StreetSnap, targets: readonly StreetSnap[]): void {
		this.start(from);
		let remaining = 0;
		for (const s of targets)
			for (const u of [this.graph.edgeFrom[s.edge]!, this.graph.edgeTo[s.edge]!])
				if (this.target[u] !== this.run) {
					this.target[u] = this.run;
					remaining++;
				}
		while (remaining > 0 && this.queue.length > 0) {
			const u = this.queue.pop()!;
			if (this.settled[u] === this.run) continue;
			this.settled[u] = this.run;
			if (this.target[u] === this.run) remaining--;
			this.relax(u, -1, 0, 0);
		}
	}

	/**
	 * A* from snap `from` to snap `to`: the distance along the streets between them (snap legs
	 * excluded), Infinity when not connected; nodesTo(lastNode) then gives the corners passed,
	 * lastNode being -1 when the best way stays on their common edge.
	 */
	toward(from: StreetSnap, to: StreetSnap): { alongM: number; lastNode: number } {
		const g = this.graph;
		this.start(from);
		const len = g.edgeLengthM[to.edge]!;
		const a = g.edgeFrom[to.edge]!;
		const b = g.edgeTo[to.edge]!;
		let best = from.edge === to.edge ? Math.abs(from.t - to.t) * len : Infinity;
		let lastNode = -1;
		const tx = g.x[a]! + to.t * (g.x[b]! - g.x[a]!);
		const ty = g.y[a]! + to.t * (g.y[b]! - g.y[a]!);
		while (this.queue.length > 0 && this.queue.peekValue()! < best) {
			const u = this.queue.pop()!;
			if (this.settled[u] === this.run) continue;
			this.settled[u] = this.run;
			const d = this.dist[u]!;
			const via = u === a ? d + to.t * len : u === b ? d + (1 - to.t) * len : Infinity;
			if (via < best) {
				best = via;
				lastNode = u;
			}
			this.relax(u, tx, ty, HEURISTIC_SCALE);
		}
		return { alongM: best, lastNode };
	}

	private start(from: StreetSnap) {
		this.run++;
		this.queue.clear();
		const len = this.graph.edgeLengthM[from.edge]!;
		this.seed(this.graph.edgeFrom[from.edge]!, from.t * len);
		this.seed(this.graph.edgeTo[from.edge]!, (1 - from.t) * len);
	}

	private seed(u: number, d: number) {
		if (this.reached[u] === this.run && this.dist[u]! <= d) return;
		this.reached[u] = this.run;
		this.dist[u] = d;
		this.parentEdge[u] = -1;
		this.queue.push(u, d);
	}

	/** Relaxes the edges out of u; the priority adds `scale` × the straight line to (tx, ty). */
	private relax(u: number, tx: number, ty: number, scale: number) {
		const { adjStart, adjNode, adjEdge, edgeModes, edgeLengthM, x, y } = this.graph;
		const d = this.dist[u]!;
		const run = this.run;
		for (let k = adjStart[u]!, end = adjStart[u + 1]!; k < end; k++) {
			const e = adjEdge[k]!;
			if (!(edgeModes[e]! & this.bit)) continue;
			const v = adjNode[k]!;
			if (this.settled[v] === run) continue;
			const nd = d + edgeLengthM[e]!;
			if (this.reached[v] === run && nd >= this.dist[v]!) continue;
			this.reached[v] = run;
			this.dist[v] = nd;
			this.parentEdge[v] = e;
			const h = scale === 0 ? 0 : scale * Math.hypot(x[v]! - tx, y[v]! - ty);
			this.queue.push(v, nd + h);
		}
	}
}
