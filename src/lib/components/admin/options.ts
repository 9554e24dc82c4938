/** Choice lists for management forms, as i18n keys (the codes are the database enums). */
import type { MessageKey } from '$lib/i18n';

export const UNION_CODES = [
	'doan_thanh_nien',
	'hoi_phu_nu',
	'cong_chuc',
	'cong_an',
	'giao_vien',
	'tinh_nguyen',
	'khac'
] as const;
export const ONETOUCH_CODES = ['chua_hoc', 'dang_hoc', 'da_hoan_thanh'] as const;
export const TEAM_ROLE_CODES = ['to_truong', 'to_pho', 'thanh_vien'] as const;
export const HAMLET_KIND_CODES = ['thon', 'xom', 'ban', 'ap', 'to_dan_pho'] as const;

export const unionKey = (c: string) => `union.${c}` as MessageKey;
export const onetouchKey = (c: string) => `onetouch.${c}` as MessageKey;
export const teamRoleKey = (c: string) => `teamRole.${c}` as MessageKey;
export const hamletKindKey = (c: string) => `hamletKind.${c}` as MessageKey;
export const roleKey = (c: string) => `role.${c}` as MessageKey;
