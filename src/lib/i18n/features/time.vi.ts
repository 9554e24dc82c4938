/** Vietnamese text for months, trends and "change since" (issue 16 §3); merged in ../vi.ts. */
export const timeVi = {
	'trend.caption': '{label} theo tháng',
	'trend.legend':
		'Mỗi cột hoặc điểm là một tháng; tháng đang diễn ra nhạt hơn. “•” là tháng bị ẩn vì số quá nhỏ, “–” là tháng chưa có dữ liệu.',
	'trend.nothingShown': 'Chưa có tháng nào đủ số liệu để hiện.',
	'trend.table': 'Xem bảng số liệu',
	'trend.month': 'Tháng',
	'trend.open': 'đang diễn ra',
	'trend.estimate': 'ước tính',
	'month.label': 'Tháng',
	'month.last12': '12 tháng gần nhất',
	'month.since': 'So với',
	'month.sinceNone': 'Không so sánh',
	'month.change': 'Thay đổi từ tháng {from} đến tháng {to}'
};
