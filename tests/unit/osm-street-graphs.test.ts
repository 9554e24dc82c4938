import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Feature, Polygon } from 'geojson';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeStreetGraph } from '../../src/lib/domain/streets/codec.ts';
import { streetPath } from '../../src/lib/domain/streets/paths.ts';
import type { LonLat } from '../../src/lib/domain/streets/types.ts';
import {
	communeAreas,
	communeGraphs,
	cutWays,
	UnknownCommuneError
} from '../../scripts/lib/basemap/commune-cut.ts';
import type { OsmWay } from '../../scripts/lib/basemap/osm-read.ts';
import { osmWayKind, parseWidthM, type OsmTags } from '../../scripts/lib/basemap/osm-ways.ts';

describe('osmWayKind', () => {
	const cases: [string, OsmTags, ReturnType<typeof osmWayKind>][] = [
		['a quốc lộ tagged trunk is a road', { highway: 'trunk' }, { kind: 'road' }],
		['a primary road is a road', { highway: 'primary' }, { kind: 'road' }],
		['a tertiary link is a road', { highway: 'tertiary_link' }, { kind: 'road' }],
		['a motorway is left out (no motorbikes, no people on foot)', { highway: 'motorway' }, null],
		['a residential way is a street', { highway: 'residential' }, { kind: 'street' }],
		['an unclassified way is a street', { highway: 'unclassified' }, { kind: 'street' }],
		['a plain service way is a street', { highway: 'service' }, { kind: 'street' }],
		[
			'a narrow residential way is an alley with its width',
			{ highway: 'residential', width: '2.5' },
			{ kind: 'alley', widthM: 2.5 }
		],
		[
			'a wide residential way stays a street with its width',
			{ highway: 'residential', width: '6 m' },
			{ kind: 'street', widthM: 6 }
		],
		['service=alley is an alley', { highway: 'service', service: 'alley' }, { kind: 'alley' }],
		[
			'a decimal comma width is read',
			{ highway: 'service', service: 'alley', width: '1,5' },
			{ kind: 'alley', widthM: 1.5 }
		],
		['a footway is a path', { highway: 'footway' }, { kind: 'path' }],
		['steps are a path', { highway: 'steps' }, { kind: 'path' }],
		['a track is a path', { highway: 'track' }, { kind: 'path' }],
		['a pedestrian street is a path', { highway: 'pedestrian' }, { kind: 'path' }],
		[
			'a path motorbikes may ride is an alley',
			{ highway: 'path', motorcycle: 'yes' },
			{ kind: 'alley' }
		],
		['a way under construction is left out', { highway: 'construction' }, null],
		['access=no is left out', { highway: 'residential', access: 'no' }, null],
		[
			'access=no with foot=yes is kept',
			{ highway: 'residential', access: 'no', foot: 'yes' },
			{ kind: 'street' }
		],
		['a private lane is kept', { highway: 'service', access: 'private' }, { kind: 'street' }],
		['a building is no street', { building: 'yes' }, null]
	];
	it.each(cases)('%s', (_, tags, expected) => {
		expect(osmWayKind(tags)).toEqual(expected);
	});

	it('reads metres and ignores other units', () => {
		expect([
			parseWidthM('3m'),
			parseWidthM('8 ft'),
			parseWidthM('narrow'),
			parseWidthM('0')
		]).toEqual([3, undefined, undefined, undefined]);
	});
});

// Two communes side by side, each 0.01° square: A (00001) west of lon 105.01, B (00002) east.
const square = (code: string, w: number): Feature<Polygon, { code: string }> => ({
	type: 'Feature',
	properties: { code },
	geometry: {
		type: 'Polygon',
		coordinates: [
			[
				[w, 21],
				[w + 0.01, 21],
				[w + 0.01, 21.01],
				[w, 21.01],
				[w, 21]
			]
		]
	}
});
const COMMUNES = {
	type: 'FeatureCollection' as const,
	features: [square('00001', 105), square('00002', 105.01)]
};

