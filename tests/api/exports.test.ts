/**
 * GET /api/exports/metrics.{csv,xlsx,geojson} (issue 16 §7) over the real local D1: the map's
 * figures with their suppression, a status per row, the XLSX read back by a spreadsheet reader
 * and its numbers checked against the map's JSON payload. The static assets (the outlines of
 * the GeoJSON) are the only stand-in: a small fetcher serving two outline files.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import readXlsxFile from 'read-excel-file/node';
import { strFromU8, unzipSync } from 'fflate';
import { openTestDb, type TestDb } from './support/db.ts';
import {
	T0,
	household,
	insertArea,
	insertServices,
	member,
	team,
	visit,
	insertHouseholdsIn,
	insertVisitsIn
} from './support/records-factory.ts';
import { insertMembers, insertTeams } from '../../src/lib/server/db/writes/teams.ts';
import { computeMetrics } from '../../src/lib/server/metrics/job.ts';
import { createApiApp } from '../../src/lib/server/api/app.ts';
import type { MetricPayload } from '../../src/lib/domain/metric-payload.ts';
import { formatPercent } from '../../src/lib/i18n/index.ts';
import type { OutlineFile } from '../../src/lib/server/export/outlines-contract.ts';

const A = { provinceCode: '19', communeCode: '05923' }; // many households: figures shown
const B = { provinceCode: '19', communeCode: '05926' }; // 3 households: small counts
const C = { provinceCode: '19', communeCode: '05929' }; // mid-sized: hidden to protect B
const E = { provinceCode: '19', communeCode: '05932' }; // nothing recorded
const D = { provinceCode: '20', communeCode: '06040' }; // another province, one team

const square = (x: number): OutlineFile['features'][number]['geometry'] => ({
	type: 'Polygon',
	coordinates: [
		[
			[x, 21],
			[x + 0.1, 21],
			[x + 0.1, 21.1],
			[x, 21]
		]
	]
});
const outline = (codes: string[]): OutlineFile => ({
	type: 'FeatureCollection',
	features: codes.map((code, i) => ({
		type: 'Feature',
		properties: { code },
		geometry: square(105 + i)
	}))
});
const OUTLINES: Record<string, OutlineFile> = {
	'/geo/outlines/provinces.json': outline(['19', '20']),
	'/geo/outlines/19.json': outline(['05923', '05926', '05929', '05932']),
	'/geo/outlines/20.json': outline(['06040'])
};
const assets = {
	fetch: async (req: Request | URL | string) => {
		const file = OUTLINES[new URL(req instanceof Request ? req.url : req).pathname];
		return file ? Response.json(file) : new Response('not found', { status: 404 });
	}
};

let t: TestDb;
const app = createApiApp();
const get = (path: string, headers: Record<string, string> = {}) =>
	app.request(path, { headers }, { ...t.env, ASSETS: assets });

beforeAll(async () => {
	t = await openTestDb();
	await insertArea(t.db, [
		{ code: A.communeCode, provinceCode: '19', population: 12_000, name: 'Định Hoá' },
		{ code: B.communeCode, provinceCode: '19', population: 9_000 },
		{ code: C.communeCode, provinceCode: '19', population: 7_000 },
		{ code: E.communeCode, provinceCode: '19', population: null },
		{ code: D.communeCode, provinceCode: '20', population: 5_000 }
	]);
	await insertServices(t.db);
	const teams = [team(A), team(A), team(B), team(D)];
	await insertTeams(t.db, teams);
	await insertMembers(t.db, [
		...Array.from({ length: 14 }, () => member(A, teams[0]!.id)),
		member(B, teams[2]!.id),
		member(D, teams[3]!.id)
	]);
	const big = Array.from({ length: 40 }, () => household(A, { adults: 2 }));
	const small = Array.from({ length: 3 }, () => household(B, { adults: 2 }));
	const mid = Array.from({ length: 30 }, () => household(C, { adults: 2 }));
	await insertHouseholdsIn(t, [...big, ...small, ...mid]);
	const visited = [
		...big.slice(0, 25).map((hh) => [A, hh] as const),
		...small.map((hh) => [B, hh] as const),
		...mid.slice(0, 12).map((hh) => [C, hh] as const)
	];
	await insertVisitsIn(
		t,
		visited.map(([area, hh], i) =>
			visit(area, hh.id, 10, {
				adults: 2,
				peopleHelped: 1,
				services: [{ serviceCode: 'vneid', adultsUsing: i % 2, helped: 1 }]
			})
		),
		{ now: T0 }
	);
	await computeMetrics(t.db, { now: new Date(T0), shards: t.shards });
});
afterAll(() => t.close());

type CsvRow = Record<string, string>;
async function csvOf(res: Response): Promise<{ bom: boolean; rows: CsvRow[]; fields: string[] }> {
	const bytes = new Uint8Array(await res.arrayBuffer());
	const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
	const text = new TextDecoder().decode(bytes);
	const parsed = Papa.parse<CsvRow>(text.replace(/^\uFEFF/, ''), {
		header: true,
		skipEmptyLines: true
	});
	return { bom, rows: parsed.data, fields: parsed.meta.fields ?? [] };
}

describe('GET /api/exports/metrics.csv', () => {
	it('exports a province and its communes with a status per row and nothing hidden', async () => {
		const res = await get('/api/exports/metrics.csv?metric=households_reached&area=19');
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		expect(res.headers.get('content-disposition')).toMatch(
			/^attachment; filename="tung-ngo-households_reached-19-\d{4}-\d{2}-\d{2}\.csv"$/
		);
		const { bom, rows, fields } = await csvOf(res);
		expect(bom).toBe(true); // UTF-8 with BOM: Excel on Windows reads the diacritics
		expect(fields.slice(0, 3)).toEqual(['Cấp', 'Mã', 'Tên']);
		expect(fields).toContain('Trạng thái');
		const byCode = new Map(rows.map((r) => [r['Mã'], r]));
		expect([...byCode.keys()]).toEqual(['19', '05923', '05926', '05929', '05932']);
		expect(byCode.get('05923')).toMatchObject({
			Tên: 'Định Hoá',
			'Giá trị': '0.625',
			'Giá trị hiển thị': formatPercent(0.625), // vi-VN: "62,5 %" (the runtime's ICU spacing)
			'Tử số': '25',
			'Mẫu số': '40',
			'Trạng thái': 'ok'
		});
		// B (3 households) is hidden, and C with it: no figure in any column of their rows.
		for (const code of ['05926', '05929']) {
			expect(byCode.get(code)).toMatchObject({
				'Giá trị': '',
				'Giá trị hiển thị': '',
				'Tử số': '',
				'Mẫu số': '',
				'Trạng thái': 'suppressed'
			});
		}
		expect(byCode.get('05932')).toMatchObject({ 'Giá trị': '', 'Trạng thái': 'no_data' });
		expect(byCode.get('19')).toMatchObject({
			Cấp: 'province',
			'Cơ sở': 'từ 3/4 xã có số liệu'
		});
	});

	it('writes English headers with lang=en and vi-VN numbers still', async () => {
		const res = await get('/api/exports/metrics.csv?metric=teams&area=VN&lang=en');
		const { rows, fields } = await csvOf(res);
		expect(fields.slice(0, 3)).toEqual(['Level', 'Code', 'Name']);
		expect(rows.map((r) => [r['Code'], r['Value'], r['Status']])).toEqual([
			['VN', '4', 'ok'],
			['19', '3', 'ok'],
			['20', '1', 'ok']
		]);
		expect(rows[0]!['Metric name']).toBe('Active teams');
	});

	it('marks a figure on the population estimate as "estimate"', async () => {
		const res = await get('/api/exports/metrics.csv?metric=members_per_1000&area=VN');
		const { rows } = await csvOf(res);
		expect(rows.map((r) => r['Trạng thái'])).not.toContain('ok');
		expect(rows[0]).toMatchObject({ Mã: 'VN', 'Trạng thái': 'estimate', 'Tử số': '16' });
	});

	it('answers 304 on its ETag, and a new request names the public cache', async () => {
		const path = '/api/exports/metrics.csv?metric=teams&area=19';
		const first = await get(path);
		expect(first.headers.get('cache-control')).toMatch(/^public, max-age=\d+/);
		const etag = first.headers.get('etag')!;
		expect(etag).toMatch(/^W\/".+"$/);
		const again = await get(path, { 'If-None-Match': etag });
		expect(again.status).toBe(304);
		const other = await get('/api/exports/metrics.csv?metric=teams&area=20', {
			'If-None-Match': etag
		});
		expect(other.status).toBe(200);
	});
});

describe('GET /api/exports/metrics.xlsx', () => {
	it("holds every commune's figure as a number equal to the map's payload", async () => {
		const res = await get('/api/exports/metrics.xlsx?metric=households_reached&level=commune');
		expect(res.status).toBe(200);
		expect(res.headers.get('content-disposition')).toMatch(
			/filename="tung-ngo-households_reached-VN-xa-\d{4}-\d{2}-\d{2}\.xlsx"/
		);
		const bytes = Buffer.from(await res.arrayBuffer());
		const sheets = await readXlsxFile(bytes);
		expect(sheets.map((s) => s.sheet)).toEqual(['Số liệu', 'Ghi chú']);
		const [header, ...rows] = sheets[0]!.data;
		const col = (name: string) => header!.indexOf(name);
		const payload = (await (
			await get('/api/metrics/communes?metric=households_reached')
		).json()) as MetricPayload;
		const shown = rows.filter((r) => r[col('Trạng thái')] === 'ok');
		expect(Object.fromEntries(shown.map((r) => [r[col('Mã')], r[col('Giá trị')]]))).toEqual(
			payload.values
		);
		const hidden = rows.filter((r) => r[col('Trạng thái')] === 'suppressed');
		expect(hidden.map((r) => r[col('Mã')]).sort()).toEqual([...payload.suppressed].sort());
		for (const r of hidden) {
			expect([r[col('Giá trị')], r[col('Tử số')], r[col('Mẫu số')]]).toEqual([null, null, null]);
		}
		// The codes stay text (leading zeros) and the numerator is a number.
		expect(typeof shown[0]![col('Mã')]).toBe('string');
		expect(typeof shown[0]![col('Tử số')]).toBe('number');
		const notes = sheets[1]!.data.map((r) => String(r[0]));
		expect(notes).toEqual(expect.arrayContaining(['Thời kỳ', 'Quy tắc ẩn số nhỏ', 'Trạng thái']));
	});

	it('has a bold, frozen header and percentages formatted as %', async () => {
		const res = await get('/api/exports/metrics.xlsx?metric=households_reached&area=19');
		const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
		const sheet = strFromU8(files['xl/worksheets/sheet1.xml']!);
		const styles = strFromU8(files['xl/styles.xml']!);
		expect(sheet).toMatch(/<pane [^>]*ySplit="1"[^>]*state="frozen"/);
		expect(styles).toMatch(/formatCode="0\.0%"/);
		expect(styles).toMatch(/<font><b\/><\/font>/);
	});
});

describe('GET /api/exports/metrics.geojson', () => {
	it("holds the communes' outlines with the export row as properties", async () => {
		const res = await get('/api/exports/metrics.geojson?metric=households_reached&area=19');
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('application/geo+json');
		const fc = (await res.json()) as {
			type: string;
			features: { id: string; geometry: unknown; properties: Record<string, unknown> }[];
		};
		expect(fc.type).toBe('FeatureCollection');
		expect(fc.features.map((f) => f.id)).toEqual(['19', '05923', '05926', '05929', '05932']);
		const b = fc.features.find((f) => f.id === '05926')!;
		expect(b.geometry).toEqual(OUTLINES['/geo/outlines/19.json']!.features[1]!.geometry);
		expect(b.properties).toMatchObject({
			code: '05926',
			status: 'suppressed',
			value: null,
			numerator: null,
			denominator: null
		});
		expect(fc.features[1]!.properties).toMatchObject({ status: 'ok', value: 0.625 });
	});

	it('draws every commune of the country with level=commune', async () => {
		const res = await get('/api/exports/metrics.geojson?metric=teams&level=commune');
		const fc = (await res.json()) as { features: { id: string; geometry: unknown }[] };
		expect(fc.features.map((f) => f.id)).toEqual(['05923', '05926', '05929', '05932', '06040']);
		expect(fc.features.every((f) => f.geometry !== null)).toBe(true);
	});
});

describe('bad requests', () => {
	it.each([
		['an unknown metric', '?metric=nope&area=19', 'metric: Unknown metric'],
		['a malformed area', '?metric=teams&area=1', 'area:'],
		['a malformed month', '?metric=teams&area=19&month=2026-13', 'month: A month is written'],
		['level with a province', '?metric=teams&area=19&level=commune', 'level: level applies']
	])('refuses %s with 400 and says why', async (_, query, message) => {
		const res = await get(`/api/exports/metrics.csv${query}`);
		expect(res.status).toBe(400);
		const body = (await res.json()) as { code: string; message: string };
		expect(body.code).toBe('invalid_query');
		expect(body.message).toContain(message);
	});

	it('answers 404 for an area or a month without figures', async () => {
		const area = await get('/api/exports/metrics.csv?metric=teams&area=99');
		expect(area.status).toBe(404);
		expect(((await area.json()) as { message: string }).message).toBe('No area with code 99');
		const month = await get('/api/exports/metrics.xlsx?metric=teams&area=19&month=2020-01');
		expect(month.status).toBe(404);
		expect(((await month.json()) as { message: string }).message).toBe(
			'No figures for month 2020-01'
		);
	});
});
