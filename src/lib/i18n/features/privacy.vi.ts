/** Vietnamese text of personal-data rights (issue 13): export, erasure, retention review. */
export const privacyVi = {
	'privacy.title': 'Dữ liệu cá nhân',
	'privacy.link': 'Dữ liệu cá nhân: xuất, xóa, rà soát lưu giữ',
	'privacy.export': 'Xuất dữ liệu',
	'privacy.erase': 'Xóa dữ liệu cá nhân',
	'privacy.keep': 'Giữ lại',
	'privacy.cancel': 'Thôi',
	'privacy.reason': 'Lý do (bắt buộc, được ghi vào nhật ký truy cập)',
	'privacy.reasonHint':
		'Ví dụ: "Người dân yêu cầu ngày 02/12", "Hộ đã chuyển đi". Không ghi tên hay số điện thoại.',
	'privacy.reasonKeep': 'Lý do giữ lại (không bắt buộc)',
	'privacy.reasonMissing': 'Hãy ghi lý do (ít nhất 3 ký tự).',
	'privacy.exportTitle': 'Xuất toàn bộ dữ liệu về {name}',
	'privacy.exportExplain':
		'Tệp JSON gồm mọi thông tin đang lưu về người này. Tệp chứa dữ liệu cá nhân: chỉ gửi cho chính người đó, và xóa bản trên máy sau khi gửi.',
	'privacy.exportConfirm': 'Tải tệp xuống',
	'privacy.exported': 'Đã tải xuống {file}.',
	'privacy.eraseTitle': 'Xóa dữ liệu cá nhân của {name}',
	'privacy.eraseConfirm': 'Xóa vĩnh viễn',
	'privacy.erasedHousehold': 'Đã xóa dữ liệu cá nhân của hộ. Số liệu công khai không thay đổi.',
	'privacy.erasedMember': 'Đã xóa dữ liệu cá nhân của thành viên và khóa tài khoản.',
	'privacy.kept': 'Đã ghi nhận giữ lại hộ này; hộ sẽ được rà soát lại sau {months} tháng.',
	'privacy.irreversible': 'Không thể hoàn tác.',
	'privacy.household.erases':
		'Xóa: địa chỉ, vị trí, tên và số điện thoại chủ hộ, ghi chú các lượt thăm, thông tin hộ thuộc tuyến nào.',
	'privacy.household.keeps':
		'Giữ (ẩn danh, không liên kết được với hộ): xã, thời gian, kết quả và số người được hỗ trợ của từng lượt thăm, để số liệu công khai của xã không đổi.',
	'privacy.member.erases':
		'Xóa: họ tên, số điện thoại, tài khoản đăng nhập (email, số điện thoại, mật khẩu), các phiên đăng nhập và thiết bị; thu hồi lời mời chưa dùng.',
	'privacy.member.keeps':
		'Giữ (không tên): vai trò trong tổ, tình trạng học OneTouch, các lượt thăm đã ghi (không còn gắn với người ghi), để số liệu của tổ không đổi. Cho thành viên nghỉ riêng nếu họ rời tổ.',
	'privacy.erased': 'Đã xóa dữ liệu cá nhân',
	'privacy.review.title': 'Rà soát lưu giữ dữ liệu',
	'privacy.review.intro':
		'Hộ không được thăm (hoặc tạo, hoặc quyết định giữ lại) trong {months} tháng cần được rà soát: xóa dữ liệu cá nhân nếu không còn cần, hoặc giữ lại để thăm tiếp.',
	'privacy.review.count': '{shown} / {total} hộ cần rà soát',
	'privacy.review.none': 'Không có hộ nào cần rà soát.',
	'privacy.review.address': 'Địa chỉ',
	'privacy.review.hamlet': 'Thôn, tổ dân phố',
	'privacy.review.last': 'Lần cuối',
	'privacy.review.never': 'Chưa thăm (tạo {date})',
	'privacy.review.visited': 'Thăm {date}',
	'privacy.review.reviewed': 'Giữ lại {date}',
	'privacy.review.holds': 'Đang lưu',
	'privacy.review.hasName': 'tên',
	'privacy.review.hasPhone': 'số điện thoại',
	'privacy.review.hasPoint': 'vị trí',
	'privacy.review.actions': 'Xử lý',
	'privacy.rules.title': 'Xóa giữ lại gì, và lưu bao lâu',
	'privacy.rules.household': 'Hộ gia đình',
	'privacy.rules.member': 'Thành viên tổ',
	'privacy.rules.periods': 'Thời hạn lưu giữ',
	'privacy.rules.audit':
		'Nhật ký truy cập được lưu {years} năm, sau đó được xóa; mục nhật ký ghi ai, khi nào, lý do, không ghi dữ liệu đã xóa.',
	'privacy.rules.law':
		'Theo Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15 và Nghị định 356/2025/NĐ-CP.'
} as const;
