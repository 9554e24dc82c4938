/** Vietnamese text of the metric exports (issue 16 §7). */
export const exportVi = {
	'export.title': 'Tải về số liệu',
	'export.hint': 'Chỉ tiêu đang xem, {area}, {period}; số nhỏ đã được ẩn.',
	'export.national': 'các tỉnh và cả nước',
	'export.province': 'các xã của tỉnh',
	'export.last12': '12 tháng qua',
	'export.month': 'tháng {month}',
	'export.change': 'thay đổi từ tháng {since} đến tháng {month}',
	'export.csv': 'CSV',
	'export.xlsx': 'Excel (XLSX)',
	'export.geojson': 'Bản đồ (GeoJSON)',
	'api.error.outlines_unavailable':
		'Chưa có ranh giới các xã để xuất bản đồ (GeoJSON). Các tệp CSV và Excel vẫn tải được.'
};
