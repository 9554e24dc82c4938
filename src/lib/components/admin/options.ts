/** Choice lists for management forms and their i18n keys (the codes are domain/choices.ts). */
import type { MessageKey } from '$lib/i18n';

/** The forms' choice lists are the domain's coded choices, under the forms' names. */
export {
	UNION_AFFILIATIONS as UNION_CODES,
	ONETOUCH_STATUSES as ONETOUCH_CODES,
	TEAM_ROLES as TEAM_ROLE_CODES,
	HAMLET_KINDS as HAMLET_KIND_CODES
} from '$lib/domain/choices';

export const unionKey = (c: string) => `union.${c}` as MessageKey;
export const onetouchKey = (c: string) => `onetouch.${c}` as MessageKey;
export const teamRoleKey = (c: string) => `teamRole.${c}` as MessageKey;
export const hamletKindKey = (c: string) => `hamletKind.${c}` as MessageKey;
export const roleKey = (c: string) => `role.${c}` as MessageKey;
