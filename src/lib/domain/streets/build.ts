/**
 * Building a street graph from street lines: a node per distinct vertex (coordinates rounded
 * to 1e-6°, about 0.1 m, so lines that share a vertex meet there), an edge per segment.
 * Lines cross only where they share a vertex: two streets drawn across each other without a
 * common vertex (a bridge over a road) do not meet, as in OpenStreetMap.
 */
import { assembleGraph } from './assemble.ts';
import { lineModes } from './modes.ts';
import type { StreetGraph, StreetLine } from './types.ts';

/** Micro-degrees: the integer grid every coordinate is rounded to. */
export const toE6 = (deg: number) => Math.round(deg * 1e6);

/**
 * The graph of `lines`. Repeated vertices within a line are skipped; a segment drawn by two
 * lines is one edge usable by the modes of either.
 * @throws RangeError when a coordinate is not a finite lon/lat.
 */
export function buildStreetGraph(lines: readonly StreetLine[]): StreetGraph {
	const nodeOf = new Map<string, number>();
	const lonE6: number[] = [];
	const latE6: number[] = [];
	const edgeOf = new Map<number, number>();
	const from: number[] = [];
	const to: number[] = [];
	const modes: number[] = [];
	const node = (lon: number, lat: number) => {
		if (!(Math.abs(lon) <= 180 && Math.abs(lat) <= 90))
			throw new RangeError(`Not a lon/lat: ${lon}, ${lat}`);
		const lx = toE6(lon);
		const ly = toE6(lat);
		const key = `${lx},${ly}`;
		let id = nodeOf.get(key);
		if (id === undefined) {
			nodeOf.set(key, (id = lonE6.length));
			lonE6.push(lx);
			latE6.push(ly);
		}
		return id;
	};
	for (const line of lines) {
		const mask = lineModes(line);
		let prev = -1;
		for (const [lon, lat] of line.coords) {
			const id = node(lon, lat);
			if (prev >= 0 && prev !== id) {
				const a = Math.min(prev, id);
				const b = Math.max(prev, id);
				const key = a * 2 ** 26 + b;
				const e = edgeOf.get(key);
				if (e === undefined) {
					edgeOf.set(key, from.length);
					from.push(a);
					to.push(b);
					modes.push(mask);
				} else modes[e]! |= mask;
			}
			prev = id;
		}
	}
	const order = from.map((_, i) => i).sort((i, j) => from[i]! - from[j]! || to[i]! - to[j]!);
	return assembleGraph({
		lonE6: Int32Array.from(lonE6),
		latE6: Int32Array.from(latE6),
		edgeFrom: Uint32Array.from(order, (i) => from[i]!),
		edgeTo: Uint32Array.from(order, (i) => to[i]!),
		edgeModes: Uint8Array.from(order, (i) => modes[i]!)
	});
}