const way = (id: number, tags: OsmTags, coords: LonLat[]): OsmWay => ({ id, tags, coords });
const WAYS: OsmWay[] = [
	way(1, { highway: 'residential' }, [
		[105.002, 21.005],
		[105.005, 21.005],
		[105.008, 21.005]
	]),
	// Crosses the border: whole in both communes.
	way(2, { highway: 'tertiary' }, [
		[105.008, 21.005],
		[105.012, 21.005],
		[105.018, 21.005]
	]),
	way(3, { highway: 'footway' }, [
		[105.015, 21.002],
		[105.015, 21.008]
	]),
	way(4, { highway: 'motorway' }, [
		[105.001, 21.001],
		[105.009, 21.009]
	]),
	way(5, { highway: 'residential' }, [
		[106, 22],
		[106.001, 22]
	]),
	way(6, { building: 'yes' }, [
		[105.003, 21.003],
		[105.004, 21.004]
	])
];

describe('cutting ways per commune', () => {
	it('puts a way in every commune it has a vertex in, whole, and drops unusable ways', async () => {
		const cut = await cutWays(WAYS, communeAreas(COMMUNES));
		expect([cut.ways, cut.usable, cut.inCommunes]).toEqual([6, 4, 3]);
		expect(cut.codes).toEqual(['00001', '00002']);
		const a = cut.linesOf('00001');
		const b = cut.linesOf('00002');
		expect(a.map((l) => l.kind)).toEqual(['street', 'road']);
		expect(b.map((l) => l.kind)).toEqual(['road', 'path']);
		expect(a[1]!.coords).toEqual(WAYS[1]!.coords);
		expect(b[0]!.coords).toEqual(WAYS[1]!.coords);
	});

	it('cuts only the communes asked for', async () => {
		const cut = await cutWays(WAYS, communeAreas(COMMUNES, ['00002']));
		expect(cut.codes).toEqual(['00002']);
	});

	it('names every unknown or malformed commune code', () => {
		expect(() => communeAreas(COMMUNES, ['00001', '99999', '99998'])).toThrow(
			new UnknownCommuneError('Unknown commune code: 99999, 99998 (not in the polygons)')
		);
		expect(() => communeAreas(COMMUNES, ['1234'])).toThrow(/Not a 5-digit commune code: 1234/);
	});

	it('builds a graph per commune that routes across the border way', async () => {
		const cut = await cutWays(WAYS, communeAreas(COMMUNES));
		const graphs = [...communeGraphs(cut)];
		expect(graphs.map((g) => [g.code, g.nodes, g.edges])).toEqual([
			['00001', 5, 4],
			['00002', 5, 3]
		]);
		const a = decodeStreetGraph(graphs[0]!.bytes);
		const path = streetPath(a, [105.002, 21.0051], [105.018, 21.0051], 'motorbike');
		expect(path?.distanceM).toBeGreaterThan(1600);
		expect(path?.distanceM).toBeLessThan(1700);
	});
});

/** An OSM XML file of WAYS (nodes numbered by first use), for osmium to convert to PBF. */
function osmXml(ways: OsmWay[]): string {
	const ids = new Map<string, number>();
	const nodes: string[] = [];
	const body = ways.map((w) => {
		const refs = w.coords.map(([lon, lat]) => {
			const key = `${lon},${lat}`;
			if (!ids.has(key)) {
				ids.set(key, ids.size + 1);
				nodes.push(`<node id="${ids.size}" version="1" lat="${lat}" lon="${lon}"/>`);
			}
			return `<nd ref="${ids.get(key)}"/>`;
		});
		const tags = Object.entries(w.tags).map(([k, v]) => `<tag k="${k}" v="${v}"/>`);
		return `<way id="${w.id}" version="1">${refs.join('')}${tags.join('')}</way>`;
	});
	return `<?xml version="1.0" encoding="UTF-8"?>\n<osm version="0.6" generator="test">\n${[...nodes, ...body].join('\n')}\n</osm>\n`;
}

