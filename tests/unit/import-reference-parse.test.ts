/** Pure parts of the reference import: CSV parsing, field rules, GeoJSON joins, diffing. */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseCsv, indexUnique } from '../../src/lib/server/import/reference/csv.ts';
import { diffRows } from '../../src/lib/server/import/reference/diff.ts';
import { ImportError } from '../../src/lib/server/import/reference/errors.ts';
import {
	communeCode,
	name,
	optionalDecimal,
	flag
} from '../../src/lib/server/import/reference/fields.ts';
import {
	joinFeatures,
	parseLabelPoints,
	parseShapeBoxes
} from '../../src/lib/server/import/reference/parse-geo.ts';
import { jsonChunks } from '../../src/lib/server/import/reference/write.ts';

const schema = z.object({ code: communeCode, name, area: optionalDecimal, usable: flag });
const csv = (...lines: string[]) => lines.join('\n');
const header = 'code,name,area,usable';

function errorOf(fn: () => unknown): ImportError {
	try {
		fn();
	} catch (err) {
		if (err instanceof ImportError) return err;
		throw err;
	}
	throw new Error('no error');
}

describe('parseCsv', () => {
	it('keeps codes as strings with their leading zeros', () => {
		const rows = parseCsv('f.csv', csv(header, '00004,Ba Đình,2.97,1'), schema);
		expect(rows).toEqual([
			{ line: 2, value: { code: '00004', name: 'Ba Đình', area: 2.97, usable: true } }
		]);
	});

	it('NFC-normalises text and collapses white space', () => {
		const decomposed = 'Ba Đi\u0300nh'.normalize('NFD');
		const [row] = parseCsv('f.csv', csv(header, `00004,"  ${decomposed}  ",,0`), schema);
		expect(row?.value.name).toBe('Ba Đình');
		expect(row?.value.name).toBe(row?.value.name.normalize('NFC'));
		expect(row?.value.area).toBeNull();
	});

	it('reads quoted commas, a byte-order mark, CRLF line ends and blank lines', () => {
		const text =
			'\uFEFF' + [header, '00004,"Ba Đình, Hà Nội",1,1', '', '00008,Ngọc Hà,2,0', ''].join('\r\n');
		const rows = parseCsv('f.csv', text, schema);
		expect(rows.map((r) => [r.line, r.value.name])).toEqual([
			[2, 'Ba Đình, Hà Nội'],
			[4, 'Ngọc Hà']
		]);
	});

	it.each([
		['a short code', '4,X,1,1', 'f.csv line 2, field "code": "4" is not a 5-digit commune code'],
		[
			'a non-numeric area',
			'00004,X,abc,1',
			'f.csv line 2, field "area": "abc" is not a non-negative decimal number'
		],
		['an empty name', '00004, ,1,1', 'f.csv line 2, field "name": " " is empty'],
		[
			'a flag other than 0 or 1',
			'00004,X,1,yes',
			'f.csv line 2, field "usable": "yes" is not 0 or 1'
		],
		['a row with too few fields', '00004,X,1', 'f.csv line 2: has 3 fields, the header has 4']
	])('rejects %s, naming file, line and field', (_what, row, message) => {
		expect(errorOf(() => parseCsv('f.csv', csv(header, row), schema)).message).toBe(message);
	});

	it('rejects a header without a required column', () => {
		const err = errorOf(() => parseCsv('f.csv', csv('code,name,usable', '00004,X,1'), schema));
		expect(err).toMatchObject({
			message: 'f.csv line 1: missing column "area" in the header',
			line: 1
		});
	});

	it('rejects a field with an unclosed quote', () => {
		const err = errorOf(() =>
			parseCsv('f.csv', csv(header, '00004,A,1,1', '00008,"B,1,1'), schema)
		);
		expect(err.message).toMatch(/^f\.csv line 3: /);
	});

	it('rejects an empty file', () => {
		expect(errorOf(() => parseCsv('f.csv', '', schema)).message).toBe(
			'f.csv: the file is empty (no header line)'
		);
	});

	it('rejects a repeated key with both line numbers', () => {
		const rows = parseCsv(
			'f.csv',
			csv(header, '00004,A,1,1', '00008,B,1,1', '00004,C,1,1'),
			schema
		);
		const err = errorOf(() => indexUnique('f.csv', rows, 'code', (r) => r.code));
		expect(err.message).toBe('f.csv line 4, field "code": "00004" repeats line 2');
	});
});

