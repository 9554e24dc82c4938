/**
 * Accounts, invitations, teams, members, hamlets and the audit log.
 *
 * What each route says about itself in the OpenAPI document, one group per route file: the
 * summary in English and Vietnamese, whether it needs a login, its success status and errors.
 * A route file imports its group as `doc` and passes `doc.<key>` after the path, where the key
 * is the method and the path (`get`, `getById`, `postByIdMembers`, like its operationId).
 * Parameters and bodies are not here: they come from the route's validators.
 */
import { operation } from '../describe.ts';

/** routes/users.ts */
export const usersOps = {
	get: operation(
		'Accounts of an area (personal data, audited)',
		'Tài khoản của một địa bàn (dữ liệu cá nhân, có ghi nhật ký)',
		{ auth: true }
	),
	postByIdRevokeSessions: operation(
		"End all of a user's sessions",
		'Đăng xuất người dùng khỏi mọi thiết bị',
		{ auth: true, errors: [404, 410] }
	),
	postByIdDisable: operation('Disable or enable an account', 'Khóa hoặc mở khóa tài khoản', {
		auth: true,
		errors: [404, 410]
	})
};

/** routes/invites.ts */
export const invitesOps = {
	post: operation(
		'Create an invite link for a role and scope',
		'Tạo đường dẫn mời theo vai trò và phạm vi',
		{ auth: true, status: 201 }
	),
	get: operation("An area's invites", 'Danh sách lời mời của một địa bàn', { auth: true }),
	deleteById: operation('Revoke an invite', 'Thu hồi lời mời', { auth: true, errors: [404] })
};

/** routes/teams-csv.ts */
export const teamsCsvOps = {
	postImport: operation(
		'Import teams and members from CSV (preview, then commit=1)',
		'Nhập tổ và thành viên từ CSV (xem trước, rồi commit=1)',
		{ auth: true, csv: 'request', errors: [404, 413, 422] }
	),
	getExport: operation(
		"A commune's teams and members as CSV (audited)",
		'Xuất tổ và thành viên của xã ra CSV (có ghi nhật ký)',
		{ auth: true, csv: 'response', errors: [404] }
	)
};

/** routes/teams.ts */
export const teamsOps = {
	get: operation("A commune's teams", 'Các tổ công nghệ số của một xã', {
		auth: true,
		errors: [404]
	}),
	post: operation('Create a team', 'Thành lập tổ', { auth: true, status: 201, errors: [404] }),
	getById: operation('One team', 'Một tổ', { auth: true, errors: [404] }),
	patchById: operation('Edit or deactivate a team', 'Sửa hoặc ngừng hoạt động một tổ', {
		auth: true,
		errors: [404]
	}),
	getByIdMembers: operation(
		"A team's members (personal data, audited)",
		'Thành viên của tổ (dữ liệu cá nhân, có ghi nhật ký)',
		{ auth: true, errors: [404] }
	),
	postByIdMembers: operation('Add a member to a team', 'Thêm thành viên vào tổ', {
		auth: true,
		status: 201,
		errors: [404, 409]
	})
};

/** routes/members.ts */
export const membersOps = {
	patchById: operation(
		'Edit, deactivate or move a member',
		'Sửa, cho nghỉ hoặc chuyển tổ một thành viên',
		{ auth: true, errors: [404, 409] }
	)
};

/** routes/hamlets-csv.ts */
export const hamletsCsvOps = {
	postImport: operation(
		'Import hamlets from CSV (preview, then commit=1)',
		'Nhập thôn, tổ dân phố từ CSV (xem trước, rồi commit=1)',
		{ auth: true, csv: 'request', errors: [404, 413, 422] }
	),
	getExport: operation("A commune's hamlets as CSV", 'Xuất thôn, tổ dân phố của xã ra CSV', {
		auth: true,
		csv: 'response',
		errors: [404]
	})
};

/** routes/hamlets.ts */
export const hamletsOps = {
	get: operation("A commune's hamlets and residential groups", 'Thôn, tổ dân phố của một xã', {
		auth: true,
		errors: [404]
	}),
	post: operation('Enter a hamlet', 'Thêm thôn, tổ dân phố', {
		auth: true,
		status: 201,
		errors: [404, 409]
	}),
	patchById: operation('Edit a hamlet', 'Sửa thôn, tổ dân phố', { auth: true, errors: [404, 409] })
};

/** routes/audit.ts */
export const auditOps = {
	get: operation(
		'The audit log of an area, newest first',
		'Nhật ký thao tác của một địa bàn, mới nhất trước',
		{ auth: true, errors: [404] }
	)
};
