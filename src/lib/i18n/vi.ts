/** Vietnamese UI text: the first language. English keys must mirror these. */
export const vi = {
	'app.name': 'Từng Ngõ',
	'app.tagline': 'Đi từng ngõ, gõ từng nhà — bản đồ của Tổ công nghệ số cộng đồng',
	'nav.map': 'Bản đồ',
	'nav.provinces': 'Tỉnh, thành phố',
	'nav.about': 'Giới thiệu',
	'nav.skip': 'Bỏ qua, đến nội dung chính',
	'lang.switch': 'English',
	'lang.label': 'Ngôn ngữ',
	'demo.badge': 'Dữ liệu mẫu',
	'demo.explain':
		'Đội, thành viên, hộ gia đình và lượt thăm trên trang này là dữ liệu mẫu tổng hợp, dùng để trình diễn.',
	'home.title': 'Bản đồ độ phủ Tổ công nghệ số cộng đồng',
	'home.provinces': '{count} tỉnh, thành phố · {communes} xã, phường, đặc khu',
	'province.communes': 'Danh sách xã, phường, đặc khu',
	'province.code': 'Mã tỉnh',
	'commune.code': 'Mã xã',
	'commune.province': 'Thuộc',
	'commune.area': 'Diện tích',
	'commune.population': 'Dân số (ước tính)',
	'commune.population.unusable': 'Chưa có số liệu dân số dùng được',
	'unit.km2': 'km²',
	'offline.notice': 'Đang ngoại tuyến — dữ liệu từ {time}',
	'offline.noticeUnknown': 'Đang ngoại tuyến — đang hiển thị dữ liệu đã lưu',
	'update.available': 'Đã có phiên bản mới.',
	'update.reload': 'Tải lại',
	'error.title': 'Đã có lỗi',
	'error.notFound': 'Không tìm thấy trang này.',
	'error.back': 'Về bản đồ',
	'footer.attribution':
		'Ranh giới hành chính: Bản đồ ĐVHC sau sắp xếp (sapnhap.bando.com.vn, NXB TN-MT & Bản đồ Việt Nam), qua dự án vietnamese-provinces-database (MIT)',
	'footer.population': 'Dân số: số liệu không chính thức từ cổng sáp nhập, chỉ dùng làm ước tính.'
} as const;

export type Messages = { [K in keyof typeof vi]: string };
