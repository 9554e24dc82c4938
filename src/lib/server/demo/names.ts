/**
 * Word lists for synthetic but plausible Vietnamese names: people, hamlets and streets.
 * Northern mountain provinces (Thái Nguyên, Lạng Sơn, Cao Bằng …) get Tày–Nùng hamlet names and
 * family names beside the Kinh ones.
 */
import type { Rng } from './rng.ts';

const FAMILY_KINH = [
	'Nguyễn',
	'Trần',
	'Lê',
	'Phạm',
	'Hoàng',
	'Vũ',
	'Đặng',
	'Bùi',
	'Đỗ',
	'Hồ',
	'Ngô',
	'Dương',
	'Lý',
	'Phan',
	'Đinh',
	'Trịnh'
];
const FAMILY_TAY_NUNG = [
	'Nông',
	'Hoàng',
	'Lương',
	'Vi',
	'Lộc',
	'Triệu',
	'Ma',
	'Hà',
	'Đàm',
	'Chu',
	'Lăng',
	'Hứa',
	'Mông'
];
const MIDDLE_MALE = ['Văn', 'Đức', 'Minh', 'Quang', 'Hữu', 'Thanh', 'Công', 'Xuân', 'Tiến'];
const MIDDLE_FEMALE = ['Thị', 'Thu', 'Ngọc', 'Thanh', 'Hồng', 'Minh', 'Phương', 'Kim'];
const GIVEN_MALE = [
	'An',
	'Bình',
	'Cường',
	'Dũng',
	'Hải',
	'Hùng',
	'Khánh',
	'Long',
	'Minh',
	'Nam',
	'Phong',
	'Quân',
	'Sơn',
	'Thắng',
	'Tuấn',
	'Việt',
	'Đạt',
	'Hiếu',
	'Trung',
	'Toàn'
];
const GIVEN_FEMALE = [
	'Anh',
	'Châu',
	'Giang',
	'Hà',
	'Hạnh',
	'Hoa',
	'Hương',
	'Lan',
	'Linh',
	'Mai',
	'Nga',
	'Nhung',
	'Phương',
	'Thảo',
	'Trang',
	'Vân',
	'Yến',
	'Huyền',
	'Oanh',
	'Thủy'
];

const HAMLET_KINH_A = [
	'Đồng',
	'Tân',
	'Bắc',
	'Nam',
	'Đông',
	'Tây',
	'Thượng',
	'Hạ',
	'Trung',
	'Phú',
	'Phúc',
	'An',
	'Hòa',
	'Thanh',
	'Yên',
	'Quyết',
	'Hợp',
	'Liên',
	'Tiến',
	'Làng'
];
const HAMLET_KINH_B = [
	'Tâm',
	'Lập',
	'Sơn',
	'Tiến',
	'Thắng',
	'Lợi',
	'Hòa',
	'Thành',
	'Phong',
	'Xuân',
	'Kết',
	'Bình',
	'Hưng',
	'Lộc',
	'Quang',
	'Minh',
	'Mới',
	'Chùa',
	'Đình',
	'Trại'
];
const HAMLET_TAY_A = [
	'Nà',
	'Khuổi',
	'Pác',
	'Còn',
	'Pò',
	'Khau',
	'Phai',
	'Lũng',
	'Nặm',
	'Cốc',
	'Thâm',
	'Nà',
	'Khòn'
];
const HAMLET_TAY_B = [
	'Sla',
	'Mịt',
	'Pàn',
	'Chắt',
	'Phất',
	'Mã',
	'Hẩu',
	'Slam',
	'Luông',
	'Lạn',
	'Vài',
	'Phầy',
	'Tềnh',
	'Nưa',
	'Coóc',
	'Mò',
	'Quân',
	'Rọ'
];