describe('GeoJSON features', () => {
	const fc = (...features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });
	const square = (code: string, x: number) => ({
		type: 'Feature',
		properties: { code },
		geometry: {
			type: 'Polygon',
			coordinates: [
				[
					[x, 1],
					[x + 1, 1],
					[x + 1, 2],
					[x, 2],
					[x, 1]
				]
			]
		}
	});

	it('computes a bbox per feature', () => {
		const boxes = parseShapeBoxes('s.geojson', fc(square('00004', 105)), 5);
		expect(boxes).toEqual([{ index: 0, code: '00004', bbox: [105, 1, 106, 2] }]);
	});

	it.each([
		[
			'a feature without a code',
			fc({ type: 'Feature', properties: {}, geometry: null }),
			's.geojson features[0], field "properties.code": no code is not a 5-digit code'
		],
		[
			'a numeric code',
			fc({ ...square('x', 1), properties: { code: 4 } }),
			's.geojson features[0], field "properties.code": 4 is not a 5-digit code'
		],
		[
			'a point where a polygon is expected',
			fc({ ...square('00004', 1), geometry: { type: 'Point', coordinates: [1, 2] } }),
			's.geojson features[0], field "geometry": code "00004" has an invalid geometry'
		],
		[
			'a collection that is not one',
			'{"type":"Feature"}',
			's.geojson: is not a GeoJSON FeatureCollection'
		]
	])('rejects %s', (_what, text, message) => {
		expect(errorOf(() => parseShapeBoxes('s.geojson', text, 5)).message.startsWith(message)).toBe(
			true
		);
	});

	it('joins features to known codes and names file, index and code of a stranger', () => {
		const points = parseLabelPoints(
			'l.geojson',
			fc(
				{
					type: 'Feature',
					properties: { code: '00004' },
					geometry: { type: 'Point', coordinates: [105.8, 21] }
				},
				{
					type: 'Feature',
					properties: { code: '99999' },
					geometry: { type: 'Point', coordinates: [105.8, 21] }
				}
			),
			5
		);
		const err = errorOf(() => joinFeatures('l.geojson', points, new Set(['00004']), 'c.csv'));
		expect(err).toMatchObject({
			message:
				'l.geojson features[1], field "properties.code": code "99999" matches no row of c.csv',
			featureIndex: 1
		});
	});

	it('rejects a known code without a feature', () => {
		const err = errorOf(() => joinFeatures('l.geojson', [], new Set(['00004']), 'c.csv'));
		expect(err.message).toBe('l.geojson: no feature for code "00004" of c.csv');
	});
});

describe('diffRows', () => {
	const existing = [
		{ code: 'a', name: 'A', area: 1 },
		{ code: 'b', name: 'B', area: null },
		{ code: 'c', name: 'C', area: 3 }
	];
	const incoming = [
		{ code: 'a', name: 'A', area: 1 },
		{ code: 'b', name: 'B2', area: null },
		{ code: 'd', name: 'D', area: 4 }
	];
	const key = (r: { code: string }) => r.code;

	it.each([
		['upsert', { inserts: ['d'], updates: ['b'], deletes: [], unchanged: 1, retained: 1 }],
		['mirror', { inserts: ['d'], updates: ['b'], deletes: ['c'], unchanged: 1, retained: 0 }],
		['insert-missing', { inserts: ['d'], updates: [], deletes: [], unchanged: 2, retained: 1 }]
	] as const)('applies the %s policy', (policy, expected) => {
		const d = diffRows(existing, incoming, key, policy);
		expect({
			inserts: d.inserts.map(key),
			updates: d.updates.map(key),
			deletes: d.deletes.map(key),
			unchanged: d.unchanged,
			retained: d.retained
		}).toEqual(expected);
	});

	it('treats null and undefined as equal', () => {
		const d = diffRows([{ code: 'a', x: null }], [{ code: 'a', x: undefined }], key, 'upsert');
		expect(d.unchanged).toBe(1);
	});
});

describe('jsonChunks', () => {
	it('splits rows into JSON arrays under the byte limit, counting UTF-8 bytes', () => {
		const rows = Array.from({ length: 10 }, (_, i) => ({
			code: String(i),
			name: 'Đặc khu Trường Sa'
		}));
		const chunks = jsonChunks(rows, 120);
		expect(chunks.every((c) => new TextEncoder().encode(c).length <= 120)).toBe(true);
		expect(chunks.flatMap((c) => JSON.parse(c))).toEqual(rows);
	});

	it('makes no chunk for no rows', () => {
		expect(jsonChunks([])).toEqual([]);
	});
});
