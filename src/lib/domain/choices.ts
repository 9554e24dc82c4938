/**
 * The coded choices of the data model, written once: the drizzle schema's column enums, the
 * write and API validation, the CSV labels (csv-labels.ts), the offline backup file and the
 * management forms all import them from here (docs/style.md, "One contract"). The words behind
 * them are in docs/domain.md.
 */

/** Kinds of place below a commune: thôn, xóm, bản, ấp, tổ dân phố. */
export const HAMLET_KINDS = ['thon', 'xom', 'ban', 'ap', 'to_dan_pho'] as const;
export type HamletKind = (typeof HAMLET_KINDS)[number];

/** Where a team member comes from: Youth Union, Women's Union, officials, police, … */
export const UNION_AFFILIATIONS = [
	'doan_thanh_nien',
	'hoi_phu_nu',
	'cong_chuc',
	'cong_an',
	'giao_vien',
	'tinh_nguyen',
	'khac'
] as const;
export type UnionAffiliation = (typeof UNION_AFFILIATIONS)[number];

/** A member's OneTouch training: not started, in progress, completed. */
export const ONETOUCH_STATUSES = ['chua_hoc', 'dang_hoc', 'da_hoan_thanh'] as const;
export type OnetouchStatus = (typeof ONETOUCH_STATUSES)[number];

/** A member's role in their team (not a login role: see roles.ts). */
export const TEAM_ROLES = ['to_truong', 'to_pho', 'thanh_vien'] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

/** A route's life: planned, given to a member, walked, finished, or called off. */
export const ROUTE_STATUSES = ['draft', 'assigned', 'in_progress', 'done', 'cancelled'] as const;
export type RouteStatus = (typeof ROUTE_STATUSES)[number];

/** Route statuses whose outing is still to be walked (or being walked). */
export const OPEN_ROUTE_STATUSES = [
	'draft',
	'assigned',
	'in_progress'
] as const satisfies readonly RouteStatus[];

/** What a visit found; do_not_contact also sets the household's flag. */
export const VISIT_OUTCOMES = ['met', 'not_home', 'refused', 'moved', 'do_not_contact'] as const;
export type VisitOutcome = (typeof VISIT_OUTCOMES)[number];

/** What an audit entry records: a write, a read or an export of personal data, an account event. */
export const AUDIT_KINDS = ['write', 'read', 'export', 'auth'] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

/** Whether a household's point was checked on the ground or still needs a look. */
export const LOCATION_STATUSES = ['exact', 'needs_check'] as const;
export type LocationStatus = (typeof LOCATION_STATUSES)[number];
