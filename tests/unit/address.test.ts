import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseAddress } from '../../src/lib/domain/address.ts';
import { fold } from '../../src/lib/domain/address-lexicon.ts';

type Expect = {
	alleyKey: string;
	position: number | null;
	side?: 'odd' | 'even' | null;
	street?: string | null;
	hamlet?: string | null;
	path?: string[];
};

/** [address as written, what the parser must find] */
const CASES: [string, Expect][] = [
	// Hà Nội: số, ngách, ngõ, phố — full, plain, abbreviated, reversed, slash forms.
	[
		'Số 12, ngách 3, ngõ 45, phố Lò Đúc',
		{ alleyKey: 'lo duc|45/3', position: 12, side: 'even', street: 'Lò Đúc', path: ['45', '3'] }
	],
	['so 12 ngach 3 ngo 45 pho Lo Duc', { alleyKey: 'lo duc|45/3', position: 12 }],
	['SỐ 12 NGÁCH 3 NGÕ 45 PHỐ LÒ ĐÚC', { alleyKey: 'lo duc|45/3', position: 12 }],
	['12 Ngh.3 Ng.45 P.Lò Đúc', { alleyKey: 'lo duc|45/3', position: 12 }],
	['Số 12 ngách 45/3 Lò Đúc', { alleyKey: 'lo duc|45/3', position: 12 }],
	['Ngõ 45 Lò Đúc, ngách 3, số 12', { alleyKey: 'lo duc|45/3', position: 12 }],
	['Số 7, ngõ 45, phố Lò Đúc, phường Hai Bà Trưng, Hà Nội', { alleyKey: 'lo duc|45', position: 7 }],
	['7 Ng. 45 Lò Đúc', { alleyKey: 'lo duc|45', position: 7, side: 'odd' }],
	['Số 25 phố Huế', { alleyKey: 'hue', position: 25, street: 'Huế', path: [] }],
	['25 Phố Huế, Hai Bà Trưng, Hà Nội', { alleyKey: 'hue', position: 25 }],
	['Số 1, ngách 7, ngõ 7, phố Lò Đúc', { alleyKey: 'lo duc|7/7', position: 1 }],
	['Số 9 ngõ 68/23 Cầu Giấy', { alleyKey: 'cau giay|68/23', position: 9 }],
	['Số 2, hẻm 12/34/5, ngõ 12, phố Kim Mã', { alleyKey: 'kim ma|12/34/5', position: 2 }],
	['Ngõ 5 Tô Hiến Thành', { alleyKey: 'to hien thanh|5', position: null, side: null }],
	['ngo 5 to hien thanh', { alleyKey: 'to hien thanh|5', position: null }],
	['Số 5 phố Xã Đàn', { alleyKey: 'xa dan', position: 5 }],
	['Số 3 Ngõ Huế, phường Phố Huế', { alleyKey: 'ngo hue', position: 3 }],
	['Số nhà 15, ngõ 2, đường Lương Ngọc Quyến', { alleyKey: 'luong ngoc quyen|2', position: 15 }],
	['Nhà 12, ngõ 34 đường Hoàng Văn Thụ', { alleyKey: 'hoang van thu|34', position: 12 }],
	['12A Lý Thường Kiệt', { alleyKey: 'li thuong kiet', position: 12, side: 'even' }],
	['12B Lí Thường Kiệt', { alleyKey: 'li thuong kiet', position: 12 }],
	['Số 12-14 Lò Đúc', { alleyKey: 'lo duc', position: 12, side: 'even' }],
	['56/7A Nguyễn Trãi', { alleyKey: 'nguyen trai|56', position: 7 }],
	// TP Hồ Chí Minh: hẻm with slashes, house number as the last segment.
	['Hẻm 210/14 Lê Văn Sỹ', { alleyKey: 'le van si|210/14', position: null, path: ['210', '14'] }],
	['210/14/5 Lê Văn Sỹ', { alleyKey: 'le van si|210/14', position: 5, side: 'odd' }],
	['210/14/5 Le Van Si, P.13, Q.3', { alleyKey: 'le van si|210/14', position: 5 }],
	['Số 5 hẻm 210/14 đường Lê Văn Sĩ, Phường 12', { alleyKey: 'le van si|210/14', position: 5 }],
	['H.210/14 Lê Văn Sỹ', { alleyKey: 'le van si|210/14', position: null }],
	['123/45 Nguyễn Trãi', { alleyKey: 'nguyen trai|123', position: 45 }],
	['123 Nguyễn Trãi', { alleyKey: 'nguyen trai', position: 123, side: 'odd' }],
	['Số 3 Đường số 7, ấp 2', { alleyKey: 'so 7', position: 3, street: 'số 7' }],
	['45 Đường 3/2', { alleyKey: 'duong 3/2', position: 45 }],
	['Số 8 Dương Quảng Hàm', { alleyKey: 'duong quang ham', position: 8 }],
	// Huế, Đà Nẵng: kiệt.
	['Kiệt 5 Trần Phú', { alleyKey: 'tran phu|5', position: null, street: 'Trần Phú' }],
	['kiet 5 tran phu', { alleyKey: 'tran phu|5', position: null }],
	['K5/12 Trần Phú', { alleyKey: 'tran phu|5', position: 12 }],
	['Số 12 kiệt 5 Trần Phú', { alleyKey: 'tran phu|5', position: 12 }],
	['5/12 Trần Phú', { alleyKey: 'tran phu|5', position: 12 }],
	// Rural: thôn, xóm, bản, ấp, tổ — often no house number.
	['Thôn Đồng Tâm', { alleyKey: 'thon dong tam', position: null, hamlet: 'Đồng Tâm' }],
	['thon dong tam', { alleyKey: 'thon dong tam', position: null }],
	['Số 15, thôn Đồng Tâm', { alleyKey: 'thon dong tam', position: 15, side: 'odd' }],
	[
		'Số 15 thôn Đồng Tâm, xã Bình Thành, tỉnh Thái Nguyên',
		{ alleyKey: 'thon dong tam', position: 15 }
	],
	['Xóm Na Hương, xã Bình Thành', { alleyKey: 'xom na huong', position: null }],
	['Bản Nà Sla', { alleyKey: 'ban na sla', position: null }],
	['Buôn Đôn', { alleyKey: 'ban don', position: null }],
	['Ấp Tân Hòa', { alleyKey: 'ap tan hoa', position: null }],
	['Số 34, ấp Tân Hoà', { alleyKey: 'ap tan hoa', position: 34, side: 'even' }],
	['Khóm 3', { alleyKey: 'ap 3', position: null }],
	['Thôn 3', { alleyKey: 'thon 3', position: null }],
	['Xóm 5 Bình Thành', { alleyKey: 'xom 5', position: null, street: null }],
	['Ngõ 3, thôn Đông', { alleyKey: 'thon dong|3', position: null }],
	['Tổ 5', { alleyKey: 'to dan pho 5', position: null }],
	['Tổ dân phố 5', { alleyKey: 'to dan pho 5', position: null }],
	['TDP số 5', { alleyKey: 'to dan pho 5', position: null }],
	['TDP5, phường Phan Đình Phùng', { alleyKey: 'to dan pho 5', position: null }],
	['Khu phố 3', { alleyKey: 'khu pho 3', position: null }],
	['KP.3', { alleyKey: 'khu pho 3', position: null }],
	// A street wins over the hamlet for the alley key.
	['Số 8, ngõ 2, đường Bắc Sơn, tổ 5', { alleyKey: 'bac son|2', position: 8, hamlet: '5' }],
	['Số 2 Quốc lộ 3', { alleyKey: 'quoc lo 3', position: 2 }],
	['Số 2 QL3', { alleyKey: 'quoc lo 3', position: 2 }],
	// Forms from household imports (issue 5): abbreviations with spaces, no diacritics, slashes.
	['hem 210/14 le van sy', { alleyKey: 'le van si|210/14', position: null }],
	['so 5 hem 210/14 duong le van si', { alleyKey: 'le van si|210/14', position: 5 }],
	['Ng. 45 P. Lò Đúc', { alleyKey: 'lo duc|45', position: null }],
	['Số 12 Ngh. 3 Ng. 45 P. Lò Đúc', { alleyKey: 'lo duc|45/3', position: 12 }],
	['so 12 ngh 3 ng 45 p lo duc', { alleyKey: 'lo duc|45/3', position: 12 }],
	['45/3/12 Lò Đúc', { alleyKey: 'lo duc|45/3', position: 12, side: 'even' }],
	['Số 9, kiệt 15 Hùng Vương', { alleyKey: 'hung vuong|15', position: 9, side: 'odd' }],
	['kiet 15 hung vuong so 9', { alleyKey: 'hung vuong|15', position: 9 }],
	['K15/9 Hùng Vương', { alleyKey: 'hung vuong|15', position: 9 }],
	['Số 7 Đ. Trần Phú', { alleyKey: 'tran phu', position: 7 }],
	['xom na huong, xa binh thanh', { alleyKey: 'xom na huong', position: null }]
];

