/**
 * Snapping a house to the street network: the nearest point on a street its visitor's mode may
 * use. The edges' boxes sit in a packed R-tree (flatbush, assemble.ts): kdbush indexes points,
 * and a long road segment is not near its vertices, so boxes of segments are what is searched.
 */
import { haversineM, M_PER_DEG } from '../routing/geometry.ts';
import { MODE_BITS } from './modes.ts';
import type { LonLat, StreetGraph, StreetSnap, TravelMode } from './types.ts';

/** How far a house may stand from the street it is reached from, metres, unless told. */
export const DEFAULT_SNAP_MAX_M = 60;

/**
 * The nearest point to `point` on an edge usable by `mode`, or null when none lies within
 * `maxM` metres: the house is then "not on the network". Ties go to the lower edge number.
 */
export function snapToStreets(
	graph: StreetGraph,
	point: LonLat,
	mode: TravelMode,
	maxM = DEFAULT_SNAP_MAX_M
): StreetSnap | null {
	const index = graph.edgeIndex;
	if (!index) return null;
	const { x, y, edgeFrom, edgeTo, edgeModes } = graph;
	const bit = MODE_BITS[mode];
	const px = (point[0] - graph.lon0) * graph.mPerDegLon;
	const py = (point[1] - graph.lat0) * M_PER_DEG;
	// The plane and the sphere agree within 0.1 % over a commune; search a little wider.
	const r = maxM * 1.01 + 1;
	let best = -1;
	let bestT = 0;
	let bestD2 = Infinity;
	index.search(px - r, py - r, px + r, py + r, (e) => {
		if (!(edgeModes[e]! & bit)) return false;
		const a = edgeFrom[e]!;
		const b = edgeTo[e]!;
		const t = projectT(px, py, x[a]!, y[a]!, x[b]!, y[b]!);
		const dx = x[a]! + t * (x[b]! - x[a]!) - px;
		const dy = y[a]! + t * (y[b]! - y[a]!) - py;
		const d2 = dx * dx + dy * dy;
		if (d2 < bestD2 || (d2 === bestD2 && e < best)) {
			best = e;
			bestT = t;
			bestD2 = d2;
		}
		return false;
	});
	if (best < 0) return null;
	const snapped = pointOnEdge(graph, best, bestT);
	const distanceM = haversineM(point, snapped);
	return distanceM <= maxM ? { edge: best, t: bestT, point: snapped, distanceM } : null;
}

/** The position (0..1) of the point on segment a–b nearest to p. */
function projectT(px: number, py: number, ax: number, ay: number, bx: number, by: number) {
	const dx = bx - ax;
	const dy = by - ay;
	const len2 = dx * dx + dy * dy;
	if (len2 === 0) return 0;
	return Math.min(1, Math.max(0, ((px - ax) * dx + (py - ay) * dy) / len2));
}

/** The lon/lat at position t along edge e (the projection is linear in lon and lat). */
export function pointOnEdge(graph: StreetGraph, e: number, t: number): LonLat {
	const a = graph.edgeFrom[e]!;
	const b = graph.edgeTo[e]!;
	const lonA = graph.lonE6[a]!;
	const latA = graph.latE6[a]!;
	return [
		(lonA + t * (graph.lonE6[b]! - lonA)) * 1e-6,
		(latA + t * (graph.latE6[b]! - latA)) * 1e-6
	];
}

/** The lon/lat of node u. */
export const nodeLonLat = (graph: StreetGraph, u: number): LonLat => [
	graph.lonE6[u]! * 1e-6,
	graph.latE6[u]! * 1e-6
];
