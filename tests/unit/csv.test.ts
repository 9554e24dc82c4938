import { describe, expect, it } from 'vitest';
import { decodeCsvBytes, decodeWindows1258, readCsv } from '../../src/lib/domain/csv-read.ts';
import { parseTeamImport, type TeamImportContext } from '../../src/lib/domain/csv-teams.ts';
import { parseHamletImport } from '../../src/lib/domain/csv-hamlets.ts';
import { parseDate, parsePhone } from '../../src/lib/domain/csv-fields.ts';
import { toCsv } from '../../src/lib/domain/csv-write.ts';

/**
 * "…,Thôn Đồng Tâm" as Excel on Vietnamese Windows saves it: ô = 0xF4, Đ = 0xD0, and the tone
 * of ồ as a separate combining grave (0xCC) after ô.
 */
const CP1258_LINE = new Uint8Array([
	...new TextEncoder().encode('ma_xa,ten\n05569,Th'),
	0xf4,
	...new TextEncoder().encode('n '),
	0xd0,
	0xf4,
	0xcc,
	...new TextEncoder().encode('ng T'),
	0xe2,
	0x6d
]);

describe('decodeCsvBytes', () => {
	it('matches the WHATWG Windows-1258 decoder byte for byte', () => {
		const all = new Uint8Array(256).map((_, i) => i);
		expect(decodeWindows1258(all)).toBe(new TextDecoder('windows-1258').decode(all));
	});

	const expected = 'ma_xa,ten\n05569,Thôn Đồng Tâm';
	const cases: [string, Uint8Array, string][] = [
		['UTF-8', new TextEncoder().encode(expected), 'utf-8'],
		[
			'UTF-8 with BOM',
			new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(expected)]),
			'utf-8-bom'
		],
		['NFD-decomposed UTF-8 (macOS)', new TextEncoder().encode(expected.normalize('NFD')), 'utf-8']
	];
	for (const [name, bytes, encoding] of cases) {
		it(`reads ${name} as NFC text`, () => {
			const r = decodeCsvBytes(bytes);
			expect(r.encoding).toBe(encoding);
			expect(r.text).toBe(expected);
		});
	}

	it('reads Windows-1258 with combining tone marks as NFC text', () => {
		const r = decodeCsvBytes(CP1258_LINE);
		expect(r.encoding).toBe('windows-1258');
		expect(r.text).toBe(expected);
	});

	it('reads UTF-16LE with BOM (Excel "Unicode text")', () => {
		const s = 'ma_xa\tten\r\n05569\tXóm Bãi';
		const bytes = new Uint8Array(2 + s.length * 2);
		bytes.set([0xff, 0xfe]);
		for (let i = 0; i < s.length; i++) {
			bytes[2 + 2 * i] = s.charCodeAt(i) & 0xff;
			bytes[3 + 2 * i] = s.charCodeAt(i) >> 8;
		}
		expect(decodeCsvBytes(bytes)).toEqual({ text: s, encoding: 'utf-16le' });
	});
});

describe('readCsv', () => {
	it('keeps file line numbers across blank lines and quoted line breaks', () => {
		const t = readCsv('a,b\n1,2\n\n3,"x\ny"\n4,5');
		expect(t.rows.map((r) => r.line)).toEqual([2, 4, 6]);
	});

	it('guesses semicolons (Excel in the Vietnamese locale) and tabs', () => {
		expect(readCsv('a;b\n1;2').rows[0]!.cells).toEqual(['1', '2']);
		expect(readCsv('a\tb\n1\t2').delimiter).toBe('\t');
	});
});

describe('field parsers', () => {
	it.each([
		['0912 345 678', '0912345678'],
		['+84 912 345 678', '0912345678'],
		['84912345678', '0912345678'],
		['912345678', '0912345678'],
		['0912.345.678', '0912345678'],
		['02083 855 123', '02083855123']
	])('normalises phone %s → %s', (raw, want) => {
		expect(parsePhone(raw)).toEqual({ ok: true, value: want });
	});

	it.each(['12345', '0912-345-67', 'abc'])('refuses phone %s', (raw) => {
		expect(parsePhone(raw).ok).toBe(false);
	});

	it.each([
		['01/09/2025', '2025-09-01'],
		['2025-09-01', '2025-09-01'],
		['1.9.2025', '2025-09-01']
	])('reads date %s', (raw, want) => {
		expect(parseDate(raw)).toEqual({ ok: true, value: want });
	});

	it('refuses dates that do not exist', () => {
		expect(parseDate('31/02/2025').ok).toBe(false);
	});
});

const ctx: TeamImportContext = {
	communeCode: '05569',
	knownCommunes: new Set(['05569', '05923']),
	hamlets: new Map([['thon dong tam', 'h1']]),
	teams: new Map([['to cong nghe so thon na mao', 't-existing']]),
	phonesTaken: new Map([['0911111111', 'Lò Thị Cúc']])
};

const HEADER =
	'Mã xã,Tên tổ,Thôn,Ngày thành lập,Họ tên,Số điện thoại,Đoàn thể,Vai trò,OneTouch,Ngày OneTouch';

