/**
 * The Vietnamese words people write in CSV files for each coded choice. The first label is the
 * one exports write; any label (or the code), ignoring case and diacritics, is accepted on import.
 */
import type { HamletKind, OnetouchStatus, TeamRole, UnionAffiliation } from './choices.ts';

export const UNION_LABELS = {
	doan_thanh_nien: ['Đoàn Thanh niên', 'Đoàn TN', 'ĐTN', 'Đoàn viên'],
	hoi_phu_nu: ['Hội Phụ nữ', 'Hội PN', 'HPN', 'Phụ nữ'],
	cong_chuc: ['Công chức', 'Cán bộ', 'Cán bộ, công chức'],
	cong_an: ['Công an'],
	giao_vien: ['Giáo viên'],
	tinh_nguyen: ['Tình nguyện viên', 'Tình nguyện'],
	khac: ['Khác']
} as const satisfies Record<UnionAffiliation, readonly string[]>;

export const TEAM_ROLE_LABELS = {
	to_truong: ['Tổ trưởng'],
	to_pho: ['Tổ phó'],
	thanh_vien: ['Thành viên']
} as const satisfies Record<TeamRole, readonly string[]>;

export const ONETOUCH_LABELS = {
	chua_hoc: ['Chưa học', 'Chưa'],
	dang_hoc: ['Đang học'],
	da_hoan_thanh: ['Đã hoàn thành', 'Hoàn thành', 'Đã học']
} as const satisfies Record<OnetouchStatus, readonly string[]>;

export const HAMLET_KIND_LABELS = {
	thon: ['Thôn'],
	xom: ['Xóm'],
	ban: ['Bản'],
	ap: ['Ấp'],
	to_dan_pho: ['Tổ dân phố', 'TDP']
} as const satisfies Record<HamletKind, readonly string[]>;

/** The label an export writes for a code. */
export function labelOf<T extends string>(labels: Record<T, readonly string[]>, code: T): string {
	return labels[code][0] ?? code;
}
