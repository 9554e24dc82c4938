import { describe, expect, it } from 'vitest';
import { M_PER_DEG, haversineM } from '../../src/lib/domain/routing/geometry.ts';
import type { LonLat } from '../../src/lib/domain/routing/types.ts';
import { buildStreetGraph } from '../../src/lib/domain/streets/build.ts';
import { decodeStreetGraph, encodeStreetGraph } from '../../src/lib/domain/streets/codec.ts';
import { ALL_MODES, MODE_BITS, lineModes } from '../../src/lib/domain/streets/modes.ts';
import { streetDistanceMatrix, streetPath } from '../../src/lib/domain/streets/paths.ts';
import { snapToStreets } from '../../src/lib/domain/streets/snap.ts';
import { travelDistances } from '../../src/lib/domain/streets/travel-distances.ts';
import type { StreetLine } from '../../src/lib/domain/streets/types.ts';

// A neighbourhood in Hà Nội, in metres east (x) and north (y) of a corner.
const LON0 = 105.8;
const LAT0 = 21.0;
const M_PER_DEG_LON = M_PER_DEG * Math.cos((LAT0 * Math.PI) / 180);
const at = (x: number, y: number): LonLat => [LON0 + x / M_PER_DEG_LON, LAT0 + y / M_PER_DEG];
const metres = ([lon, lat]: LonLat) => [(lon - LON0) * M_PER_DEG_LON, (lat - LAT0) * M_PER_DEG];
const line = (kind: StreetLine['kind'], pts: [number, number][], widthM?: number): StreetLine => ({
	kind,
	coords: pts.map(([x, y]) => at(x, y)),
	...(widthM === undefined ? {} : { widthM })
});

/**
 * A 3 × 3 grid of 100 m blocks (streets x, y = 0, 100, 200, 300, a vertex at every crossing),
 * a footpath across the south-west block (0,0)–(100,100), a narrow dead-end alley (1.5 m) east
 * from (300,100) to (380,100), and a street 1 km east not joined to the rest.
 */
const LINES: StreetLine[] = [
	...[0, 100, 200, 300].map((y) =>
		line(
			'street',
			[0, 100, 200, 300].map((x) => [x, y])
		)
	),
	...[0, 100, 200, 300].map((x) =>
		line(
			'street',
			[0, 100, 200, 300].map((y) => [x, y])
		)
	),
	line('path', [
		[0, 0],
		[100, 100]
	]),
	line(
		'alley',
		[
			[300, 100],
			[380, 100]
		],
		1.5
	),
	line('road', [
		[1000, 0],
		[1000, 100],
		[1000, 200]
	])
];
const graph = buildStreetGraph(LINES);

const near = (a: number[], b: number[]) => Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!) < 0.5;

describe('street modes', () => {
	it.each([
		['road', undefined, ALL_MODES],
		['street', 1, ALL_MODES],
		['alley', undefined, ALL_MODES],
		['alley', 2, ALL_MODES],
		['alley', 1.5, MODE_BITS.foot | MODE_BITS.bicycle],
		['path', 5, MODE_BITS.foot | MODE_BITS.bicycle]
	] as const)('a %s %s m wide carries modes %i', (kind, widthM, mask) => {
		expect(lineModes({ kind, widthM })).toBe(mask);
	});
});

describe('buildStreetGraph', () => {
	it('merges the vertices lines share and makes an edge per segment', () => {
		// 16 crossings + the alley's end + 3 nodes of the lone street.
		expect(graph.nodeCount).toBe(20);
		// 24 grid segments + footpath + alley + 2 of the lone street.
		expect(graph.edgeCount).toBe(28);
		const lengths = [...graph.edgeLengthM].sort((a, b) => a - b);
		expect(lengths[0]).toBeCloseTo(80, 0);
		expect(lengths.at(-1)).toBeCloseTo(141.42, 0);
	});

	it('keeps one edge, usable by either line’s modes, for a segment drawn twice', () => {
		const g = buildStreetGraph([
			line('path', [
				[0, 0],
				[50, 0]
			]),
			line('street', [
				[50, 0],
				[0, 0]
			])
		]);
		expect([g.nodeCount, g.edgeCount, g.edgeModes[0]]).toEqual([2, 1, ALL_MODES]);
	});

	it('refuses a coordinate that is not a lon/lat', () => {
		expect(() =>
			buildStreetGraph([
				{
					kind: 'road',
					coords: [
						[0, 0],
						[NaN, 1]
					]
				}
			])
		).toThrow(RangeError);
	});
});

