/**
 * Distances and paths along the streets between points (houses, a hamlet's cultural house):
 * each point is snapped to its nearest usable street (snap.ts), and the way between the snaps
 * follows the edges (search.ts). Snap legs — house to street, street to house — are included.
 */
import { modeComponents } from './components.ts';
import { streetSearch } from './search.ts';
import { DEFAULT_SNAP_MAX_M, nodeLonLat, snapToStreets } from './snap.ts';
import type { LonLat, StreetGraph, StreetPath, StreetSnap, TravelMode } from './types.ts';

/**
 * The shortest way along the streets usable by `mode` from `from` to `to`, or null when either
 * point lies more than `maxSnapM` from such a street or the two are not connected.
 */
export function streetPath(
	graph: StreetGraph,
	from: LonLat,
	to: LonLat,
	mode: TravelMode,
	maxSnapM = DEFAULT_SNAP_MAX_M
): StreetPath | null {
	const s1 = snapToStreets(graph, from, mode, maxSnapM);
	const s2 = snapToStreets(graph, to, mode, maxSnapM);
	if (!s1 || !s2) return null;
	const component = modeComponents(graph, mode);
	if (component[graph.edgeFrom[s1.edge]!] !== component[graph.edgeFrom[s2.edge]!]) return null;
	const search = streetSearch(graph, mode);
	const { alongM, lastNode } = search.toward(s1, s2);
	if (alongM === Infinity) return null;
	const corners = lastNode < 0 ? [] : search.nodesTo(lastNode).map((u) => nodeLonLat(graph, u));
	const coords = dedupe([from, s1.point, ...corners, s2.point, to]);
	return { distanceM: s1.distanceM + alongM + s2.distanceM, coords };
}

/**
 * Distances in metres along the streets usable by `mode` between every pair of `points`
 * (snap legs included): [i][j], null when either point is not on the network (farther than
 * `maxSnapM` from a usable street) or the two are not connected. Symmetric (streets are
 * two-way), 0 on the diagonal of a snapped point.
 */
export function streetDistanceMatrix(
	graph: StreetGraph,
	points: readonly LonLat[],
	mode: TravelMode,
	maxSnapM = DEFAULT_SNAP_MAX_M
): (number | null)[][] {
	const snaps = points.map((p) => snapToStreets(graph, p, mode, maxSnapM));
	return distancesBetweenSnaps(graph, snaps, mode);
}

/**
 * The matrix of streetDistanceMatrix for points already snapped. One Dijkstra per point, which
 * stops once the snaps of the later points are settled; the row fills the column too. Points on
 * another island of the network (components.ts) are not searched for: they stay null.
 */
export function distancesBetweenSnaps(
	graph: StreetGraph,
	snaps: readonly (StreetSnap | null)[],
	mode: TravelMode
): (number | null)[][] {
	const n = snaps.length;
	const m: (number | null)[][] = snaps.map(() => new Array<number | null>(n).fill(null));
	const search = streetSearch(graph, mode);
	const labels = modeComponents(graph, mode);
	const island = snaps.map((s) => (s ? labels[graph.edgeFrom[s.edge]!]! : -1));
	for (let i = 0; i < n; i++) {
		const si = snaps[i];
		if (!si) continue;
		m[i]![i] = 0;
		const later: StreetSnap[] = [];
		for (let j = i + 1; j < n; j++) if (island[j] === island[i]) later.push(snaps[j]!);
		if (later.length === 0) continue;
		search.settleTargets(si, later);
		for (let j = i + 1; j < n; j++) {
			const sj = snaps[j];
			if (!sj || island[j] !== island[i]) continue;
			let along = search.distanceToSnap(sj);
			if (sj.edge === si.edge)
				along = Math.min(along, Math.abs(si.t - sj.t) * graph.edgeLengthM[si.edge]!);
			if (along === Infinity) continue;
			m[i]![j] = m[j]![i] = si.distanceM + along + sj.distanceM;
		}
	}
	return m;
}

/** The points without immediate repeats (a house on the street, a snap on a corner). */
function dedupe(points: LonLat[]): LonLat[] {
	return points.filter(
		(p, i) => i === 0 || p[0] !== points[i - 1]![0] || p[1] !== points[i - 1]![1]
	);
}
