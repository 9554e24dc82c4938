/** Official statistics (issue 16 §2): the import page and the map's group; merged in ../vi.ts. */
export const officialVi = {
	'map.legend.source': 'Số liệu chính thức. Nguồn: {sources}',
	'official.none': 'Số liệu chính thức: chưa có cho khu vực này.',
	'map.group.official': 'Số liệu chính thức',
	'map.legend.official': 'Số liệu chính thức, tháng gần nhất của mỗi xã',
	'nav.official': 'Số liệu chính thức',
	'audit.action.official_stats.import': 'Nhập số liệu chính thức',
	'official.title': 'Số liệu chính thức',
	'official.intro':
		'Nhập số liệu do cơ quan nhà nước công bố (ví dụ số tài khoản VNeID đã kích hoạt, số lượt cài VssID) theo xã, tháng và dịch vụ. Mỗi dòng ghi mã xã mới (5 chữ số, từ 01/7/2025) hoặc mã xã cũ trước 2025; mã xã cũ được chuyển sang xã mới theo bảng chuyển đổi.',
	'official.rule':
		'Xã cũ nằm trọn trong một xã mới: giữ nguyên số liệu. Xã cũ bị chia cho nhiều xã mới: chia theo dân số của các xã mới nhận và ghi là ước tính; nếu một xã mới nhận không có dân số dùng được thì dòng bị từ chối vì không so sánh được. Nhiều xã cũ vào cùng một xã mới: cộng lại, và tệp phải có đủ các xã cũ đó.',
	'official.scopeProvince': 'Bạn nhập số liệu cho các xã thuộc tỉnh của mình.',
	'official.scopeAll': 'Bạn nhập được số liệu cho mọi tỉnh.',
	'official.template': 'Tải tệp mẫu (CSV, mở được bằng Excel)',
	'official.file': 'Tệp CSV',
	'official.check': 'Kiểm tra tệp',
	'official.commit': 'Nhập {count} số liệu',
	'official.checked':
		'Tệp hợp lệ: {rows} dòng cho {records} số liệu ({inserted} mới, {updated} cập nhật, {estimates} ước tính). Chưa ghi gì.',
	'official.imported':
		'Đã nhập {records} số liệu: {inserted} mới, {updated} cập nhật, {estimates} ước tính.',
	'official.refused': 'Tệp có {count} lỗi, chưa nhập gì. Sửa các dòng dưới đây rồi thử lại:',
	'official.error.line': 'Dòng',
	'official.error.field': 'Cột',
	'official.error.message': 'Lỗi',
	'official.failed': 'Không gửi được tệp. Thử lại sau.',
	'official.list': 'Số liệu đã nhập',
	'official.list.none': 'Chưa có số liệu nào.',
	'official.col.commune': 'Xã',
	'official.col.month': 'Tháng',
	'official.col.service': 'Dịch vụ',
	'official.col.value': 'Số liệu',
	'official.col.source': 'Nguồn',
	'official.col.from': 'Từ xã cũ',
	'official.estimate': 'ước tính'
} as const;