describe('snapToStreets', () => {
	it.each([
		['a house beside a block picks the nearer street', [150, 40], 'foot', [150, 0], 40],
		['a house in the alley, on foot, meets the alley', [350, 105], 'foot', [350, 100], 5],
		['the same house by motorbike meets the street', [350, 105], 'motorbike', [300, 105], 50],
		['a house beyond the grid meets its corner', [-30, -40], 'foot', [0, 0], 50]
	] as const)('%s', (_, house, mode, expected, distanceM) => {
		const snap = snapToStreets(graph, at(house[0], house[1]), mode);
		expect(snap).not.toBeNull();
		expect(near(metres(snap!.point), [...expected])).toBe(true);
		expect(snap!.distanceM).toBeCloseTo(distanceM, 0);
	});

	it('leaves a house 200 m from every street unsnapped, unless told to look that far', () => {
		expect(snapToStreets(graph, at(150, -200), 'foot')).toBeNull();
		expect(snapToStreets(graph, at(150, -200), 'foot', 250)?.distanceM).toBeCloseTo(200, 0);
	});

	it('finds nothing on an empty graph', () => {
		expect(snapToStreets(buildStreetGraph([]), at(0, 0), 'foot')).toBeNull();
	});
});

describe('streetPath', () => {
	it.each([
		// 10 (snap) + 20 south + 141.42 footpath + 20 east + 5 (snap)
		[
			'on foot takes the footpath',
			[-10, 20],
			[120, 105],
			'foot',
			196.42,
			[
				[0, 0],
				[100, 100]
			]
		],
		// 10 + 80 north + 120 east (through the crossing at 100) + 5
		[
			'by motorbike keeps to the streets',
			[-10, 20],
			[120, 105],
			'motorbike',
			215,
			[
				[0, 100],
				[100, 100]
			]
		],
		// 3 + 50 alley + 100 + 50 + 3
		[
			'on foot walks out of the alley',
			[350, 103],
			[150, 103],
			'foot',
			206,
			[
				[300, 100],
				[200, 100]
			]
		],
		// 50 (snap onto x = 300) + 3 + 150 + 3: the narrow alley is not ridden
		[
			'by motorbike parks on the street',
			[350, 103],
			[150, 103],
			'motorbike',
			206,
			[
				[300, 100],
				[200, 100]
			]
		],
		['along one edge turns no corner', [20, 3], [80, -4], 'foot', 67, []]
	] as const)('%s', (_, from, to, mode, distanceM, corners) => {
		const path = streetPath(graph, at(from[0], from[1]), at(to[0], to[1]), mode);
		expect(path).not.toBeNull();
		expect(Math.abs(path!.distanceM - distanceM)).toBeLessThan(1);
		const inner = path!.coords.slice(2, -2).map(metres);
		expect(inner).toHaveLength(corners.length);
		inner.forEach((p, i) => expect(near(p, [...corners[i]!]), `corner ${i}`).toBe(true));
		expect(path!.coords[0]).toEqual(at(from[0], from[1]));
		expect(path!.coords.at(-1)).toEqual(at(to[0], to[1]));
	});

	it('finds no way to a street not joined to the rest, nor from a house off the network', () => {
		expect(streetPath(graph, at(50, 0), at(1005, 50), 'foot')).toBeNull();
		expect(streetPath(graph, at(150, -200), at(50, 0), 'foot')).toBeNull();
	});
});

const HOUSES: [number, number][] = [
	[-10, 20],
	[120, 105],
	[350, 103],
	[150, 103],
	[20, 3],
	[80, -4],
	[250, 290],
	[150, -200], // off the network
	[1005, 50], // on the lone street
	[1002, 180]
];
const POINTS = HOUSES.map(([x, y]) => at(x, y));

