import { describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import type { TestDb } from './support/db.ts';
import { useSeededDb } from './support/seeded-db.ts';
import { call, makeUser, type TestUser } from './support/accounts-factory.ts';
import {
	auditLog,
	communeCrosswalk,
	communes,
	officialStats
} from '../../src/lib/server/db/schema/index.ts';
import { computeMetrics } from '../../src/lib/server/metrics/job.ts';
import type { MetricPayload } from '../../src/lib/domain/metric-payload.ts';
import type { OfficialMetricValue } from '../../src/lib/domain/official-metrics.ts';
import type { AreaDetail } from '../../src/lib/domain/metric-payload.ts';
import type { SeriesPayload } from '../../src/lib/domain/metric-month-payload.ts';
import { vnToday } from '../../src/lib/domain/vn-time.ts';

/**
 * Province 19: 05569 (population 3,000) and 05923 (1,000) from the seeded areas, plus 05572
 * (population unusable). Province 01: 00004. The crosswalk (old → new): 90001 wholly into
 * 05569; 90002 split 05569 / 05923; 90003 split 05923 / 05572 (unusable); 90004 wholly into
 * 05923; 90005 wholly into 00004 (another province).
 */
let t: TestDb;
let admin: TestUser, pa: TestUser, ca: TestUser, leader: TestUser;
useSeededDb(async (db) => {
	t = db;
	await t.db
		.update(communes)
		.set({ population: 3000, populationUsable: true })
		.where(eq(communes.code, '05569'));
	await t.db
		.update(communes)
		.set({ population: 1000, populationUsable: true })
		.where(eq(communes.code, '05923'));
	await t.db.insert(communes).values({
		code: '05572',
		provinceCode: '19',
		name: 'Bảo Linh',
		fullName: 'Xã Bảo Linh',
		nameEn: 'Bao Linh',
		fullNameEn: 'Bao Linh Commune',
		codeName: 'bao_linh',
		unitType: 'Xã',
		unitTypeEn: 'Commune',
		populationUsable: false,
		populationFlags: '',
		searchKey: 'bao linh'
	});
	const link = (oldCode: string, newCode: string, type: 'full' | 'partial') => ({
		oldCode,
		newCode,
		type,
		oldName: `Xã cũ ${oldCode}`,
		oldProvinceCode: newCode === '00004' ? '01' : '19',
		oldInList: true
	});
	await t.db
		.insert(communeCrosswalk)
		.values([
			link('90001', '05569', 'full'),
			link('90002', '05569', 'partial'),
			link('90002', '05923', 'partial'),
			link('90003', '05923', 'partial'),
			link('90003', '05572', 'partial'),
			link('90004', '05923', 'full'),
			link('90005', '00004', 'full')
		]);
	// The public figures' version exists once the metrics job has run, as in every deployment.
	await computeMetrics(t.db, { now: new Date(), shards: t.shards });
	admin = await makeUser(t.db, 'admin');
	pa = await makeUser(t.db, 'province_admin');
	ca = await makeUser(t.db, 'commune_admin');
	leader = await makeUser(t.db, 'team_leader');
});

const HEADER = 'Mã xã mới,Mã xã cũ (trước 2025),Tháng (YYYY-MM),Dịch vụ,Số liệu,Nguồn,Ghi chú';
const file = (...lines: string[]) => [HEADER, ...lines].join('\n');

interface ImportError {
	line: number;
	field: string;
	message: string;
}

/** The line-numbered errors of a refused file (422 `import_invalid`, or a preview's). */
async function errorsOf(res: Response): Promise<ImportError[]> {
	const body = (await res.json()) as {
		details?: { errors: ImportError[] };
		preview?: { errors: ImportError[] };
	};
	return body.details?.errors ?? body.preview?.errors ?? [];
}

function upload(body: string, user: TestUser | null, commit = true) {
	return call(t, `/api/official-stats/import?commit=${commit ? 1 : 0}`, {
		method: 'POST',
		body: new TextEncoder().encode(body),
		cookie: user?.cookie,
		headers: { 'content-type': 'text/csv' }
	});
}

const rowCount = async () =>
	(await t.db.select({ n: sql<number>`count(*)` }).from(officialStats))[0]!.n;

const stored = (commune: string, month: string, service = 'vneid') =>
	t.db
		.select()
		.from(officialStats)
		.where(
			sql`${officialStats.communeCode} = ${commune} and ${officialStats.month} = ${month} and ${officialStats.serviceCode} = ${service}`
		)
		.then((r) => r[0]);

describe('official statistics import', () => {
	it('serves the template with Vietnamese headers, UTF-8 with BOM', async () => {
		const res = await call(t, '/api/official-stats/template.csv', { cookie: pa.cookie });
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toMatch(/text\/csv/);
		const bytes = new Uint8Array(await res.arrayBuffer());
		expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		expect(new TextDecoder().decode(bytes.slice(3)).trim()).toBe(HEADER);
	});

	it('imports new codes as they are and old codes through the crosswalk, with an audit entry', async () => {
		const body = file(
			'05572,,2025-09,VNeID,"1.250",Công an tỉnh Thái Nguyên,báo cáo tháng 9',
			',90001,2025-10,vneid,500,Công an tỉnh,',
			',90002,2025-10,vneid,1000,Công an tỉnh,',
			',90004,2025-10,vneid,40,Công an tỉnh,',
			',90003,2025-10,vneid,0,Công an tỉnh,tách khỏi tệp khác'
		);
		// 90003 goes to 05572 whose population is unusable: that line is refused on its own first.
		const refused = await upload(body, pa);
		expect(refused.status).toBe(422);
		expect(await errorsOf(refused)).toEqual([
			{ line: 6, field: 'ma_xa_cu', message: expect.stringMatching(/không so sánh được/) }
		]);
		// Without it, 05923 misses 90003 (one of its old communes): refused as a short sum.
		const short = await upload(body.split('\n').slice(0, 5).join('\n'), pa);
		expect(short.status).toBe(422);
		expect(await errorsOf(short)).toEqual([
			{ line: 5, field: 'ma_xa_cu', message: expect.stringMatching(/90003/) }
		]);
		// Keyed by the new codes where the old ones cannot be carried over: accepted.
		const res = await upload(
			file(
				'05572,,2025-09,VNeID,"1.250",Công an tỉnh Thái Nguyên,báo cáo tháng 9',
				'05923,,2025-10,vneid,290,Công an tỉnh,'
			),
			pa
		);
		expect(res.status).toBe(201);
		expect(await stored('05572', '2025-09')).toMatchObject({ value: 1250, estimate: false });
		// 90002 is split between 05569 and 05923, and 05923 also receives 90003 and 90004.
		const split = await upload(
			file(',90001,2025-11,vneid,500,Công an tỉnh,', ',90002,2025-11,vneid,1000,Công an tỉnh,'),
			pa
		);
		expect(split.status).toBe(422);
		expect((await errorsOf(split))[0]).toMatchObject({
			line: 3,
			field: 'ma_xa_cu',
			message: expect.stringMatching(/05923 gồm cả xã cũ 90003, 90004/)
		});
	});

	it('previews a file without writing, naming the old communes a sum would miss', async () => {
		const before = await rowCount();
		const res = await upload(
			file(
				',90001,2025-08,vssid,500,BHXH tỉnh,',
				',90002,2025-08,vssid,1000,BHXH tỉnh,',
				',90004,2025-08,vssid,40,BHXH tỉnh,',
				'05572,,2025-08,vssid,7,BHXH tỉnh,',
				'05923,,2025-08,vneid,15,BHXH tỉnh,'
			),
			admin,
			false
		);
		// 05923 receives 90002, 90003 and 90004: 90003 is missing, so the preview refuses it.
		expect(res.status).toBe(200);
		const preview = ((await res.json()) as { preview: { errors: ImportError[] } }).preview;
		expect(preview.errors.map((e) => [e.line, e.field])).toEqual([[4, 'ma_xa_cu']]);
		expect(await rowCount()).toBe(before);
	});

	it('sums old communes into a new commune, apportioning a split one as an estimate', async () => {
		// For this test 05923 receives only (part of) 90002: 05569 = 90001 + 750 of 90002's 1,000
		// (populations 3,000 : 1,000), 05923 = the other 250.
		await t.db.delete(communeCrosswalk).where(eq(communeCrosswalk.oldCode, '90003'));
		await t.db.delete(communeCrosswalk).where(eq(communeCrosswalk.oldCode, '90004'));
		try {
			const res = await upload(
				file(',90001,2025-07,vneid,500,Công an tỉnh,', ',90002,2025-07,vneid,1000,Công an tỉnh,'),
				pa
			);
			expect(res.status).toBe(201);
			expect(await res.json()).toEqual({
				imported: { rows: 2, records: 2, inserted: 2, updated: 0, estimates: 2 }
			});
			expect(await stored('05569', '2025-07')).toMatchObject({
				value: 1250,
				estimate: true,
				oldCodes: '["90001","90002"]',
				provinceCode: '19',
				importedBy: pa.id
			});
			expect(await stored('05923', '2025-07')).toMatchObject({ value: 250, estimate: true });
		} finally {
			await t.db.insert(communeCrosswalk).values([
				{
					oldCode: '90003',
					newCode: '05923',
					type: 'partial',
					oldName: 'Xã cũ 90003',
					oldProvinceCode: '19',
					oldInList: true
				},
				{
					oldCode: '90003',
					newCode: '05572',
					type: 'partial',
					oldName: 'Xã cũ 90003',
					oldProvinceCode: '19',
					oldInList: true
				},
				{
					oldCode: '90004',
					newCode: '05923',
					type: 'full',
					oldName: 'Xã cũ 90004',
					oldProvinceCode: '19',
					oldInList: true
				}
			]);
		}
		const entries = await t.db
			.select()
			.from(auditLog)
			.where(eq(auditLog.action, 'official_stats.import'));
		expect(entries.length).toBeGreaterThanOrEqual(1);
		expect(entries.at(-1)).toMatchObject({ kind: 'write', actorUserId: pa.id, provinceCode: '19' });
	});

	it('refuses every bad line with its line and field, and writes nothing', async () => {
		const before = await rowCount();
		const future = `${Number(vnToday().slice(0, 4)) + 1}-01`;
		const res = await upload(
			file(
				'05569,,2025-09,vneid,12,Nguồn A,', // 2: fine on its own
				'99999,,2025-09,vneid,12,Nguồn A,', // 3: unknown code
				',88888,2025-09,vneid,12,Nguồn A,', // 4: old code not in the crosswalk
				'05569,,2025-13,vneid,12,Nguồn A,', // 5: bad month
				`05569,,${future},vneid,12,Nguồn A,`, // 6: future month
				'05569,,2025-09,zalo,12,Nguồn A,', // 7: unknown service
				'05569,,2025-08,vneid,-3,Nguồn A,', // 8: negative
				'05569,,2025-06,vneid,"12,5",Nguồn A,', // 9: not an integer
				'05569,,2025-05,vneid,12,,', // 10: no source
				'00004,,2025-09,vneid,12,Nguồn A,', // 11: outside the province
				'05569,,2025-9,VNeID,13,Nguồn A,' // 12: same key as line 2
			),
			pa
		);
		expect(res.status).toBe(422);
		const errors = await errorsOf(res);
		expect(errors.map((e) => [e.line, e.field])).toEqual([
			[3, 'ma_xa_moi'],
			[4, 'ma_xa_cu'],
			[5, 'thang'],
			[6, 'thang'],
			[7, 'dich_vu'],
			[8, 'so_lieu'],
			[9, 'so_lieu'],
			[10, 'nguon'],
			[11, 'ma_xa_moi'],
			[12, 'ma_xa_moi']
		]);
		expect(errors.every((e) => e.message.length > 5)).toBe(true);
		expect(await rowCount()).toBe(before);
		expect(await stored('05569', '2025-09')).toBeUndefined();
	});

	it('updates a key imported again instead of adding a row', async () => {
		const first = await upload(file('05569,,2025-06,vssid,120,BHXH,lần 1'), pa);
		expect(first.status).toBe(201);
		const before = await rowCount();
		const again = await upload(file('05569,,2025-06,VssID,135,BHXH (đính chính),lần 2'), pa);
		expect(again.status).toBe(201);
		expect(((await again.json()) as { imported: unknown }).imported).toMatchObject({
			inserted: 0,
			updated: 1
		});
		expect(await rowCount()).toBe(before);
		expect(await stored('05569', '2025-06', 'vssid')).toMatchObject({
			value: 135,
			source: 'BHXH (đính chính)',
			note: 'lần 2'
		});
	});

	it('lets an admin import anywhere, a province admin only in their province', async () => {
		const other = file('00004,,2025-09,vneid,40,Công an TP Hà Nội,');
		const byPa = await upload(other, pa);
		expect(byPa.status).toBe(422);
		expect(await errorsOf(byPa)).toEqual([
			{ line: 2, field: 'ma_xa_moi', message: expect.stringMatching(/ngoài tỉnh/) }
		]);
		const oldOther = await upload(file(',90005,2025-09,vneid,40,Công an TP Hà Nội,'), pa);
		expect((await errorsOf(oldOther))[0]).toMatchObject({
			line: 2,
			field: 'ma_xa_cu'
		});
		expect((await upload(other, admin)).status).toBe(201);
	});

	it.each([
		['a commune admin', () => ca, 403],
		['a team leader', () => leader, 403],
		['the public', () => null, 401]
	])('refuses %s', async (_, who, status) => {
		const before = await rowCount();
		expect((await upload(file('05569,,2025-04,vneid,40,Nguồn,'), who())).status).toBe(status);
		expect((await call(t, '/api/official-stats', { cookie: who()?.cookie })).status).toBe(status);
		expect(await rowCount()).toBe(before);
	});

	it("lists a province admin's province only, an admin's everywhere", async () => {
		const mine = await call(t, '/api/official-stats', { cookie: pa.cookie });
		const rows = ((await mine.json()) as { rows: { provinceCode: string }[] }).rows;
		expect(rows.length).toBeGreaterThan(0);
		expect(new Set(rows.map((r) => r.provinceCode))).toEqual(new Set(['19']));
		expect((await call(t, '/api/official-stats?province=01', { cookie: pa.cookie })).status).toBe(
			403
		);
		const all = await call(t, '/api/official-stats?province=01', { cookie: admin.cookie });
		expect(((await all.json()) as { rows: unknown[] }).rows).toHaveLength(1);
		const bad = await call(t, '/api/official-stats?month=2025-13', { cookie: admin.cookie });
		expect(bad.status).toBe(400);
	});
});

describe('official figures as public metrics', () => {
	const fresh = { headers: { 'cache-control': 'no-cache' } };

	it('shows each commune its latest month, sums what exists, and "no data" elsewhere', async () => {
		// vneid now: 05572 2025-09 = 1,250; 05569 2025-07 = 1,250 (estimate); 05923 2025-10 = 290
		// (later than its 2025-07 share); 00004 2025-09 = 40.
		const res = await call(t, '/api/metrics/communes?metric=official_vneid', fresh);
		expect(res.status).toBe(200);
		const p = (await res.json()) as MetricPayload;
		expect(p.values).toEqual({ '05569': 1250, '05923': 290, '05572': 1250, '00004': 40 });
		expect(p.noData).toEqual([]);
		expect(p.provinces).toEqual({ '19': 2790, '01': 40 });
		expect(p.country).toBe(2830);
		expect(p.period).toEqual({ start: '2025-07-01', end: '2025-10-31' });
		// Most frequent first: 05569 and 05923 share one source.
		expect(p.sources![0]).toBe('Công an tỉnh');
		expect(new Set(p.sources)).toEqual(
			new Set(['Công an tỉnh', 'Công an tỉnh Thái Nguyên', 'Công an TP Hà Nội'])
		);
	});

	it("serves one month's figures when the map picks a month, and no data where none", async () => {
		const res = await call(t, '/api/metrics/communes?metric=official_vneid&month=2025-09', fresh);
		expect(res.status).toBe(200);
		const p = (await res.json()) as MetricPayload;
		expect(p.values).toEqual({ '05572': 1250, '00004': 40 });
		expect(p.noData.sort()).toEqual(['05569', '05923']);
		expect(p.period).toEqual({ start: '2025-09-01', end: '2025-09-30' });
	});

	it('never publishes a count of 1–10, nor one worked out from its province', async () => {
		const res = await call(t, '/api/metrics/communes?metric=official_vssid', fresh);
		const p = (await res.json()) as MetricPayload;
		// vssid: 05569 = 135 only, and a fresh 7 in 05923 — hidden, and its province would give it away.
		expect(p.values).toEqual({ '05569': 135 });
		const small = await upload(file('05923,,2025-06,vssid,7,BHXH,'), pa);
		expect(small.status).toBe(201);
		const after = (await (
			await call(t, '/api/metrics/communes?metric=official_vssid', fresh)
		).json()) as MetricPayload;
		expect(after.suppressed).toContain('05923');
		expect(Object.values(after.values).some((v) => v >= 1 && v <= 10)).toBe(false);
		// The province (142) minus its one shown commune would be 7: so 05569 is hidden as well.
		expect(after.values['05569']).toBeUndefined();
		expect(after.noData).toEqual(expect.arrayContaining(['05572', '00004']));
	});

	it('gives each official metric a monthly series: its own months, sums with their basis, estimates marked', async () => {
		const res = await call(t, '/api/metrics/series/19?metric=official_vneid', fresh);
		expect(res.status).toBe(200);
		const s = (await res.json()) as SeriesPayload;
		expect(s).toMatchObject({ code: '19', level: 'province', metric: 'official_vneid' });
		expect(s.months).toHaveLength(24);
		const at = (m: string) => s.months.find((p) => p.month === m);
		// 2025-07: 05569's 1.250 and 05923's 250, both apportioned from old communes.
		expect(at('2025-07')).toEqual({
			month: '2025-07',
			status: 'value',
			value: 1500,
			closed: true,
			basis: { withData: 2, communes: 2 },
			estimate: true
		});
		// A month nothing was imported for is no data, not the latest figure carried over.
		expect(at('2025-08')).toMatchObject({ status: 'no_data', value: null });
		expect(at('2025-09')).toMatchObject({ value: 1250, basis: { withData: 1, communes: 2 } });
		expect(at('2025-09')!.estimate).toBeUndefined();
		const commune = await call(t, '/api/metrics/series/05569?metric=official_vneid', fresh);
		const c = (await commune.json()) as SeriesPayload;
		const july = c.months.find((p) => p.month === '2025-07');
		expect(july).toEqual({
			month: '2025-07',
			status: 'value',
			value: 1250,
			closed: true,
			estimate: true
		});
		const vn = await call(t, '/api/metrics/series/VN?metric=official_vneid', fresh);
		const v = ((await vn.json()) as SeriesPayload).months.find((p) => p.month === '2025-09');
		expect(v).toMatchObject({ value: 1290, basis: { withData: 2 } });
	});

	it('states the month, the source and the estimate in the area detail', async () => {
		const res = await call(t, '/api/metrics/areas/05569', fresh);
		expect(res.status).toBe(200);
		const { area } = (await res.json()) as AreaDetail;
		const m = area.metrics.find((x) => x.key === 'official_vneid') as OfficialMetricValue;
		expect(m).toMatchObject({
			status: 'value',
			value: 1250,
			estimate: true,
			period: { start: '2025-07-01', end: '2025-07-31' },
			official: { months: { first: '2025-07', last: '2025-07' }, source: 'Công an tỉnh' }
		});
		expect(m.denominatorLabel.vi).toMatch(/Nguồn: Công an tỉnh/);
		const none = area.metrics.find((x) => x.key === 'official_payment');
		expect(none).toMatchObject({ status: 'no_data', value: null });
		const province = await call(t, '/api/metrics/areas/19', fresh);
		const pv = ((await province.json()) as AreaDetail).area.metrics.find(
			(x) => x.key === 'official_vneid'
		) as OfficialMetricValue;
		expect(pv).toMatchObject({ value: 2790, basis: { withData: 3, communes: 2 } });
	});
});
