import { describe, expect, it } from 'vitest';
import { M_PER_DEG } from '../../src/lib/domain/routing/geometry.ts';
import type { LonLat } from '../../src/lib/domain/routing/types.ts';
import { buildStreetGraph } from '../../src/lib/domain/streets/build.ts';
import { pathAlong, walkPath } from '../../src/lib/domain/streets/walk-path.ts';
import type { StreetLine } from '../../src/lib/domain/streets/types.ts';

const LON0 = 105.8;
const LAT0 = 21.0;
const M_LON = M_PER_DEG * Math.cos((LAT0 * Math.PI) / 180);
const at = (x: number, y: number): LonLat => [LON0 + x / M_LON, LAT0 + y / M_PER_DEG];
const metres = ([lon, lat]: LonLat) => [
	Math.round((lon - LON0) * M_LON),
	Math.round((lat - LAT0) * M_PER_DEG)
];

/** A U of streets: (0,50) down to (0,0), east to (200,0), up to (200,50). */
const U: StreetLine = {
	kind: 'street',
	coords: [at(0, 50), at(0, 0), at(200, 0), at(200, 50)]
};
const graph = buildStreetGraph([U]);

describe('walkPath', () => {
	it('follows the streets round the corners between two houses', () => {
		const line = walkPath(graph, [at(5, 50), at(195, 50)], 'foot');
		expect(line.map(metres)).toEqual([
			[5, 50],
			[0, 50],
			[0, 0],
			[200, 0],
			[200, 50],
			[195, 50]
		]);
	});

	it('goes straight on a leg to a house off the network, along the streets on the others', () => {
		const line = walkPath(graph, [at(5, 50), at(100, 5), at(100, 300)], 'foot');
		expect(line.map(metres)).toEqual([
			[5, 50],
			[0, 50],
			[0, 0],
			[100, 0],
			[100, 5],
			[100, 300]
		]);
	});

	it('draws straight lines without a graph, and keeps a single point', () => {
		const pts = [at(5, 50), at(195, 50)];
		expect(walkPath(null, pts, 'foot')).toEqual(pts);
		expect(walkPath(graph, [pts[0]!], 'foot')).toEqual([pts[0]]);
		expect(pathAlong(null, 'foot')).toBeUndefined();
		expect(pathAlong(graph, 'foot')!(pts)).toHaveLength(6);
	});
});

describe('walkPath by motorbike', () => {
	/** A U 1 km wide closed at the top by a footpath. */
	const wide = buildStreetGraph([
		{ kind: 'street', coords: [at(0, 50), at(0, 0), at(1000, 0), at(1000, 50)] },
		{ kind: 'path', coords: [at(0, 50), at(1000, 50)] }
	]);

	it('walks a short leg over the footpath, as the planner prices it', () => {
		expect(walkPath(wide, [at(5, 40), at(95, 40)], 'motorbike').map(metres)).toEqual([
			[5, 40],
			[0, 40],
			[0, 50],
			[95, 50],
			[95, 40]
		]);
	});

	it('rides a long leg round the U, where a motorbike may go', () => {
		expect(walkPath(wide, [at(5, 40), at(995, 40)], 'motorbike').map(metres)).toEqual([
			[5, 40],
			[0, 40],
			[0, 0],
			[1000, 0],
			[1000, 40],
			[995, 40]
		]);
	});
});
