import { describe, expect, it } from 'vitest';
import { apportion } from '../../src/lib/domain/official-stats-crosswalk.ts';
import {
	parseCount,
	parseMonth,
	parseOfficialStatsImport,
	type OfficialStatsContext
} from '../../src/lib/domain/official-stats.ts';
import { readCsv } from '../../src/lib/domain/csv-read.ts';

const HEADER = 'Mã xã mới,Mã xã cũ (trước 2025),Tháng (YYYY-MM),Dịch vụ,Số liệu,Nguồn,Ghi chú';

/**
 * A small world: new communes 10001 (pop 3,000) and 10002 (pop 1,000) in province 19, 10003 (pop
 * unusable) in 19, 20001 in province 01. Old 90001 wholly into 10001; 90002 split 10001/10002;
 * 90003 split 10002/10003 (unusable); 90004 wholly into 10002; 90005 wholly into 20001.
 */
const ctx: OfficialStatsContext = {
	scopeProvince: null,
	currentMonth: '2026-12',
	provinceOf: new Map([
		['10001', '19'],
		['10002', '19'],
		['10003', '19'],
		['20001', '01']
	]),
	population: new Map([
		['10001', 3000],
		['10002', 1000],
		['10003', null],
		['20001', 500]
	]),
	links: new Map([
		['90001', [{ newCode: '10001', type: 'full' as const }]],
		[
			'90002',
			[
				{ newCode: '10001', type: 'partial' as const },
				{ newCode: '10002', type: 'partial' as const }
			]
		],
		[
			'90003',
			[
				{ newCode: '10002', type: 'partial' as const },
				{ newCode: '10003', type: 'partial' as const }
			]
		],
		['90004', [{ newCode: '10002', type: 'full' as const }]],
		['90005', [{ newCode: '20001', type: 'full' as const }]]
	]),
	oldCodesOf: new Map([
		['10001', ['90001', '90002']],
		['10002', ['90002', '90003', '90004']],
		['10003', ['90003']],
		['20001', ['90005']]
	])
};

const parse = (lines: string[], c: Partial<OfficialStatsContext> = {}) =>
	parseOfficialStatsImport(readCsv([HEADER, ...lines].join('\n')), { ...ctx, ...c });

describe('apportion', () => {
	it.each([
		[1000, [3000, 1000], [750, 250]],
		[7, [1, 1, 1], [3, 2, 2]],
		[101, [3000, 1000], [76, 25]],
		[0, [5, 9], [0, 0]],
		[99_999, [17, 23, 41], [20987, 28395, 50617]]
	])('splits %i by populations %j so the parts add back to the old figure', (v, pops, want) => {
		const r = apportion(
			v,
			pops.map((p, i) => ({ newCode: `1000${i}`, population: p }))
		);
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.parts.map((p) => p.value)).toEqual(want);
		expect(r.parts.reduce((s, p) => s + p.value, 0)).toBe(v);
		expect(r.parts.every((p) => p.estimate)).toBe(true);
	});

	it('carries a commune with one link over whole, not as an estimate', () => {
		expect(apportion(42, [{ newCode: '10001', population: null }])).toEqual({
			ok: true,
			parts: [{ newCode: '10001', value: 42, estimate: false }]
		});
	});

	it('refuses a split when a receiving population is unusable', () => {
		expect(
			apportion(10, [
				{ newCode: '10002', population: 1000 },
				{ newCode: '10003', population: null }
			])
		).toEqual({ ok: false, unusable: ['10003'] });
	});
});

