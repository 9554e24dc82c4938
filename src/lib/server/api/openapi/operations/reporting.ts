/**
 * Reporting and time (issue 16): the monthly series, official statistics and reports — what
 * each route says about itself in the OpenAPI document (see public.ts for the convention).
 */
import { operation } from '../describe.ts';

/** routes/metrics-months.ts */
export const monthsOps = {
	getMonths: operation(
		'The months that have figures, and the current month',
		'Các tháng đã có số liệu và tháng hiện tại'
	),
	getSeriesByCode: operation(
		"One area's figure of a metric per month (24 months)",
		'Số liệu một chỉ số của một khu vực theo từng tháng (24 tháng)',
		{ errors: [404] }
	),
	postMonthsByMonthRecompute: operation(
		'Rebuild an ended month from the records (admins; audited)',
		'Tính lại một tháng đã qua từ dữ liệu gốc (quản trị viên; có ghi nhật ký)',
		{ auth: true }
	)
};

/** routes/official-stats.ts */
export const officialOps = {
	getTemplateCsv: operation(
		'The official statistics template (CSV, Vietnamese headers)',
		'Tệp mẫu số liệu chính thức (CSV, tiêu đề tiếng Việt)',
		{ auth: true, csv: 'response' }
	),
	postImport: operation(
		'Check, or with commit=1 import, official figures (all or nothing)',
		'Kiểm tra, hoặc với commit=1 nhập, số liệu chính thức (nhập tất cả hoặc không nhập gì)',
		{ auth: true, csv: 'request', errors: [413, 422] }
	),
	get: operation(
		'Official figures imported in your scope',
		'Số liệu chính thức đã nhập trong phạm vi của bạn',
		{ auth: true }
	)
};

/** routes/reports.ts and reports-actions.ts */
export const reportsOps = {
	get: operation(
		'Reports you may see (the public: approved ones)',
		'Các báo cáo bạn được xem (công chúng: báo cáo đã duyệt)'
	),
	getByAreaByPeriod: operation(
		"An area's report for a month or quarter, with your possible actions",
		'Báo cáo của một khu vực theo tháng hoặc quý, kèm các thao tác bạn được làm',
		{ errors: [404] }
	),
	getFile: operation(
		"A report version's CSV or XLSX (public once approved)",
		'Tệp CSV hoặc XLSX của một phiên bản báo cáo (công khai khi đã duyệt)',
		{ errors: [404], media: 'application/octet-stream' }
	),
	getById: operation('One report version', 'Một phiên bản báo cáo', { errors: [404] }),
	postSubmit: operation(
		'Submit the report of an ended period (its figures are frozen)',
		'Gửi báo cáo của một kỳ đã kết thúc (số liệu được chốt)',
		{ auth: true, errors: [404, 409] }
	),
	postApprove: operation('Approve a submitted report', 'Duyệt một báo cáo đã gửi', {
		auth: true,
		errors: [404, 409]
	}),
	postReturn: operation(
		'Return a submitted report with a comment',
		'Trả lại một báo cáo đã gửi, kèm nhận xét',
		{ auth: true, errors: [404, 409] }
	),
	postCorrect: operation(
		'Start a correction of an approved report (a new version, with its reason)',
		'Sửa một báo cáo đã duyệt (phiên bản mới, ghi lý do)',
		{ auth: true, errors: [404, 409] }
	)
};