describe('scripts/build-street-graphs.ts on a PBF (osmium-tool)', () => {
	const dir = mkdtempSync(join(tmpdir(), 'tung-ngo-osm-test-'));
	const dataDir = join(dir, 'data');
	mkdirSync(dataDir);
	writeFileSync(join(dataDir, 'vn2025_communes_detailed.geojson'), JSON.stringify(COMMUNES));
	writeFileSync(join(dir, 'x.osm'), osmXml(WAYS));
	writeFileSync(join(dir, 'broken.osm.pbf'), 'not a pbf');
	const converted = spawnSync('osmium', ['cat', join(dir, 'x.osm'), '-o', join(dir, 'x.osm.pbf')], {
		encoding: 'utf8'
	});
	afterAll(() => rmSync(dir, { recursive: true, force: true }));
	const run = (...args: string[]) =>
		spawnSync(process.execPath, ['scripts/build-street-graphs.ts', ...args], {
			encoding: 'utf8',
			env: {
				...process.env,
				TUNG_NGO_DATA_DIR: dataDir,
				TUNG_NGO_BASEMAP_DIR: join(dir, 'basemap'),
				TUNG_NGO_PERSIST_DIR: join(dir, 'state')
			}
		});

	it('writes one graph per commune from the PBF, as from the same ways in memory', async () => {
		expect(converted.status, converted.stderr).toBe(0);
		const out = join(dir, 'out');
		const r = run('--pbf', join(dir, 'x.osm.pbf'), '--out', out);
		expect(r.status, r.stderr).toBe(0);
		expect(r.stdout).toMatch(/5 highway ways, 4 usable, 3 in 2 of 2 communes/);
		expect(readdirSync(out).sort()).toEqual(['00001.bin', '00002.bin']);
		const expected = [...communeGraphs(await cutWays(WAYS, communeAreas(COMMUNES)))];
		for (const g of expected)
			expect(new Uint8Array(readFileSync(join(out, `${g.code}.bin`)))).toEqual(g.bytes);
	}, 60_000);

	it('builds only the communes asked for', () => {
		const out = join(dir, 'only-b');
		const r = run('--pbf', join(dir, 'x.osm.pbf'), '--communes', '00002', '--out', out);
		expect(r.status, r.stderr).toBe(0);
		expect(readdirSync(out)).toEqual(['00002.bin']);
	}, 60_000);

	it('puts the graphs into the local R2 bucket with --upload', async () => {
		const r = run('--pbf', join(dir, 'x.osm.pbf'), '--out', join(dir, 'up'), '--upload');
		expect(r.status, r.stderr).toBe(0);
		const { getPlatformProxy } = await import('wrangler');
		const proxy = await getPlatformProxy<{ BASEMAP: R2Bucket }>({
			configPath: 'wrangler.toml',
			persist: { path: join(dir, 'state', 'v3') }
		});
		try {
			const stored = await proxy.env.BASEMAP.get('graphs/00002.bin');
			const bytes = new Uint8Array(await stored!.arrayBuffer());
			expect(bytes).toEqual(new Uint8Array(readFileSync(join(dir, 'up', '00002.bin'))));
		} finally {
			await proxy.dispose();
		}
	}, 120_000);

	it.each([
		[
			'a missing file',
			['--pbf', join(dir, 'none.osm.pbf')],
			/OSM file not found: .*none\.osm\.pbf/
		],
		[
			'an unreadable PBF',
			['--pbf', join(dir, 'broken.osm.pbf')],
			/Cannot read .*broken\.osm\.pbf as an OSM file/
		],
		[
			'an unknown commune code',
			['--pbf', join(dir, 'x.osm.pbf'), '--communes', '00001,12345'],
			/Unknown commune code: 12345/
		],
		['no --pbf', [], /Usage: node scripts\/build-street-graphs\.ts --pbf/]
	])(
		'fails clearly on %s',
		(_, args, message) => {
			const r = run(...args);
			expect(r.status).toBe(1);
			expect(r.stderr).toMatch(message);
		},
		60_000
	);
});
