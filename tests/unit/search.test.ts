import { describe, expect, it } from 'vitest';
import {
	filterKey,
	normaliseQuery,
	parseQuery,
	rankCandidates,
	unitOf,
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

/** A place as the search API ranks it: short-name key and full name with its unit. */
function place(kind: SearchCandidate['kind'], code: string, fullName: string, name: string) {
	return { kind, code, key: searchKey(name), fullName };
}

const withUnits = [
	place('commune', '05569', 'Xã Định Hoá', 'Định Hoá'),
	place('commune', '16171', 'Xã Ba Đình', 'Ba Đình'),
	place('commune', '00004', 'Phường Ba Đình', 'Ba Đình'),
	place('commune', '00008', 'Phường Phương Liệt', 'Phương Liệt'),
	place('commune', '01234', 'Xã Xa Dung', 'Xa Dung'),
	place('commune', '04321', 'Phường Tĩnh Gia', 'Tĩnh Gia'),
	place('commune', '26680', 'Đặc khu Côn Đảo', 'Côn Đảo'),
	place('province', '19', 'Tỉnh Thái Nguyên', 'Thái Nguyên'),
	place('province', '79', 'Thành phố Hồ Chí Minh', 'Hồ Chí Minh'),
	place('province', '52', 'Tỉnh Gia Lai', 'Gia Lai')
];

describe('unit words in a query', () => {
	it.each([
		['xa dinh hoa', 'dinh hoa', 'xa'],
		['Xã Định Hoá', 'dinh hoa', 'xa'],
		['phuong ba dinh', 'ba dinh', 'phuong'],
		['Phường Ba Đình', 'ba dinh', 'phuong'],
		['tinh thai nguyen', 'thai nguyen', 'tinh'],
		['Thành phố Hồ Chí Minh', 'ho chi minh', 'thanh pho'],
		['TP. Hồ Chí Minh', 'ho chi minh', 'thanh pho'],
		['đặc khu Côn Đảo', 'con dao', 'dac khu'],
		['thị trấn Chợ Chu', 'cho chu', null],
		['huyện Định Hoá', 'dinh hoa', null],
		['Dinh Hoa Commune', 'dinh hoa', 'xa'],
		['Ba Dinh Ward', 'ba dinh', 'phuong'],
		['Thai Nguyen Province', 'thai nguyen', 'tinh'],
		['dinh hoa', 'dinh hoa', null],
		['xã', 'xa', null]
	])('reads %s as the name %s of unit %s', (raw, name, unit) => {
		expect(parseQuery(raw)).toMatchObject({ name, unit });
	});

	it('pre-filters on the name without the unit word', () => {
		expect(filterKey('xã Định Hoá')).toBe('dinh hoa');
		expect(filterKey('Phương Liệt')).toBe('liet');
	});

	it.each([
		['Xã Định Hoá', 'xa'],
		['Phường Ba Đình', 'phuong'],
		['Đặc khu Côn Đảo', 'dac khu'],
		['Tỉnh Thái Nguyên', 'tinh'],
		['Thành phố Hà Nội', 'thanh pho'],
		['Định Hoá', null]
	])('knows the unit of %s is %s', (fullName, unit) => {
		expect(unitOf(fullName)).toBe(unit);
	});
});

describe('ranking places typed with their unit word', () => {
	const top = (q: string) => rankCandidates(withUnits, q)[0]?.code;

	it.each([
		['xa dinh hoa', '05569'],
		['phuong ba dinh', '00004'],
		['xa ba dinh', '16171'],
		['tinh thai nguyen', '19'],
		['Thành phố Hồ Chí Minh', '79'],
		['tp ho chi minh', '79'],
		['dac khu con dao', '26680'],
		['Ba Dinh Ward', '00004']
	])('finds %s first as %s', (q, code) => {
		expect(top(q)).toBe(code);
	});

	it('keeps the namesake of the other unit, after the typed one', () => {
		expect(rankCandidates(withUnits, 'phuong ba dinh').map((p) => p.code)).toEqual([
			'00004',
			'16171'
		]);
	});

	it('finds the successor of a district that no longer exists, whatever its unit', () => {
		expect(rankCandidates(withUnits, 'quận Ba Đình').map((p) => p.code)).toEqual([
			'16171',
			'00004'
		]);
	});

	it('still finds names that begin like a unit word, first', () => {
		expect(top('phuong liet')).toBe('00008');
		expect(top('xa dung')).toBe('01234');
		expect(top('tinh gia')).toBe('04321');
	});
});
