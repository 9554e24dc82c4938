/**
 * The default service catalogue (docs/domain.md). The importer loads it into `services`; admins may
 * edit names later. Codes are stable and appear in metric names: adoption_<code>, helped_<code>.
 */
export interface ServiceDefinition {
	code: string;
	nameVi: string;
	nameEn: string;
	descriptionVi: string;
	descriptionEn: string;
}

export const DEFAULT_SERVICES = [
	{
		code: 'vneid',
		nameVi: 'VNeID',
		nameEn: 'VNeID',
		descriptionVi: 'Cài đặt và kích hoạt định danh điện tử mức 2',
		descriptionEn: 'Install and activate the national e-ID to level 2'
	},
	{
		code: 'vssid',
		nameVi: 'VssID',
		nameEn: 'VssID',
		descriptionVi: 'Cài đặt ứng dụng bảo hiểm xã hội số',
		descriptionEn: 'Install the social insurance app'
	},
	{
		code: 'citizen_app',
		nameVi: 'Ứng dụng công dân của tỉnh',
		nameEn: "Province's citizen app",
		descriptionVi: 'Cài đặt ứng dụng công dân số của tỉnh (ví dụ C‑Thái Nguyên)',
		descriptionEn: "Install the province's citizen app (e.g. C‑Thái Nguyên)"
	},
	{
		code: 'public_services',
		nameVi: 'Dịch vụ công trực tuyến',
		nameEn: 'Online public services',
		descriptionVi: 'Sử dụng Cổng dịch vụ công quốc gia',
		descriptionEn: 'Use the national public-services portal'
	},
	{
		code: 'payment',
		nameVi: 'Tài khoản thanh toán trực tuyến',
		nameEn: 'Online payment account',
		descriptionVi: 'Mở tài khoản ngân hàng số hoặc ví điện tử',
		descriptionEn: 'Open a bank app or e-wallet account'
	},
	{
		code: 'online_shopping',
		nameVi: 'Thanh toán hóa đơn, mua sắm trực tuyến',
		nameEn: 'Online bills and shopping',
		descriptionVi: 'Thanh toán hóa đơn và mua sắm trực tuyến',
		descriptionEn: 'Pay bills and shop online'
	},
	{
		code: 'scam_awareness',
		nameVi: 'Phòng chống lừa đảo trực tuyến',
		nameEn: 'Scam awareness',
		descriptionVi: 'Nhận biết lừa đảo trực tuyến, bảo vệ dữ liệu cá nhân',
		descriptionEn: 'Recognise online scams and protect personal data'
	}
] as const satisfies readonly ServiceDefinition[];

export type ServiceCode = (typeof DEFAULT_SERVICES)[number]['code'];
export const SERVICE_CODES = DEFAULT_SERVICES.map((s) => s.code) as readonly ServiceCode[];

/** Citizen-app names known from the source articles, by province code. */
export const KNOWN_CITIZEN_APPS: Readonly<Record<string, string>> = { '19': 'C‑Thái Nguyên' };
