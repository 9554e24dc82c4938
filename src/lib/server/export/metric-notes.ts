/**
 * The "Ghi chú" (notes) sheet of a metric export: what each column means, the status values,
 * the suppression rule, the period and the source — in Vietnamese, or English with `lang=en`.
 */
import type { MetricDefinition } from '../../domain/metric-definitions.ts';
import { formatDate } from '../../i18n/index.ts';

/** What one export is of. */
export interface ExportContext {
	def: MetricDefinition;
	/** "VN", a province or a commune code, and its name. */
	area: string;
	areaName: string;
	/** "YYYY-MM", or null for the last 12 months (the map's default). */
	month: string | null;
	/** "YYYY-MM": the figures are the change from this month to `month` (absent: none). */
	since?: string | null;
	/** The period of the figures as Vietnam dates. */
	period: { start: string; end: string };
}

type Lang = 'vi' | 'en';

export const NOTES_TITLE: Record<Lang, string> = { vi: 'Ghi chú', en: 'Notes' };

const day = (d: string) => formatDate(`${d}T12:00:00+07:00`);

function periodText(ctx: ExportContext, lang: Lang): string {
	const range = `${day(ctx.period.start)} – ${day(ctx.period.end)}`;
	if (ctx.since && ctx.month)
		return lang === 'vi'
			? `Thay đổi từ tháng ${ctx.since} đến tháng ${ctx.month}: Giá trị là số liệu tháng ${ctx.month} trừ số liệu tháng ${ctx.since}; dòng bị ẩn nếu một trong hai tháng bị ẩn, chưa có dữ liệu nếu một trong hai tháng chưa có; không có tử số, mẫu số`
			: `Change from ${ctx.since} to ${ctx.month}: Value is the ${ctx.month} figure less the ${ctx.since} figure; a row is suppressed when either month's figure is hidden, no data when either has none; no numerator or denominator`;
	if (ctx.month)
		return lang === 'vi' ? `Tháng ${ctx.month} (${range})` : `Month ${ctx.month} (${range})`;
	if (ctx.def.period === 'snapshot') {
		return lang === 'vi'
			? `Tình hình tại ngày ${day(ctx.period.end)} (lần tính số liệu gần nhất)`
			: `As at ${day(ctx.period.end)} (the latest computation)`;
	}
	if (ctx.def.period === 'latest_month') {
		return lang === 'vi'
			? `Tháng gần nhất có số liệu của mỗi xã (${range})`
			: `Each commune's latest month with a figure (${range})`;
	}
	return lang === 'vi' ? `12 tháng qua (${range})` : `The last 12 months (${range})`;
}

const SUPPRESSION: Record<Lang, string> = {
	vi: 'Số liệu công khai chỉ là số tổng hợp. Số đếm từ 1 đến 10 người hoặc hộ, và tỷ lệ tính từ chúng, được ẩn (trạng thái suppressed), cùng với những số khác cho phép suy ra chúng (ví dụ một xã khác trong cùng tỉnh). Dòng bị ẩn không có giá trị, tử số hay mẫu số ở bất kỳ cột nào. Số tổ công nghệ số và tỷ lệ thôn có tổ không bị ẩn: đó là tổ chức và địa bàn, không phải người.',
	en: 'Public figures are aggregates only. Counts of 1 to 10 people or households, and rates computed from them, are hidden (status suppressed), along with figures that would let them be worked out (for example another commune of the same province). A hidden row has no value, numerator or denominator in any column. Team counts and hamlet coverage are not hidden: they count organisations and places, not people.'
};

const STATUS: Record<Lang, string> = {
	vi: 'ok: có số liệu · estimate: có số liệu, là số ước tính (dựa trên dân số không chính thức, hoặc số chính thức phân bổ từ xã cũ) · suppressed: ẩn vì số quá nhỏ · no_data: chưa có dữ liệu (không bao giờ là 0)',
	en: 'ok: a figure · estimate: a figure that is an estimate (built on unofficial population, or an official figure apportioned from old communes) · suppressed: hidden because the count is small · no_data: no data yet (never 0)'
};

const COLUMNS: Record<Lang, [string, string][]> = {
	vi: [
		['Cấp', 'country (cả nước), province (tỉnh, thành phố) hoặc commune (xã, phường, đặc khu)'],
		['Mã', 'Mã đơn vị hành chính chính thức (2 chữ số cho tỉnh, 5 chữ số cho xã); VN là cả nước'],
		[
			'Giá trị',
			'Số liệu như trên bản đồ: tỷ lệ từ 0 đến 1 (định dạng %), số trên 1.000 dân, hoặc số đếm'
		],
		['Giá trị hiển thị', 'Giá trị viết như bản đồ hiển thị (định dạng số Việt Nam)'],
		['Tử số, Mẫu số', 'Các số dùng để tính tỷ lệ; mẫu số trống với số đếm'],
		['Cơ sở', 'Số tỉnh hoặc cả nước dựa trên bao nhiêu xã có số liệu'],
		['Nguồn', 'Nguồn của số liệu chính thức (chỉ tiêu official_*)']
	],
	en: [
		['Level', 'country, province or commune (xã, phường, đặc khu)'],
		[
			'Code',
			'Official administrative code (2 digits for a province, 5 for a commune); VN is the country'
		],
		[
			'Value',
			'The figure as on the map: a proportion from 0 to 1 (formatted as %), a number per 1,000 residents, or a count'
		],
		['Value as shown', 'The value written as the map shows it (Vietnamese number format)'],
		['Numerator, Denominator', 'The numbers a rate is computed from; no denominator for a count'],
		['Basis', 'How many communes with data a province or country figure stands on'],
		['Source', 'The source of an official figure (official_* metrics)']
	]
};

/** The notes as [topic, text] rows, a header row first. */
export function exportNotes(ctx: ExportContext, lang: Lang): [string, string][] {
	const vi = lang === 'vi';
	return [
		vi ? ['Mục', 'Giải thích'] : ['Topic', 'Explanation'],
		[vi ? 'Chỉ tiêu' : 'Metric', `${ctx.def.label[lang]} (${ctx.def.key})`],
		[vi ? 'Mẫu số' : 'Denominator', ctx.def.denominatorLabel[lang]],
		[vi ? 'Địa bàn' : 'Area', `${ctx.areaName} (${ctx.area})`],
		[vi ? 'Thời kỳ' : 'Period', periodText(ctx, lang)],
		[vi ? 'Trạng thái' : 'Status', STATUS[lang]],
		[vi ? 'Quy tắc ẩn số nhỏ' : 'Small-count rule', SUPPRESSION[lang]],
		...COLUMNS[lang],
		[
			vi ? 'Nguồn dữ liệu' : 'Data source',
			ctx.def.group === 'official'
				? vi
					? 'Số liệu chính thức do cơ quan nhà nước công bố, nhập vào Từng Ngõ; nguồn ghi ở từng dòng'
					: 'Official figures published by the authorities, imported into Từng Ngõ; each row names its source'
				: vi
					? 'Từ Từng Ngõ: hồ sơ của các Tổ công nghệ số cộng đồng (tổ, thành viên, thôn, hộ, lượt thăm)'
					: "From Từng Ngõ: the community digital-technology teams' records (teams, members, hamlets, households, visits)"
		]
	];
}
