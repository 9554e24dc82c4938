/**
 * Street graphs on seeded random networks: the single-path search (A*) and the matrix
 * (Dijkstra, one per source) agree, a path's drawn length is its distance, and a decoded graph
 * answers as the original.
 */
import { describe, expect, it } from 'vitest';
import { M_PER_DEG, pathLengthM } from '../../src/lib/domain/routing/geometry.ts';
import { seededRandom } from '../../src/lib/domain/routing/tsp.ts';
import type { LonLat } from '../../src/lib/domain/routing/types.ts';
import { buildStreetGraph } from '../../src/lib/domain/streets/build.ts';
import { decodeStreetGraph, encodeStreetGraph } from '../../src/lib/domain/streets/codec.ts';
import { streetDistanceMatrix, streetPath } from '../../src/lib/domain/streets/paths.ts';
import { STREET_KINDS, type StreetLine } from '../../src/lib/domain/streets/types.ts';

const M_PER_DEG_LON = M_PER_DEG * Math.cos((16 * Math.PI) / 180);
const at = (x: number, y: number): LonLat => [108 + x / M_PER_DEG_LON, 16 + y / M_PER_DEG];

/** A jittered 8 × 8 lattice (60 m) with a third of its segments missing, of mixed kinds. */
function randomNetwork(seed: number): { lines: StreetLine[]; points: LonLat[] } {
	const rnd = seededRandom(seed);
	const node = Array.from({ length: 64 }, (_, i) =>
		at((i % 8) * 60 + (rnd() - 0.5) * 20, Math.floor(i / 8) * 60 + (rnd() - 0.5) * 20)
	);
	const lines: StreetLine[] = [];
	for (let i = 0; i < 64; i++)
		for (const j of [i % 8 < 7 ? i + 1 : -1, i + 8 < 64 ? i + 8 : -1])
			if (j >= 0 && rnd() > 0.33)
				lines.push({
					kind: STREET_KINDS[Math.floor(rnd() * 4)]!,
					coords: [node[i]!, node[j]!],
					widthM: 1 + rnd() * 2
				});
	const points = Array.from({ length: 25 }, () => at(rnd() * 450 - 15, rnd() * 450 - 15));
	return { lines, points };
}

describe('street graphs on random networks', () => {
	it.each([1, 2, 3, 4, 5, 6])(
		'seed %i: paths and the matrix agree, on foot and by motorbike',
		(seed) => {
			const { lines, points } = randomNetwork(seed);
			const graph = buildStreetGraph(lines);
			for (const mode of ['foot', 'motorbike'] as const) {
				const m = streetDistanceMatrix(graph, points, mode);
				for (let i = 0; i < points.length; i++)
					for (let j = 0; j < points.length; j++) {
						if (i === j) continue;
						const path = streetPath(graph, points[i]!, points[j]!, mode);
						if (!path) {
							expect(m[i]![j], `${mode} ${i} → ${j}`).toBeNull();
							continue;
						}
						expect(m[i]![j], `${mode} ${i} → ${j}`).toBeCloseTo(path.distanceM, 6);
						expect(Math.abs(pathLengthM(path.coords) - path.distanceM)).toBeLessThan(0.5);
					}
			}
		}
	);

	it.each([7, 8, 9])('seed %i: a decoded graph gives the same matrix', (seed) => {
		const { lines, points } = randomNetwork(seed);
		const graph = buildStreetGraph(lines);
		const back = decodeStreetGraph(encodeStreetGraph(graph));
		expect(streetDistanceMatrix(back, points, 'bicycle')).toEqual(
			streetDistanceMatrix(graph, points, 'bicycle')
		);
	});
});