describe('parseAddress', () => {
	it.each(CASES)('parses "%s"', (input, want) => {
		const got = parseAddress(input);
		expect(got.alleyKey).toBe(want.alleyKey);
		expect(got.position).toBe(want.position);
		if (want.side !== undefined) expect(got.side).toBe(want.side);
		if (want.street !== undefined) expect(got.street?.name ?? null).toBe(want.street);
		if (want.hamlet !== undefined) expect(got.hamlet?.name ?? null).toBe(want.hamlet);
		if (want.path !== undefined) expect(got.alleyPath).toEqual(want.path);
	});

	it('gives every way of writing one house the same address key', () => {
		const forms = [
			'Số 12, ngách 3, ngõ 45, phố Lò Đúc',
			'so 12 ngach 3 ngo 45 pho lo duc',
			'12 Ngh.3 Ng.45 P.Lò Đúc',
			'Số 12 ngách 45/3 Lò Đúc, Hà Nội'
		];
		const keys = new Set(forms.map((f) => parseAddress(f).addressKey));
		expect([...keys]).toEqual(['lo duc|45/3#12']);
	});

	it('tells houses of one alley apart by address key but not by alley key', () => {
		const a = parseAddress('210/14/5 Lê Văn Sỹ');
		const b = parseAddress('210/14/6 Lê Văn Sỹ');
		expect(a.alleyKey).toBe(b.alleyKey);
		expect(a.addressKey).not.toBe(b.addressKey);
		expect([a.side, b.side]).toEqual(['odd', 'even']);
	});

	it('keeps the letter of a house number as a suffix that sorts after the number', () => {
		expect(parseAddress('12A Lý Thường Kiệt').house).toEqual({
			number: 12,
			suffix: 'a',
			key: '12a'
		});
	});

	it('separates alleys with the same number on different streets', () => {
		expect(parseAddress('Ngõ 5 Lò Đúc').alleyKey).not.toBe(parseAddress('Ngõ 5 Kim Mã').alleyKey);
	});

	it('does not take a surname for a keyword (Dương ≠ đường, Tô ≠ tổ, Bàn ≠ bản)', () => {
		expect(parseAddress('Số 8 Dương Quảng Hàm').street?.key).toBe('duong quang ham');
		expect(parseAddress('Số 8 Tô Hiến Thành').hamlet).toBeNull();
		expect(parseAddress('Số 8 Bàn Cờ').street?.key).toBe('ban co');
	});

	it('ignores administrative units after the address', () => {
		const a = parseAddress('Số 15 thôn Đồng Tâm, xã Bình Thành, huyện Định Hóa, tỉnh Thái Nguyên');
		expect(a.addressKey).toBe('thon dong tam#15');
	});

	it('returns empty keys for empty input and never throws on noise', () => {
		expect(parseAddress('').alleyKey).toBe('');
		expect(parseAddress(' , ; - ').alleyKey).toBe('');
		expect(() => parseAddress('??? /// 12//3 ,,, số')).not.toThrow();
	});

	it('reads text without any keyword as a street name', () => {
		expect(parseAddress('gần chợ Đồng Xuân').alleyKey).toBe('gan cho dong xuan');
	});
});

