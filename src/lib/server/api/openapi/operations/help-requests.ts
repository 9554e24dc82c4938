/** Help requests from the public and their Open311 GeoReport v2 surface (issue 17 §1). */
import { operation } from '../describe.ts';

/** routes/help-requests.ts */
export const helpRequestsOps = {
	post: operation(
		'File a help request (no account; rate-limited; a duplicate gets the open request’s code)',
		'Gửi yêu cầu hỗ trợ (không cần tài khoản; giới hạn số lần; yêu cầu trùng nhận lại mã cũ)',
		{ status: 201, errors: [403, 404, 429] }
	),
	getStatusByCode: operation(
		'A request’s status by its code (nothing personal)',
		'Trạng thái yêu cầu theo mã (không có thông tin cá nhân)',
		{ errors: [404] }
	),
	getUnplanned: operation(
		'How many requests wait over a week unplanned (no phones)',
		'Số yêu cầu chờ quá 7 ngày chưa được xếp lịch (không có số điện thoại)',
		{ auth: true, errors: [404] }
	),
	get: operation(
		'A commune’s help requests, with phones (its leaders; audited)',
		'Các yêu cầu hỗ trợ của một xã, có số điện thoại (lãnh đạo xã, tổ trưởng; có ghi nhật ký)',
		{ auth: true, errors: [404] }
	),
	postByIdClose: operation(
		'Close a request without a visit, with the reason',
		'Đóng yêu cầu khi không đến thăm, kèm lý do',
		{ auth: true, errors: [404, 409] }
	)
};

/** routes/open311.ts */
export const open311Ops = {
	getServicesJson: operation(
		'Open311 GeoReport v2: the services one may ask help with',
		'Open311 GeoReport v2: các dịch vụ có thể yêu cầu hỗ trợ',
		{ tags: ['open311'] }
	),
	getServicesByFile: operation(
		'Open311 GeoReport v2: a service’s definition (services/{service_code}.json)',
		'Open311 GeoReport v2: định nghĩa một dịch vụ (services/{service_code}.json)',
		{ tags: ['open311'], errors: [404] }
	),
	postRequestsJson: operation(
		'Open311 GeoReport v2: file a request (form-encoded; address_id = commune code; no lat/long)',
		'Open311 GeoReport v2: gửi yêu cầu (address_id = mã xã; không nhận toạ độ)',
		{ tags: ['open311'], status: 201, errors: [403, 404, 429] }
	),
	getRequestsByFile: operation(
		'Open311 GeoReport v2: a request’s status (requests/{service_request_id}.json)',
		'Open311 GeoReport v2: trạng thái một yêu cầu (requests/{service_request_id}.json)',
		{ tags: ['open311'], errors: [404] }
	)
};
