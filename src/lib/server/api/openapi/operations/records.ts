/**
 * Households, routes, visits, field work, the leaders’ day and personal-data rights.
 *
 * What each route says about itself in the OpenAPI document, one group per route file: the
 * summary in English and Vietnamese, whether it needs a login, its success status and errors.
 * A route file imports its group as `doc` and passes `doc.<key>` after the path, where the key
 * is the method and the path (`get`, `getById`, `postByIdMembers`, like its operationId).
 * Parameters and bodies are not here: they come from the route's validators.
 */
import { operation } from '../describe.ts';

/** routes/households-csv.ts */
export const householdsCsvOps = {
	postImport: operation(
		'Import households from CSV (preview, then commit=1)',
		'Nhập hộ dân từ CSV (xem trước, rồi commit=1)',
		{ auth: true, csv: 'request', errors: [404, 413, 422] }
	)
};

/** routes/households.ts */
export const householdsOps = {
	get: operation(
		"A commune's households for planning (no names or phones; audited)",
		'Hộ dân của xã để lập tuyến (không có tên, số điện thoại; có ghi nhật ký)',
		{ auth: true, errors: [404] }
	),
	getById: operation(
		'One household with its personal fields (audited)',
		'Một hộ dân kèm thông tin cá nhân (có ghi nhật ký)',
		{ auth: true, errors: [404] }
	),
	post: operation('Add a household', 'Thêm hộ dân', {
		auth: true,
		status: 201,
		errors: [404, 409, 422]
	}),
	patchById: operation(
		'Edit a household or move it on the map',
		'Sửa hộ dân hoặc dời vị trí trên bản đồ',
		{ auth: true, errors: [404, 409, 422] }
	)
};

/** routes/visit-routes.ts */
export const visitRoutesOps = {
	get: operation("A commune's or team's routes", 'Các tuyến đi của xã hoặc của tổ', {
		auth: true,
		errors: [404]
	}),
	getMine: operation("The caller's assigned routes", 'Các tuyến được giao cho tôi', { auth: true }),
	getById: operation('A route with its ordered stops', 'Một tuyến và các hộ theo thứ tự đi', {
		auth: true,
		errors: [404]
	}),
	post: operation('Store a plan of routes', 'Lưu kế hoạch các tuyến đi', {
		auth: true,
		status: 201,
		errors: [404, 409, 422]
	}),
	patchById: operation(
		'Assign a route to a member on a date',
		'Giao tuyến cho thành viên vào một ngày',
		{ auth: true, errors: [404, 409, 422] }
	),
	postByIdCancel: operation('Cancel a route', 'Hủy tuyến', { auth: true, errors: [404, 409] })
};

/** routes/visits.ts */
export const visitsOps = {
	post: operation('Sync a batch of visits from a device', 'Đồng bộ một lô lượt thăm từ thiết bị', {
		auth: true,
		errors: [409, 413]
	}),
	getMine: operation(
		'The visits the server holds from the caller',
		'Các lượt thăm của tôi đã lên máy chủ',
		{ auth: true }
	),
	getDevices: operation(
		"The caller's devices and their sync state",
		'Thiết bị của tôi và tình trạng đồng bộ',
		{ auth: true }
	)
};

/** routes/field.ts */
export const fieldOps = {
	getRoutes: operation('The routes the caller walks', 'Các tuyến tôi đi', { auth: true }),
	getRoutesById: operation(
		"One route's offline pack (audited)",
		'Gói ngoại tuyến của một tuyến (có ghi nhật ký)',
		{ auth: true, errors: [404] }
	)
};

/** routes/overview.ts */
export const overviewOps = {
	get: operation(
		"The day of a commune's teams (audited)",
		'Ngày làm việc của các tổ trong xã (có ghi nhật ký)',
		{ auth: true, errors: [404] }
	)
};

/** routes/personal-data.ts */
export const personalDataOps = {
	getHouseholdsByIdExport: operation(
		'Everything held about a household, as a JSON file',
		'Xuất mọi dữ liệu về một hộ dân (tệp JSON)',
		{ auth: true, errors: [404, 410] }
	),
	postHouseholdsByIdErase: operation(
		"Erase a household's personal data",
		'Xóa dữ liệu cá nhân của một hộ',
		{ auth: true, errors: [404, 410] }
	),
	postHouseholdsByIdKeep: operation(
		'Keep a household on retention review',
		'Giữ lại hộ dân khi rà soát thời hạn lưu',
		{ auth: true, errors: [404, 410] }
	),
	getMembersByIdExport: operation(
		'Everything held about a member, as a JSON file',
		'Xuất mọi dữ liệu về một thành viên (tệp JSON)',
		{ auth: true, errors: [404, 410] }
	),
	postMembersByIdErase: operation(
		'Erase a member and their accounts',
		'Xóa thành viên và tài khoản của họ',
		{ auth: true, errors: [404, 410] }
	),
	getReview: operation(
		'Households due for retention review',
		'Hộ dân đến hạn rà soát thời hạn lưu',
		{ auth: true, errors: [404] }
	)
};