const STREETS = ['Lò Đúc', 'Lê Văn Sỹ', 'Trần Phú', 'Hoàng Văn Thụ', 'Bắc Sơn', 'Nguyễn Trãi'];
const HAMLETS = ['Thôn Đồng Tâm', 'Xóm Na Hương', 'Bản Nà Sla', 'Ấp Tân Hòa', 'Tổ dân phố 5'];

/** One synthetic address in a random but real-world shape, with the keys it must produce. */
const addressArb = fc
	.record({
		street: fc.constantFrom(...STREETS),
		hamlet: fc.constantFrom(...HAMLETS),
		ngo: fc.integer({ min: 1, max: 400 }),
		ngach: fc.integer({ min: 1, max: 99 }),
		house: fc.integer({ min: 1, max: 300 }),
		shape: fc.integer({ min: 0, max: 5 })
	})
	.map(({ street, hamlet, ngo, ngach, house, shape }) => {
		const forms = [
			`Số ${house}, ngách ${ngach}, ngõ ${ngo}, phố ${street}`,
			`${ngo}/${ngach}/${house} ${street}`,
			`Số ${house} hẻm ${ngo}/${ngach} ${street}`,
			`Số ${house}, ${hamlet}`,
			`Kiệt ${ngo} ${street}`,
			`${house} ${street}`
		];
		return forms[shape]!;
	});

describe('parseAddress properties', () => {
	it('gives the same keys with or without diacritics', () => {
		fc.assert(
			fc.property(addressArb, (address) => {
				const a = parseAddress(address);
				const b = parseAddress(fold(address));
				expect(b.alleyKey).toBe(a.alleyKey);
				expect(b.addressKey).toBe(a.addressKey);
			})
		);
	});

	it('puts houses written with slashes and with keywords in the same alley', () => {
		fc.assert(
			fc.property(
				fc.constantFrom(...STREETS),
				fc.integer({ min: 1, max: 400 }),
				fc.integer({ min: 1, max: 99 }),
				fc.integer({ min: 1, max: 300 }),
				(street, ngo, ngach, house) => {
					const slash = parseAddress(`${ngo}/${ngach}/${house} ${street}`);
					const words = parseAddress(`Số ${house}, ngách ${ngach}, ngõ ${ngo}, ${street}`);
					expect(slash.addressKey).toBe(words.addressKey);
					expect(slash.position).toBe(house);
				}
			)
		);
	});
});
