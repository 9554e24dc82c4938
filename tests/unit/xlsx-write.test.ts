import { describe, expect, it } from 'vitest';
import readXlsxFile from 'read-excel-file/node';
import { strFromU8, unzipSync } from 'fflate';
import { writeXlsx } from '../../src/lib/server/export/xlsx.ts';

describe('writeXlsx', () => {
	it('writes sheets a spreadsheet reader opens back with the same values', async () => {
		const bytes = await writeXlsx([
			{
				name: 'Số liệu',
				header: true,
				columnWidths: [8, 20, 10],
				rows: [
					['Mã', 'Tên', 'Tỷ lệ'],
					['05569', 'Định Hoá & <Phú Lương>', { value: 0.625, format: 'percent1' }],
					['00004', null, { value: 1234, format: 'integer' }]
				]
			},
			{ name: 'Ghi chú', rows: [[{ value: 'Một ghi chú dài', wrap: true }]] }
		]);
		const sheets = await readXlsxFile(Buffer.from(bytes));
		expect(sheets.map((s) => s.sheet)).toEqual(['Số liệu', 'Ghi chú']);
		expect(sheets[0]!.data).toEqual([
			['Mã', 'Tên', 'Tỷ lệ'],
			['05569', 'Định Hoá & <Phú Lương>', 0.625],
			['00004', null, 1234]
		]);
		expect(sheets[1]!.data).toEqual([['Một ghi chú dài']]);
	});

	it('makes the header bold and frozen and keeps number formats and widths', async () => {
		const files = unzipSync(
			await writeXlsx([
				{
					name: 'A',
					header: true,
					columnWidths: [12],
					rows: [['x'], [{ value: 0.5, format: 'percent1' }]]
				}
			])
		);
		const sheet = strFromU8(files['xl/worksheets/sheet1.xml']!);
		const styles = strFromU8(files['xl/styles.xml']!);
		expect(sheet).toMatch(/<pane [^>]*ySplit="1"[^>]*state="frozen"/);
		expect(sheet).toMatch(/<col [^>]*width="12"/);
		expect(styles).toContain('formatCode="0.0%"');
		expect(styles).toMatch(/<font><b\/><\/font>/);
	});

	it.each([
		['a name with a slash', [{ name: 'a/b', rows: [] }]],
		['a name over 31 characters', [{ name: 'x'.repeat(32), rows: [] }]],
		[
			'two sheets of one name',
			[
				{ name: 'Dữ liệu', rows: [] },
				{ name: 'dữ liệu', rows: [] }
			]
		]
	])('refuses %s', async (_, sheets) => {
		await expect(writeXlsx(sheets)).rejects.toThrow(RangeError);
	});
});