describe('parseOfficialStatsImport', () => {
	it('stores a line keyed by the new code as it is', () => {
		const r = parse(['10001,,2025-09,VNeID,"1.234",Bộ Công an,ghi chú']);
		expect(r.errors).toEqual([]);
		expect(r.records).toEqual([
			expect.objectContaining({
				communeCode: '10001',
				provinceCode: '19',
				month: '2025-09',
				serviceCode: 'vneid',
				value: 1234,
				estimate: false,
				source: 'Bộ Công an',
				note: 'ghi chú',
				oldCodes: []
			})
		]);
	});

	it('sums old communes into their new commune, an estimate when a part was apportioned', () => {
		const r = parse([
			',90001,2025-09,vneid,500,Sở A,',
			',90002,2025-09,vneid,1000,Sở A,',
			',90004,09/2025,vneid,10,Sở A,'
		]);
		// 90003 is missing, so 10002 is refused; lines 2-4 otherwise fine for 10001.
		expect(r.errors).toEqual([
			expect.objectContaining({
				line: 4,
				field: 'ma_xa_cu',
				message: expect.stringMatching(/90003/)
			})
		]);
		const ok = parse([',90001,2025-09,vneid,500,Sở A,', ',90002,2025-09,vneid,1000,Sở A,'], {
			oldCodesOf: new Map([
				['10001', ['90001', '90002']],
				['10002', ['90002']]
			])
		});
		expect(ok.errors).toEqual([]);
		const by = new Map(ok.records.map((x) => [x.communeCode, x]));
		expect(by.get('10001')).toMatchObject({
			value: 500 + 750,
			estimate: true,
			oldCodes: ['90001', '90002']
		});
		expect(by.get('10002')).toMatchObject({ value: 250, estimate: true, oldCodes: ['90002'] });
	});

	it('carries a whole old commune over exactly', () => {
		const r = parse([',90005,2025-10,VssID,321,BHXH,']);
		expect(r.errors).toEqual([]);
		expect(r.records[0]).toMatchObject({
			communeCode: '20001',
			value: 321,
			estimate: false,
			oldCodes: ['90005']
		});
	});

	it('refuses a split old commune whose receiving commune has no usable population', () => {
		const r = parse([',90003,2025-09,vneid,10,Sở A,']);
		expect(r.records).toEqual([]);
		expect(r.errors).toEqual([
			{ line: 2, field: 'ma_xa_cu', message: expect.stringMatching(/không so sánh được.*10003/) }
		]);
	});

	it.each([
		['99999,,2025-09,vneid,1,S,', 'ma_xa_moi', /không tồn tại/],
		[',99999,2025-09,vneid,1,S,', 'ma_xa_cu', /không có trong bảng chuyển đổi/],
		['10001,90001,2025-09,vneid,1,S,', 'ma_xa_cu', /chỉ điền một/],
		[',,2025-09,vneid,1,S,', 'ma_xa_moi', /cần mã xã/],
		['1234567,,2025-09,vneid,1,S,', 'ma_xa_moi', /5 chữ số/],
		['10001,,2025-13,vneid,1,S,', 'thang', /không tồn tại/],
		['10001,,sep 2025,vneid,1,S,', 'thang', /YYYY-MM/],
		['10001,,2027-01,vneid,1,S,', 'thang', /chưa tới/],
		['10001,,2025-09,zalo,1,S,', 'dich_vu', /không hợp lệ/],
		['10001,,2025-09,vneid,-5,S,', 'so_lieu', /âm/],
		['10001,,2025-09,vneid,"12,5",S,', 'so_lieu', /số nguyên/],
		['10001,,2025-09,vneid,abc,S,', 'so_lieu', /không phải là số/],
		['10001,,2025-09,vneid,,S,', 'so_lieu', /thiếu/],
		['10001,,2025-09,vneid,5,,', 'nguon', /thiếu nguồn/]
	])('refuses %s in field %s', (line, field, message) => {
		const r = parse([line]);
		expect(r.records).toEqual([]);
		expect(r.errors).toContainEqual({ line: 2, field, message: expect.stringMatching(message) });
	});

	it('refuses communes outside the importer’s province, by new or old code', () => {
		const r = parse(['20001,,2025-09,vneid,5,S,', ',90005,2025-09,vneid,5,S,'], {
			scopeProvince: '19'
		});
		expect(r.errors.map((e) => [e.line, e.field])).toEqual([
			[2, 'ma_xa_moi'],
			[3, 'ma_xa_cu']
		]);
	});

	it('refuses a key repeated in the file, naming the first line', () => {
		const r = parse(['10001,,2025-09,vneid,5,S,', '10001,,2025-9,VNeID,6,S,']);
		expect(r.errors).toEqual([
			{ line: 3, field: 'ma_xa_moi', message: expect.stringMatching(/trùng với dòng 2/) }
		]);
	});

	it('refuses one key reached by both a new code and old codes', () => {
		const r = parse(
			['10001,,2025-09,vneid,5,S,', ',90001,2025-09,vneid,5,S,', ',90002,2025-09,vneid,5,S,'],
			{
				oldCodesOf: new Map([
					['10001', ['90001', '90002']],
					['10002', ['90002']]
				])
			}
		);
		expect(r.errors).toEqual([
			expect.objectContaining({
				line: 4,
				field: 'ma_xa_cu',
				message: expect.stringMatching(/chỉ dùng một cách/)
			})
		]);
	});

	it('reports a missing required column on the header line', () => {
		const r = parseOfficialStatsImport(readCsv('Mã xã mới,Tháng\n10001,2025-09'), ctx);
		expect(r.errors.map((e) => e.field)).toEqual(['dich_vu', 'so_lieu', 'nguon']);
		expect(r.errors.every((e) => e.line === 1)).toBe(true);
	});
});

describe('field parsers', () => {
	it.each([
		['2025-09', '2025-09'],
		['2025-9', '2025-09'],
		['9/2025', '2025-09'],
		['09.2025', '2025-09']
	])('reads month %s as %s', (raw, want) => {
		expect(parseMonth(raw)).toEqual({ ok: true, value: want });
	});
	it.each([
		['0', 0],
		['17000', 17000],
		['17.000', 17000],
		['1 234 567', 1234567]
	])('reads count %s as %i', (raw, want) => {
		expect(parseCount(raw)).toEqual({ ok: true, value: want });
	});
	it.each(['1.5', '17,000', '1e3', '-1'])('refuses count %s', (raw) => {
		expect(parseCount(raw).ok).toBe(false);
	});
});
