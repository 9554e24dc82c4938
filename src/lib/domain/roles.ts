/**
 * Roles and what each may change, exactly as in docs/domain.md "Roles and scope". Pure data and
 * rules: the server enforces them on every API route and page load; the UI only hides what
 * the server already forbids.
 */

/** Login roles, strongest first. `public` is the absence of a login. */
export const ROLES = ['admin', 'province_admin', 'commune_admin', 'team_leader', 'member'] as const;
export type Role = (typeof ROLES)[number];

/** The roles that administer an area (exports, erasure, the audit log); never team leaders. */
export const ADMIN_ROLES = [
	'admin',
	'province_admin',
	'commune_admin'
] as const satisfies readonly Role[];

/** True for a role of ADMIN_ROLES (the UI shows their actions; the server checks the area). */
export function isAdminRole(role: unknown): boolean {
	return (ADMIN_ROLES as readonly unknown[]).includes(role);
}

/** Higher is stronger; used to say who may manage whose account. */
export const ROLE_RANK: Record<Role, number> = {
	admin: 5,
	province_admin: 4,
	commune_admin: 3,
	team_leader: 2,
	member: 1
};

/**
 * Which roles each role may invite (docs/domain.md: a province admin changes commune admins; a
 * commune admin changes teams and members, so it invites leaders and members; a team leader
 * brings members into their own team).
 */
export const INVITABLE_ROLES: Record<Role, readonly Role[]> = {
	admin: ROLES,
	province_admin: ['commune_admin'],
	commune_admin: ['team_leader', 'member'],
	team_leader: ['member'],
	member: []
};

/** Vietnamese labels for the UI (English keys live in i18n). */
export const ROLE_LABELS_VI: Record<Role, string> = {
	admin: 'Quản trị hệ thống',
	province_admin: 'Quản trị tỉnh',
	commune_admin: 'Quản trị xã',
	team_leader: 'Tổ trưởng',
	member: 'Thành viên'
};

/** True when `value` is one of the login roles. */
export function isRole(value: unknown): value is Role {
	return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Which scope fields a role needs: admin none; province admin a province; … member a team. */
export function requiredScope(role: Role): 'none' | 'province' | 'commune' | 'team' {
	switch (role) {
		case 'admin':
			return 'none';
		case 'province_admin':
			return 'province';
		case 'commune_admin':
			return 'commune';
		case 'team_leader':
			// A leader may join before their team exists and then create it (issue 4 flow).
			return 'commune';
		case 'member':
			return 'team';
	}
}
