/**
 * The pure parts of the reference SQL export: literals, SQLite's byte order, packing within a
 * size budget, and the key ranges of the prune statements.
 */
import { describe, expect, it } from 'vitest';
import {
	byteLength,
	compareBinary,
	packByBytes,
	sqlLiteral
} from '../../src/lib/server/import/reference/sql-text.ts';
import { referenceSqlFiles } from '../../src/lib/server/import/reference/sql-file.ts';
import type { ReferenceDataset } from '../../src/lib/server/import/reference/dataset.ts';

describe('sqlLiteral', () => {
	it.each([
		[null, 'NULL'],
		[undefined, 'NULL'],
		[true, '1'],
		[false, '0'],
		[65023, '65023'],
		[105.83865, '105.83865'],
		['00004', "'00004'"],
		["Đắk'Lắk", "'Đắk''Lắk'"]
	])('writes %j as %s', (value, literal) => {
		expect(sqlLiteral(value)).toBe(literal);
	});

	it.each([
		['NaN', Number.NaN],
		['Infinity', Infinity],
		['text with NUL', 'a\u0000b']
	])('refuses %s', (_what, value) => {
		expect(() => sqlLiteral(value)).toThrow(/cannot write/);
	});
});

describe('compareBinary', () => {
	it('orders by UTF-8 bytes as SQLite does, not by UTF-16 units', () => {
		const astral = '\u{1F600}';
		const bmpHigh = '\uFFFD';
		expect(astral < bmpHigh).toBe(true);
		expect(compareBinary(astral, bmpHigh)).toBeGreaterThan(0);
		expect(['10', '01', '1', '011'].sort(compareBinary)).toEqual(['01', '011', '1', '10']);
	});
});

describe('packByBytes', () => {
	it('keeps the order and every group within the budget', () => {
		const items = ['aaaa', 'bb', 'ccc', 'd', 'eeeee'];
		const groups = packByBytes(items, 8, 2);
		expect(groups.flat()).toEqual(items);
		for (const g of groups) expect(byteLength(g.join(', '))).toBeLessThanOrEqual(8);
		expect(groups).toEqual([['aaaa', 'bb'], ['ccc', 'd'], ['eeeee']]);
	});

	it('refuses an item larger than the budget', () => {
		expect(() => packByBytes(['ok', 'far too long'], 5, 2)).toThrow(/over 5/);
	});
});

function dataset(oldCodes: string[]): ReferenceDataset {
	return {
		provinces: [],
		communes: [],
		oldProvinces: oldCodes.map((code) => ({
			code,
			name: 'A',
			fullName: 'A',
			newProvinceCode: '01'
		})),
		oldDistricts: [],
		oldCommunes: [],
		crosswalk: [],
		services: [],
		provinceSettings: []
	};
}

describe('referenceSqlFiles', () => {
	const codes = Array.from({ length: 300 }, (_, i) => String(i).padStart(3, '0'));
	const limits = { statementBytes: 900, fileBytes: 1_000_000 };
	const sql = referenceSqlFiles(dataset(codes), 'f'.repeat(64), limits)
		.map((f) => f.sql)
		.join('\n');
	const prunes = sql.split(';').filter((s) => s.includes('DELETE FROM "old_provinces"\nWHERE'));

	it('keeps every statement within the statement limit', () => {
		for (const statement of sql.replace(/^--.*\n/gm, '').split(';\n')) {
			expect(byteLength(statement)).toBeLessThanOrEqual(limits.statementBytes);
		}
	});

	it('cuts the kept keys into contiguous ranges, open at both ends', () => {
		expect(prunes.length).toBeGreaterThan(2);
		const bounds = prunes.map((s) => ({
			above: /"code" > '(\d+)'/.exec(s)?.[1],
			upTo: /"code" <= '(\d+)'/.exec(s)?.[1]
		}));
		expect(bounds[0]?.above).toBeUndefined();
		expect(bounds.at(-1)?.upTo).toBeUndefined();
		for (let i = 1; i < bounds.length; i++) expect(bounds[i]?.above).toBe(bounds[i - 1]?.upTo);
		const listed = prunes.flatMap((s) => [...s.matchAll(/'(\d+)'(?=[,)])/g)].map((m) => m[1]));
		expect(listed).toEqual(codes);
	});

	it('empties a mirror table the data leaves empty', () => {
		expect(sql).toContain('DELETE FROM "old_communes";');
	});
});