describe('parseTeamImport', () => {
	it('groups members under their team and reads Vietnamese labels', () => {
		const r = parseTeamImport(
			readCsv(
				`${HEADER}\n05569,Tổ CNS thôn Đồng Tâm,Thôn Đồng Tâm,01/03/2023,Hoàng Văn An,0912345678,Đoàn Thanh niên,Tổ trưởng,Đã hoàn thành,15/05/2023\n` +
					`5569,Tổ CNS thôn Đồng Tâm,,,Ma Thị Bình,,hoi phu nu,,,`
			),
			ctx
		);
		expect(r.errors).toEqual([]);
		expect(r.teams).toEqual([
			expect.objectContaining({
				name: 'Tổ CNS thôn Đồng Tâm',
				hamletId: 'h1',
				foundedOn: '2023-03-01',
				existingId: null
			})
		]);
		expect(
			r.members.map((m) => [m.fullName, m.unionAffiliation, m.teamRole, m.onetouchStatus])
		).toEqual([
			['Hoàng Văn An', 'doan_thanh_nien', 'to_truong', 'da_hoan_thanh'],
			['Ma Thị Bình', 'hoi_phu_nu', 'thanh_vien', 'chua_hoc']
		]);
	});

	it('adds members to a team the commune already has', () => {
		const r = parseTeamImport(
			readCsv(`${HEADER}\n05569,Tổ công nghệ số thôn Na Mao,,,An,,Khác,,,`),
			ctx
		);
		expect(r.teams[0]?.existingId).toBe('t-existing');
	});

	it('reports each bad row with its line and column', () => {
		const r = parseTeamImport(
			readCsv(
				`${HEADER}\n` +
					`99999,Tổ A,,,An,0912345678,Khác,,,\n` +
					`05923,Tổ A,,,Bình,0912345678,Khác,,,\n` +
					`05569,,,,Cúc,,Khác,,,\n` +
					`05569,Tổ B,Thôn Lạ,32/13/2023,Dũng,0911111111,Hội gì đó,Trưởng nhóm,,\n` +
					`05569,Tổ C,,,,0987654321,,,,`
			),
			ctx
		);
		expect(r.errors.map((e) => [e.line, e.field])).toEqual([
			[2, 'ma_xa'],
			[3, 'ma_xa'],
			[3, 'so_dien_thoai'],
			[4, 'ten_to'],
			[5, 'thon'],
			[5, 'ngay_thanh_lap'],
			[5, 'so_dien_thoai'],
			[5, 'doan_the'],
			[5, 'vai_tro'],
			[6, 'ho_ten']
		]);
		expect(r.errors[0]!.message).toContain('không tồn tại');
		expect(r.errors[1]!.message).toContain('không phải xã đang nhập');
		expect(r.errors[2]!.message).toContain('trùng với dòng 2');
		expect(r.errors[6]!.message).toContain('Lò Thị Cúc');
	});

	it('names missing header columns on line 1', () => {
		const r = parseTeamImport(readCsv('Họ tên,SĐT\nAn,0912345678'), ctx);
		expect(r.errors).toEqual([
			{ line: 1, field: 'ma_xa', message: expect.stringContaining('thiếu cột') },
			{ line: 1, field: 'ten_to', message: expect.stringContaining('thiếu cột') }
		]);
	});
});

describe('parseHamletImport', () => {
	const hctx = {
		communeCode: '05569',
		knownCommunes: new Set(['05569']),
		existing: new Map([['thon dong tam', 'Thôn Đồng Tâm']])
	};

	it('reads kinds and points, Vietnamese decimal commas included', () => {
		const r = parseHamletImport(
			readCsv(
				'ma_xa;ten;loai;kinh_do;vi_do\n05569;Xóm Bãi;Xóm;105,63;21,91\n05569;Tổ dân phố 3;TDP;;'
			),
			hctx
		);
		expect(r.errors).toEqual([]);
		expect(r.hamlets).toEqual([
			{ name: 'Xóm Bãi', kind: 'xom', lon: 105.63, lat: 21.91, line: 2 },
			{ name: 'Tổ dân phố 3', kind: 'to_dan_pho', lon: null, lat: null, line: 3 }
		]);
	});

	it('refuses duplicates, existing names, unknown kinds and points outside Vietnam', () => {
		const r = parseHamletImport(
			readCsv(
				'ma_xa,ten,loai,kinh_do,vi_do\n05569,Xóm Bãi,xóm,,\n05569,XOM BAI,xóm,,\n05569,Thôn Đồng Tâm,thôn,,\n05569,Khu X,khu,,\n05569,Bản Y,bản,2.1,105'
			),
			hctx
		);
		expect(r.errors.map((e) => [e.line, e.field])).toEqual([
			[3, 'ten'],
			[4, 'ten'],
			[5, 'loai'],
			[6, 'kinh_do'],
			[6, 'vi_do']
		]);
		expect(r.hamlets).toHaveLength(1);
	});
});

describe('toCsv', () => {
	it('writes UTF-8 with BOM and defuses spreadsheet formulas', () => {
		const csv = toCsv(['a', 'b'], [['=1+1', 'Định Hoá']]);
		expect(csv.startsWith('\uFEFFa,b\r\n')).toBe(true);
		expect(csv).toContain("'=1+1");
		expect(csv).toContain('Định Hoá');
	});

	it('writes a negative number as a number, a text that starts with − defused', () => {
		const csv = toCsv(['a', 'b'], [[-12, '-12']]);
		expect(csv).toContain('-12,"\'-12"\r\n');
	});
});
