/**
 * Cutting OSM ways per commune and building each commune's street graph. A way belongs to
 * every commune one of its vertices falls in, and is kept whole there: a road crossing the
 * border still joins the neighbouring hamlet, and a member reaching a house near the border
 * along it gets the true distance. A way none of whose vertices falls in a commune (a long
 * straight segment only crossing its corner) is not in that commune's graph.
 *
 * Communes do not overlap (the reference polygons share their borders; slivers were cleaned),
 * so a vertex is looked up until its first containing commune: the commune of the previous
 * vertex is tried first, then the communes whose box holds the vertex (a flatbush index).
 */
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import Flatbush from 'flatbush';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { COMMUNE_CODE } from '../../../src/lib/domain/codes.ts';
import { buildStreetGraph } from '../../../src/lib/domain/streets/build.ts';
import { encodeStreetGraph } from '../../../src/lib/domain/streets/codec.ts';
import type { LonLat, StreetLine } from '../../../src/lib/domain/streets/types.ts';
import type { OsmWaySource } from './osm-read.ts';
import { osmWayKind } from './osm-ways.ts';

type Area = Feature<Polygon | MultiPolygon, { code: string }>;

/** A commune code the polygons do not have, or that is not a 5-digit code. */
export class UnknownCommuneError extends Error {}

/**
 * The commune polygons to cut by: those of `codes`, or every commune when none are given.
 * @throws UnknownCommuneError naming each requested code that is malformed or not found.
 */
export function communeAreas(
	fc: FeatureCollection<Polygon | MultiPolygon, { code: string }>,
	codes?: readonly string[]
): Area[] {
	if (!codes?.length) return fc.features;
	const byCode = new Map(fc.features.map((f) => [f.properties.code, f]));
	const bad = codes.filter((c) => !COMMUNE_CODE.test(c));
	if (bad.length) throw new UnknownCommuneError(`Not a 5-digit commune code: ${bad.join(', ')}`);
	const unknown = codes.filter((c) => !byCode.has(c));
	if (unknown.length)
		throw new UnknownCommuneError(
			`Unknown commune code: ${unknown.join(', ')} (not in the polygons)`
		);
	return [...new Set(codes)].map((c) => byCode.get(c)!);
}

/** Finds the commune a point lies in among `areas`. */
export class CommuneLocator {
	private readonly areas: Area[];
	private readonly index: Flatbush | null;
	private last = -1;

	constructor(areas: Area[]) {
		this.areas = areas;
		this.index = areas.length ? new Flatbush(areas.length) : null;
		for (const a of areas) {
			const [w, s, e, n] = boxOf(a);
			this.index!.add(w, s, e, n);
		}
		this.index?.finish();
	}

	/** The index in `areas` of the commune holding `p`, or -1. */
	locate(p: LonLat): number {
		if (this.last >= 0 && booleanPointInPolygon(p, this.areas[this.last]!)) return this.last;
		for (const i of this.index?.search(p[0], p[1], p[0], p[1]) ?? [])
			if (i !== this.last && booleanPointInPolygon(p, this.areas[i]!)) return (this.last = i);
		return -1;
	}
}

function boxOf(a: Area): [number, number, number, number] {
	const b: [number, number, number, number] = [180, 90, -180, -90];
	const polys = a.geometry.type === 'Polygon' ? [a.geometry.coordinates] : a.geometry.coordinates;
	for (const poly of polys)
		for (const [lon, lat] of poly[0]!) {
			b[0] = Math.min(b[0], lon!);
			b[1] = Math.min(b[1], lat!);
			b[2] = Math.max(b[2], lon!);
			b[3] = Math.max(b[3], lat!);
		}
	return b;
}

/** A kept way, its vertices packed (lon, lat, lon, lat, …): a country's ways fit in memory. */
interface PackedLine extends Pick<StreetLine, 'kind' | 'widthM'> {
	lonLat: Float64Array;
}

export interface CutResult {
	/** The communes that have at least one way, in code order. */
	codes: string[];
	/** The street lines of the ways with a vertex in commune `code` (unpacked on each call). */
	linesOf(code: string): StreetLine[];
	/** Ways read, ways a member can use (osmWayKind), and of those, ways in some commune. */
	ways: number;
	usable: number;
	inCommunes: number;
}

/** The usable ways of `source` (osmWayKind) per commune of `areas`, whole across borders. */
export async function cutWays(source: OsmWaySource, areas: Area[]): Promise<CutResult> {
	const locator = new CommuneLocator(areas);
	const packed = new Map<string, PackedLine[]>();
	let ways = 0;
	let usable = 0;
	let inCommunes = 0;
	for await (const way of source) {
		ways++;
		const kind = osmWayKind(way.tags);
		if (!kind || way.coords.length < 2) continue;
		usable++;
		const found = new Set<number>();
		for (const p of way.coords) {
			const i = locator.locate(p);
			if (i >= 0) found.add(i);
		}
		if (found.size === 0) continue;
		inCommunes++;
		const line: PackedLine = { ...kind, lonLat: Float64Array.from(way.coords.flat()) };
		for (const i of found) {
			const code = areas[i]!.properties.code;
			const list = packed.get(code) ?? [];
			list.push(line);
			packed.set(code, list);
		}
	}
	return {
		codes: [...packed.keys()].sort(),
		linesOf: (code) => (packed.get(code) ?? []).map(unpack),
		ways,
		usable,
		inCommunes
	};
}

function unpack({ lonLat, ...kind }: PackedLine): StreetLine {
	const coords: LonLat[] = [];
	for (let k = 0; k < lonLat.length; k += 2) coords.push([lonLat[k]!, lonLat[k + 1]!]);
	return { ...kind, coords };
}

/** Each commune's street graph, encoded (the bytes stored as graphs/{code}.bin), one by one. */
export function* communeGraphs(
	cut: Pick<CutResult, 'codes' | 'linesOf'>
): Generator<{ code: string; bytes: Uint8Array; nodes: number; edges: number }> {
	for (const code of cut.codes) {
		const graph = buildStreetGraph(cut.linesOf(code));
		yield { code, bytes: encodeStreetGraph(graph), nodes: graph.nodeCount, edges: graph.edgeCount };
	}
}
