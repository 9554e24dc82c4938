import { describe, expect, it } from 'vitest';
import { readCsv } from '../../src/lib/domain/csv-read.ts';
import { parseHouseholdImport } from '../../src/lib/domain/csv-households.ts';
import { parseHamletImport } from '../../src/lib/domain/csv-hamlets.ts';

const HEADER = 'ma_xa,dia_chi,so_nguoi_lon,chu_ho,dien_thoai';
const ROW1 = '05569,Số 1 ngõ 2,2,Nguyễn Văn An,0912345678';
const ROW3 = '05569,Số 5 ngõ 2,1,Lê Thị Chi,0912345670';

const ctx = {
	communeCode: '05569',
	knownCommunes: new Set(['05569']),
	hamlets: new Map(),
	existingKeys: new Set<string>()
};

describe('readCsv: every quoting mistake is a line-numbered problem', () => {
	it.each([
		[
			'a quote left open that a later quote closes (swallowing the next row)',
			[
				HEADER,
				ROW1,
				'05569,"Số 3 ngõ 2,3,Trần Bình,0912345679',
				'05569,"Số 5 ngõ 2",1,Chi,0912345670'
			],
			3
		],
		[
			'a quote left open to the end of the file',
			[HEADER, ROW1, '05569,"Số 3 ngõ 2,3,Trần Bình,0912345679', ROW3],
			3
		],
		['a cell in quotes followed by more text', [HEADER, ROW1, '05569,"Số 3" ngõ 2,3', ROW3], 3],
		['a properly quoted cell that spans lines', [HEADER, ROW1, '05569,"Số 3\nngõ 2",3', ROW3], 3]
	])('reports %s at the line where the row starts', (_, lines, line) => {
		const t = readCsv(lines.join('\n'));
		expect(t.problems.length).toBeGreaterThan(0);
		expect(t.problems[0]!.line).toBe(line);
	});

	it('finds no problem in a clean file with quoted delimiters and doubled quotes', () => {
		const t = readCsv(`${HEADER}\n${ROW1}\n05569,"Số 3, ngõ ""Chợ""",3,,\n${ROW3}`);
		expect(t.problems).toEqual([]);
		expect(t.rows.map((r) => r.cells[1])).toEqual(['Số 1 ngõ 2', 'Số 3, ngõ "Chợ"', 'Số 5 ngõ 2']);
	});

	it('refuses the whole household file when one row between two valid rows leaves a quote open', () => {
		const text = [
			HEADER,
			ROW1,
			'05569,"Số 3 ngõ 2,3,Trần Bình,0912345679',
			`05569,"Số 5 ngõ 2",1,Chi,0912345670`
		];
		const r = parseHouseholdImport(readCsv(text.join('\n')), ctx);
		expect(r.errors.map((e) => e.line)).toContain(3);
		expect(r.errors.every((e) => Number.isInteger(e.line) && e.line >= 1)).toBe(true);
	});

	it('cleans invisible characters out of every cell it imports', () => {
		const text = `${HEADER}\n05569,Số 1\u200b2 ngõ 2\u202e,2,Ngu\u0000yễn An,0912345678`;
		const r = parseHouseholdImport(readCsv(text), ctx);
		expect(r.errors).toEqual([]);
		expect(r.households[0]).toMatchObject({ address: 'Số 12 ngõ 2', headName: 'Nguyễn An' });
	});
});

describe('hamlet file rows agree with the hamlet write schema', () => {
	it('refuses, by line, a name longer than a hamlet may have (never a failed commit)', () => {
		const long = 'Thôn ' + 'Đồng Tâm '.repeat(20);
		const text = `ma_xa,ten,loai\n05569,Thôn Một,thôn\n05569,${long},thôn`;
		const r = parseHamletImport(readCsv(text), {
			communeCode: '05569',
			knownCommunes: new Set(['05569']),
			existing: new Map()
		});
		expect(r.errors).toEqual([{ line: 3, field: 'ten', message: expect.stringContaining('120') }]);
	});
});
