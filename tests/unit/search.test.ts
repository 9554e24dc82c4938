import { describe, expect, it } from 'vitest';
import {
	normaliseQuery,
	rankCandidates,
	type SearchCandidate
} from '../../src/lib/domain/search.ts';
import { searchKey } from '../../src/lib/domain/text.ts';

const places: (SearchCandidate & { name: string })[] = [
	{ kind: 'commune', code: '05569', name: 'Định Hoá', key: searchKey('Định Hoá') },
	{ kind: 'commune', code: '14677', name: 'Định Hoá', key: searchKey('Định Hoá') },
	{ kind: 'commune', code: '00004', name: 'Ba Đình', key: searchKey('Ba Đình') },
	{ kind: 'commune', code: '05551', name: 'Phú Đình', key: searchKey('Phú Đình') },
	{ kind: 'province', code: '38', name: 'Thanh Hoá', key: searchKey('Thanh Hoá') },
	{ kind: 'commune', code: '99999', name: 'Đình Lập', key: searchKey('Đình Lập') }
];

describe('search keys', () => {
	it.each([
		['Định Hóa', 'dinh hoa'],
		['Định Hoá', 'dinh hoa'],
		['  ĐỊNH   HOÁ ', 'dinh hoa'],
		['Thanh Hoá', 'thanh hoa'],
		['Bà Rịa–Vũng Tàu', 'ba ria vung tau'],
		['Xã Ia Mơ', 'xa ia mo']
	])('normalises %s to %s', (raw, key) => {
		expect(normaliseQuery(raw)).toBe(key);
	});

	it('treats NFD-decomposed input like NFC', () => {
		expect(normaliseQuery('Định Hoá'.normalize('NFD'))).toBe('dinh hoa');
	});
});

describe('ranking places', () => {
	it('finds both namesakes of "dinh hoa" whatever the diacritics', () => {
		for (const q of ['dinh hoa', 'Định Hoá', 'Định Hóa', 'DINH HOA']) {
			expect(rankCandidates(places, q).map((p) => p.code)).toEqual(['05569', '14677']);
		}
	});

	it('puts exact and prefix matches before word and infix matches', () => {
		expect(rankCandidates(places, 'dinh').map((p) => p.code)).toEqual([
			'05569',
			'14677',
			'99999',
			'00004',
			'05551'
		]);
	});

	it('finds "ba dinh"', () => {
		expect(rankCandidates(places, 'ba dinh').map((p) => p.code)).toEqual(['00004']);
	});

	it('returns nothing for an empty or punctuation-only query', () => {
		expect(rankCandidates(places, '  ')).toEqual([]);
		expect(rankCandidates(places, '--')).toEqual([]);
	});

	it('honours the limit', () => {
		expect(rankCandidates(places, 'h', 2)).toHaveLength(2);
	});
});
