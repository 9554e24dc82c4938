/**
 * From the stored essentials of a street graph (node coordinates, edge endpoints, mode masks)
 * to the graph searched: projected coordinates, edge lengths, CSR adjacency and the spatial
 * index of edges. Shared by buildStreetGraph and decodeStreetGraph, so both give the same graph.
 */
import Flatbush from 'flatbush';
import { haversineM, M_PER_DEG } from '../routing/geometry.ts';
import type { StreetGraph } from './types.ts';

export interface GraphEssentials {
	lonE6: Int32Array;
	latE6: Int32Array;
	/** Edges sorted by (from, to), from < to, no duplicates. */
	edgeFrom: Uint32Array;
	edgeTo: Uint32Array;
	edgeModes: Uint8Array;
}

const E6 = 1e-6;

/** The searchable graph of `g`. */
export function assembleGraph(g: GraphEssentials): StreetGraph {
	const nodeCount = g.lonE6.length;
	const edgeCount = g.edgeFrom.length;
	let lonSum = 0;
	let latSum = 0;
	for (let i = 0; i < nodeCount; i++) {
		lonSum += g.lonE6[i]!;
		latSum += g.latE6[i]!;
	}
	const lon0 = nodeCount ? (lonSum / nodeCount) * E6 : 0;
	const lat0 = nodeCount ? (latSum / nodeCount) * E6 : 0;
	const mPerDegLon = M_PER_DEG * Math.cos((lat0 * Math.PI) / 180);
	const x = new Float64Array(nodeCount);
	const y = new Float64Array(nodeCount);
	for (let i = 0; i < nodeCount; i++) {
		x[i] = (g.lonE6[i]! * E6 - lon0) * mPerDegLon;
		y[i] = (g.latE6[i]! * E6 - lat0) * M_PER_DEG;
	}
	const edgeLengthM = new Float64Array(edgeCount);
	for (let e = 0; e < edgeCount; e++) {
		const a = g.edgeFrom[e]!;
		const b = g.edgeTo[e]!;
		edgeLengthM[e] = haversineM(
			[g.lonE6[a]! * E6, g.latE6[a]! * E6],
			[g.lonE6[b]! * E6, g.latE6[b]! * E6]
		);
	}
	return {
		nodeCount,
		edgeCount,
		...g,
		x,
		y,
		edgeLengthM,
		...adjacency(nodeCount, g.edgeFrom, g.edgeTo),
		edgeIndex: edgeIndex(x, y, g.edgeFrom, g.edgeTo),
		lon0,
		lat0,
		mPerDegLon
	};
}

/** CSR adjacency: each edge listed at both its ends. */
function adjacency(nodeCount: number, from: Uint32Array, to: Uint32Array) {
	const adjStart = new Uint32Array(nodeCount + 1);
	for (let e = 0; e < from.length; e++) {
		adjStart[from[e]! + 1]!++;
		adjStart[to[e]! + 1]!++;
	}
	for (let i = 0; i < nodeCount; i++) adjStart[i + 1]! += adjStart[i]!;
	const fill = adjStart.slice(0, nodeCount);
	const adjNode = new Uint32Array(2 * from.length);
	const adjEdge = new Uint32Array(2 * from.length);
	for (let e = 0; e < from.length; e++) {
		const a = from[e]!;
		const b = to[e]!;
		adjNode[fill[a]!] = b;
		adjEdge[fill[a]!++] = e;
		adjNode[fill[b]!] = a;
		adjEdge[fill[b]!++] = e;
	}
	return { adjStart, adjNode, adjEdge };
}

/** A packed R-tree (flatbush) of the edges' boxes: candidates for snapping. */
function edgeIndex(x: Float64Array, y: Float64Array, from: Uint32Array, to: Uint32Array) {
	if (from.length === 0) return null;
	const index = new Flatbush(from.length);
	for (let e = 0; e < from.length; e++) {
		const a = from[e]!;
		const b = to[e]!;
		index.add(
			Math.min(x[a]!, x[b]!),
			Math.min(y[a]!, y[b]!),
			Math.max(x[a]!, x[b]!),
			Math.max(y[a]!, y[b]!)
		);
	}
	index.finish();
	return index;
}