/** Streets named after people and events, as found in most towns. */
const STREETS_COMMON = [
	'Trần Phú',
	'Lê Lợi',
	'Nguyễn Trãi',
	'Hoàng Văn Thụ',
	'Quang Trung',
	'Lý Thường Kiệt',
	'Bà Triệu',
	'Hai Bà Trưng',
	'Điện Biên Phủ',
	'Nguyễn Du',
	'Phan Đình Phùng',
	'Chu Văn An',
	'Hùng Vương',
	'Trần Hưng Đạo',
	'Ngô Quyền',
	'Nguyễn Thái Học',
	'Lê Hồng Phong',
	'Võ Thị Sáu',
	'Lê Duẩn',
	'Nguyễn Văn Cừ',
	'Cách Mạng Tháng Tám',
	'Phan Bội Châu',
	'Nguyễn Huệ',
	'Kim Đồng'
];

/** Streets of the provinces with many demo towns, so addresses look local. */
const STREETS_LOCAL: Readonly<Record<string, readonly string[]>> = {
	'01': ['Lò Đúc', 'Kim Mã', 'Tô Hiến Thành', 'Bà Triệu', 'Hàng Bài', 'Chùa Bộc', 'Đội Cấn'],
	'19': [
		'Lương Ngọc Quyến',
		'Minh Cầu',
		'Bắc Sơn',
		'Hoàng Văn Thụ',
		'Phan Đình Phùng',
		'Quang Trung',
		'Bến Oánh'
	],
	'20': ['Tam Thanh', 'Phai Vệ', 'Bà Triệu', 'Lê Lợi', 'Trần Đăng Ninh', 'Bắc Sơn', 'Văn Vỉ'],
	'46': ['Trần Phú', 'Lê Lợi', 'Hùng Vương', 'Phan Chu Trinh', 'Ngự Bình', 'Điện Biên Phủ'],
	'48': ['Trần Phú', 'Lê Duẩn', 'Hoàng Diệu', 'Ông Ích Khiêm', 'Phan Chu Trinh', 'Hùng Vương'],
	'79': [
		'Lê Văn Sỹ',
		'Nguyễn Trãi',
		'Võ Thị Sáu',
		'Cách Mạng Tháng Tám',
		'Pasteur',
		'Điện Biên Phủ'
	]
};

/** Street names for a province's towns: its own where known, else common ones. */
export function streetsOf(provinceCode: string): readonly string[] {
	return STREETS_LOCAL[provinceCode] ?? STREETS_COMMON;
}

/** Provinces where Tày–Nùng names are common (northern mountains). */
const TAY_NUNG_PROVINCES = new Set(['04', '08', '11', '12', '14', '15', '19', '20']);

export type Gender = 'male' | 'female';

/** A full name, family name first; about one in three Tày–Nùng in the northern mountains. */
export function personName(rng: Rng, provinceCode: string, gender: Gender): string {
	const tay = TAY_NUNG_PROVINCES.has(provinceCode) && rng.chance(0.35);
	const family = rng.pick(tay ? FAMILY_TAY_NUNG : FAMILY_KINH);
	const middle = rng.pick(gender === 'female' ? MIDDLE_FEMALE : MIDDLE_MALE);
	const given = rng.pick(gender === 'female' ? GIVEN_FEMALE : GIVEN_MALE);
	return `${family} ${middle} ${given}`;
}

/** A two-syllable place name ("Đồng Tâm", "Nà Sla"), not one of `taken`. */
export function placeName(rng: Rng, provinceCode: string, taken: Set<string>): string {
	const tay = TAY_NUNG_PROVINCES.has(provinceCode) && rng.chance(0.45);
	for (let i = 0; i < 50; i++) {
		const a = rng.pick(tay ? HAMLET_TAY_A : HAMLET_KINH_A);
		const b = rng.pick(tay ? HAMLET_TAY_B : HAMLET_KINH_B);
		const name = `${a} ${b}`;
		if (a !== b && !taken.has(name)) {
			taken.add(name);
			return name;
		}
	}
	const fallback = `${rng.pick(HAMLET_KINH_A)} ${taken.size + 1}`;
	taken.add(fallback);
	return fallback;
}

/**
 * A phone number in the old 11-digit 012x range, retired in 2018 and never reissued as a
 * 10-digit number: plausible on screen, nobody's real number.
 */
export function demoPhone(rng: Rng): string {
	return `012${String(rng.int(0, 9_999_999)).padStart(7, '0')}`;
}
