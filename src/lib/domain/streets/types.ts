/**
 * Street graphs: the streets of a commune as a graph, so that distances between houses follow
 * the roads, streets, alleys and paths instead of straight lines × a detour factor. Plain data
 * and typed arrays only, so the same code runs in the worker, in a browser web worker and in
 * Node scripts.
 */
import type Flatbush from 'flatbush';
import type { TravelMode } from '../routing/outing-kinds.ts';
import type { LonLat } from '../routing/types.ts';

export type { LonLat, TravelMode };

/** What a street line is, from the widest to the narrowest. */
export const STREET_KINDS = ['road', 'street', 'alley', 'path'] as const;
export type StreetKind = (typeof STREET_KINDS)[number];

/** A street as drawn on the map: a polyline of lon/lat vertices. */
export interface StreetLine {
	coords: LonLat[];
	kind: StreetKind;
	name?: string;
	/** Width of the carriageway in metres, when known (alleys: decides whether a motorbike fits). */
	widthM?: number;
}

/**
 * The graph, compact: nodes are the lines' vertices (merged where coordinates coincide at
 * 1e-6°, about 0.1 m), edges the segments between them. Edges are undirected (no one-way
 * streets: members walk, and ride slowly through their own commune), sorted by (from, to) with
 * from < to, and the adjacency is CSR: the neighbours of node u are adjNode[adjStart[u] ..
 * adjStart[u + 1]), reached through edge adjEdge[same index].
 */
export interface StreetGraph {
	nodeCount: number;
	edgeCount: number;
	/** Node coordinates in integer micro-degrees (the stored form; exact across encode/decode). */
	lonE6: Int32Array;
	latE6: Int32Array;
	/** Node coordinates in metres, in a local projection around the graph's centre (derived). */
	x: Float64Array;
	y: Float64Array;
	edgeFrom: Uint32Array;
	edgeTo: Uint32Array;
	/** Edge length along the sphere, metres (derived from the node coordinates). */
	edgeLengthM: Float64Array;
	/** Which modes may use the edge: a bitmask of MODE_BITS. */
	edgeModes: Uint8Array;
	adjStart: Uint32Array;
	adjNode: Uint32Array;
	adjEdge: Uint32Array;
	/** Bounding boxes of the edges in projected metres, for snapping; null for an empty graph. */
	edgeIndex: Flatbush | null;
	/** The projection's centre and scale (metres per degree of longitude at its latitude). */
	lon0: number;
	lat0: number;
	mPerDegLon: number;
}

/** Where a point meets the street network. */
export interface StreetSnap {
	edge: number;
	/** Position along the edge, 0 at edgeFrom and 1 at edgeTo. */
	t: number;
	/** The snapped point on the street. */
	point: LonLat;
	/** From the point to the street, metres (haversine). */
	distanceM: number;
}

/** A path along the streets from one point to another, snap legs included. */
export interface StreetPath {
	distanceM: number;
	/** The point, where it meets the street, the corners passed, where the street leaves, the target. */
	coords: LonLat[];
}
