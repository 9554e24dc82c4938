/**
 * Public reference data, published figures, the base map, login and invite links.
 *
 * What each route says about itself in the OpenAPI document, one group per route file: the
 * summary in English and Vietnamese, whether it needs a login, its success status and errors.
 * A route file imports its group as `doc` and passes `doc.<key>` after the path, where the key
 * is the method and the path (`get`, `getById`, `postByIdMembers`, like its operationId).
 * Parameters and bodies are not here: they come from the route's validators.
 */
import { operation } from '../describe.ts';

/** routes/health.ts */
export const healthOps = {
	get: operation(
		'Service state and reference-data counts',
		'Trạng thái dịch vụ và số đơn vị hành chính'
	),
	getPublicReads: operation(
		"This isolate's public-read counters (benchmarks only)",
		'Bộ đếm lượt đọc công khai (chỉ dùng khi đo hiệu năng)',
		{ errors: [404] }
	)
};

/** routes/provinces.ts */
export const provincesOps = {
	get: operation('The 34 provinces', 'Danh sách 34 tỉnh, thành phố'),
	getByCode: operation('One province by its 2-digit code', 'Một tỉnh theo mã 2 chữ số', {
		errors: [404]
	})
};

/** routes/communes.ts */
export const communesOps = {
	get: operation("A province's communes", 'Các xã, phường của một tỉnh', { errors: [404] }),
	getByCode: operation('One commune by its 5-digit code', 'Một xã theo mã 5 chữ số', {
		errors: [404]
	})
};

/** routes/search.ts */
export const searchOps = {
	get: operation(
		'Places by name, ignoring case and diacritics',
		'Tìm địa danh theo tên, không phân biệt hoa thường và dấu'
	)
};

/** routes/basemap.ts */
export const basemapOps = {
	getTilesByZByXByFile: operation(
		'One vector tile of the base map (…/{y}.mvt)',
		'Một ô bản đồ nền dạng vector (…/{y}.mvt)',
		{ errors: [400, 404] }
	),
	getStyleJson: operation('The MapLibre style of the base map', 'Kiểu bản đồ nền (MapLibre)', {
		errors: [404]
	}),
	getGraphsByCode: operation(
		"A commune's street graph (binary)",
		'Mạng đường phố của một xã (nhị phân)',
		{ errors: [400, 404] }
	)
};

/** routes/auth.ts */
export const authOps = {
	postLogin: operation('Log in: sets the session cookie', 'Đăng nhập: đặt cookie phiên', {
		errors: [401, 429]
	}),
	postLogout: operation('Log out: ends the session', 'Đăng xuất: kết thúc phiên'),
	getMe: operation('The logged-in account, or null', 'Tài khoản đang đăng nhập, hoặc null'),
	postPassword: operation('Change the own password', 'Đổi mật khẩu của mình', {
		auth: true,
		errors: [429]
	})
};

/** routes/invites-token.ts */
export const invitesTokenOps = {
	getByToken: operation(
		'What an invite link offers (public)',
		'Thông tin lời mời theo đường dẫn (công khai)',
		{ errors: [404, 410] }
	),
	postByTokenAccept: operation(
		'Accept an invite: creates the account and logs in',
		'Nhận lời mời: tạo tài khoản và đăng nhập',
		{ status: 201, errors: [404, 409, 410, 429] }
	)
};

/** routes/metrics.ts */
export const metricsOps = {
	get: operation(
		'The metric catalogue and when the figures were computed',
		'Danh mục chỉ số và thời điểm tính'
	),
	getCommunes: operation('One metric for every commune', 'Một chỉ số cho tất cả các xã'),
	getAreasByCode: operation(
		'Every metric of one commune or province',
		'Mọi chỉ số của một xã hoặc một tỉnh',
		{ errors: [404] }
	)
};
