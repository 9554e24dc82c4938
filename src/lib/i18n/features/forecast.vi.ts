/** Vietnamese text of the burn-up chart and completion forecast (issue 17 §2); merged in ../vi.ts. */
export const forecastVi = {
	'forecast.title': 'Khi nào thăm hết các hộ?',
	'forecast.titleOf': 'Khi nào thăm hết các hộ? — {name}',
	'forecast.dates': 'Dự kiến xong: 50 % trước {p50}, 85 % trước {p85}',
	'forecast.datesNo85': 'Dự kiến xong: 50 % trước {p50}; chưa chắc xong trong 3 năm tới',
	'forecast.beyond':
		'Với nhịp hiện tại, chưa thể xong trong 3 năm tới: số hộ mới thêm gần bằng số hộ được thăm.',
	'forecast.basis':
		'Còn {remaining} hộ chưa thăm. Dựa trên {weeks} tuần gần nhất (trung bình {mean} hộ/tuần, {active} tuần có thăm), mô phỏng {trials} lần.',
	'forecast.growth': 'Có thể còn thêm {low}–{high} hộ mới trước khi xong.',
	'forecast.done': 'Đã thăm hết {scope} hộ.',
	'forecast.empty': 'Chưa có hộ nào trong danh sách.',
	'forecast.insufficient': 'Chưa đủ dữ liệu để dự báo.',
	'forecast.reason.few_active_weeks':
		'Cần ít nhất 5 tuần có thăm hộ trong 12 tuần gần nhất (hiện có {active}).',
	'forecast.reason.no_recent_progress': 'Không có hộ nào được thăm lần đầu trong 4 tuần gần nhất.',
	'forecast.note':
		'50 %: một nửa số lần mô phỏng xong trước ngày này; 85 %: gần như chắc chắn. Không tính hộ từ chối liên hệ chưa từng được thăm.',
	'forecast.chart.label':
		'Biểu đồ tích luỹ: số hộ đã biết và số hộ đã thăm ít nhất một lần, theo tuần, từ {from} đến {to}',
	'forecast.chart.scope': 'Hộ đã biết',
	'forecast.chart.done': 'Hộ đã thăm',
	'forecast.chart.p50': '50 %',
	'forecast.chart.p85': '85 %',
	'forecast.table': 'Bảng số liệu theo tuần',
	'forecast.table.week': 'Tuần (từ thứ Hai)',
	'forecast.table.hidden': 'ẩn (số nhỏ)',
	'forecast.publicNote':
		'Số hộ từ 1 đến 10 được ẩn để bảo vệ dữ liệu cá nhân. Dự báo tính từ số đếm, không chứa thông tin của hộ nào.'
} as const;