describe('streetDistanceMatrix', () => {
	it.each(['foot', 'motorbike'] as const)('agrees with streetPath for every pair (%s)', (mode) => {
		const m = streetDistanceMatrix(graph, POINTS, mode);
		for (let i = 0; i < POINTS.length; i++)
			for (let j = 0; j < POINTS.length; j++) {
				if (i === j) continue;
				const d = streetPath(graph, POINTS[i]!, POINTS[j]!, mode)?.distanceM ?? null;
				if (d === null) expect(m[i]![j], `${i} → ${j}`).toBeNull();
				else expect(m[i]![j], `${i} → ${j}`).toBeCloseTo(d, 6);
			}
	});

	it('is symmetric on foot, 0 on the diagonal, null for the house off the network', () => {
		const m = streetDistanceMatrix(graph, POINTS, 'foot');
		for (let i = 0; i < POINTS.length; i++)
			for (let j = 0; j < POINTS.length; j++) expect(m[i]![j]).toBe(m[j]![i]);
		expect(m[0]![0]).toBe(0);
		expect(m[7]!.every((d) => d === null)).toBe(true);
		expect(m[0]![8]).toBeNull();
		expect(m[8]![9]).toBeCloseTo(5 + 130 + 2, 0);
	});
});

describe('encodeStreetGraph / decodeStreetGraph', () => {
	it('round-trips to the same graph, bytes and distances', () => {
		const bytes = encodeStreetGraph(graph);
		const back = decodeStreetGraph(bytes);
		for (const key of ['lonE6', 'latE6', 'edgeFrom', 'edgeTo', 'edgeModes', 'adjStart'] as const)
			expect(back[key], key).toEqual(graph[key]);
		expect(back.edgeLengthM).toEqual(graph.edgeLengthM);
		expect(encodeStreetGraph(back)).toEqual(bytes);
		expect(streetDistanceMatrix(back, POINTS, 'foot')).toEqual(
			streetDistanceMatrix(graph, POINTS, 'foot')
		);
	});

	it.each([
		['another file', (b: Uint8Array) => Uint8Array.from([0x50, 0x4b, 3, 4, ...b.slice(4)])],
		[
			'another format version',
			(b: Uint8Array) => Uint8Array.from([...b.slice(0, 4), 99, ...b.slice(5)])
		],
		['a truncated file', (b: Uint8Array) => b.slice(0, b.length - 3)],
		['trailing bytes', (b: Uint8Array) => Uint8Array.from([...b, 0])]
	])('refuses %s', (_, spoil) => {
		expect(() => decodeStreetGraph(spoil(encodeStreetGraph(graph)))).toThrow(RangeError);
	});

	it('round-trips an empty graph', () => {
		const empty = decodeStreetGraph(encodeStreetGraph(buildStreetGraph([])));
		expect([empty.nodeCount, empty.edgeCount, empty.edgeIndex]).toEqual([0, 0, null]);
	});
});

describe('travelDistances', () => {
	it('falls back to the straight line × detour for the house off the network and flags it', () => {
		const t = travelDistances(graph, POINTS, 'foot', 1.3);
		expect(t.offNetwork).toEqual(HOUSES.map((_, i) => i === 7));
		expect(t.distanceM[7]![0]).toBeCloseTo(haversineM(POINTS[7]!, POINTS[0]!) * 1.3, 6);
		expect(t.distanceM[0]![1]).toBeCloseTo(196.42, 0);
	});

	it('falls back between streets not joined, without flagging either house', () => {
		const t = travelDistances(graph, [POINTS[0]!, POINTS[8]!], 'foot', 1.3);
		expect(t.offNetwork).toEqual([false, false]);
		expect(t.distanceM[0]![1]).toBeCloseTo(haversineM(POINTS[0]!, POINTS[8]!) * 1.3, 6);
		expect(t.fallbackPairs).toBe(1);
	});

	it('measures every pair as a straight line × detour without a graph', () => {
		const t = travelDistances(null, POINTS.slice(0, 3), 'motorbike', 1.3);
		expect(t.offNetwork).toEqual([false, false, false]);
		expect(t.fallbackPairs).toBe(3);
		expect(t.distanceM[1]![2]).toBeCloseTo(haversineM(POINTS[1]!, POINTS[2]!) * 1.3, 6);
		expect(t.distanceM[2]![2]).toBe(0);
	});
});
