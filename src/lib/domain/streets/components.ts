/**
 * Connected components of a street graph for one mode. Real street data has islands (a wide
 * sub-alley behind a narrow one is an island for motorbikes; a hamlet's lanes drawn without
 * the road joining them), and a Dijkstra towards a target on another island settles the whole
 * graph before giving up: knowing the components first keeps every search short.
 */
import { MODE_BITS } from './modes.ts';
import type { StreetGraph, TravelMode } from './types.ts';

const cache = new WeakMap<StreetGraph, Map<TravelMode, Int32Array>>();

/**
 * The component of every node over the edges `mode` may use: equal labels are connected; -1
 * for a node with no such edge. Computed once per graph and mode (kept while the graph lives).
 */
export function modeComponents(graph: StreetGraph, mode: TravelMode): Int32Array {
	let byMode = cache.get(graph);
	if (!byMode) cache.set(graph, (byMode = new Map()));
	let labels = byMode.get(mode);
	if (!labels) byMode.set(mode, (labels = label(graph, MODE_BITS[mode])));
	return labels;
}

function label(graph: StreetGraph, bit: number): Int32Array {
	const { nodeCount, adjStart, adjNode, adjEdge, edgeModes } = graph;
	const labels = new Int32Array(nodeCount).fill(-1);
	const stack = new Uint32Array(nodeCount);
	let next = 0;
	for (let s = 0; s < nodeCount; s++) {
		if (labels[s] !== -1 || !usable(graph, s, bit)) continue;
		labels[s] = next;
		let top = 0;
		stack[top++] = s;
		while (top > 0) {
			const u = stack[--top]!;
			for (let k = adjStart[u]!, end = adjStart[u + 1]!; k < end; k++) {
				const v = adjNode[k]!;
				if (labels[v] === -1 && edgeModes[adjEdge[k]!]! & bit) {
					labels[v] = next;
					stack[top++] = v;
				}
			}
		}
		next++;
	}
	return labels;
}

function usable(graph: StreetGraph, u: number, bit: number): boolean {
	for (let k = graph.adjStart[u]!, end = graph.adjStart[u + 1]!; k < end; k++)
		if (graph.edgeModes[graph.adjEdge[k]!]! & bit) return true;
	return false;
}
