/**
 * The public metrics of docs/domain.md ("Metrics"): their keys, labels (Vietnamese first), what their
 * denominator is, which period they cover and whether small-count suppression applies.
 */
import { DEFAULT_SERVICES, type ServiceDefinition } from './services.ts';

export interface Label {
	vi: string;
	en: string;
}

/** count: a plain count; proportion: part ÷ whole (0–1); per_1000: numerator ÷ denominator × 1000. */
export type MetricKind = 'count' | 'proportion' | 'per_1000';
export type MetricGroup = 'coverage' | 'adoption' | 'helped' | 'official';

export interface MetricDefinition {
	key: string;
	group: MetricGroup;
	kind: MetricKind;
	/** Service code for adoption_* / helped_*; null for coverage metrics. */
	serviceCode: string | null;
	label: Label;
	/** What the figure is divided by (or that it is a count), shown with every figure. */
	denominatorLabel: Label;
	/**
	 * snapshot: state when the job ran; last_12_months: the job's 12-month period; latest_month:
	 * each commune's latest month with an imported official figure.
	 */
	period: 'snapshot' | 'last_12_months' | 'latest_month';
	/** Built on the unofficial population figures: always labelled as an estimate. */
	estimate: boolean;
	/**
	 * Whether the 1–10 small-count rule applies: to every figure built on people or households.
	 * `teams` and `hamlet_coverage` are exempt: they count organisations and places, and the
	 * public may see teams' names and counts (docs/domain.md, "Roles and scope"), from which both
	 * follow anyway; hiding them would protect nobody.
	 */
	smallCountRule: boolean;
}

/** Shown where a rate would name its denominator: a count has none, so it says what it is. */
const COUNT_DENOMINATOR: Label = {
	vi: 'Số đếm, không phải tỷ lệ',
	en: 'A count, not a rate'
};

export const COVERAGE_METRICS: readonly MetricDefinition[] = [
	{
		key: 'teams',
		group: 'coverage',
		kind: 'count',
		serviceCode: null,
		label: { vi: 'Tổ công nghệ số đang hoạt động', en: 'Active teams' },
		denominatorLabel: COUNT_DENOMINATOR,
		period: 'snapshot',
		estimate: false,
		smallCountRule: false
	},
	{
		key: 'members_per_1000',
		group: 'coverage',
		kind: 'per_1000',
		serviceCode: null,
		label: {
			vi: 'Thành viên tổ trên 1.000 dân (ước tính)',
			en: 'Team members per 1,000 residents (estimate)'
		},
		denominatorLabel: {
			vi: 'Dân số ước tính, không chính thức (chỉ các xã, phường có số liệu dùng được)',
			en: 'Unofficial population estimate (only communes with a usable figure)'
		},
		period: 'snapshot',
		estimate: true,
		smallCountRule: true
	},
	{
		key: 'hamlet_coverage',
		group: 'coverage',
		kind: 'proportion',
		serviceCode: null,
		label: {
			vi: 'Tỷ lệ thôn, tổ dân phố có tổ công nghệ số',
			en: 'Hamlets and residential groups with an active team'
		},
		denominatorLabel: {
			vi: 'Số thôn, xóm, bản, ấp, tổ dân phố đã nhập',
			en: 'Hamlets and residential groups entered'
		},
		period: 'snapshot',
		estimate: false,
		smallCountRule: false
	},
	{
		key: 'households_reached',
		group: 'coverage',
		kind: 'proportion',
		serviceCode: null,
		label: {
			vi: 'Tỷ lệ hộ đã gặp được trong 12 tháng qua',
			en: 'Households met in the last 12 months'
		},
		denominatorLabel: {
			vi: 'Số hộ đã biết (đã nhập); hộ được tính là đã gặp khi lần thăm gần nhất gặp được người',
			en: 'Known households (entered); a household counts when its latest visit met someone'
		},
		period: 'last_12_months',
		estimate: false,
		smallCountRule: true
	}
];

/**
 * "Ứng dụng công dân của tỉnh" → "ứng dụng công dân của tỉnh": a name that starts like a
 * sentence (a capitalised word, then a lower-case one). Brands and acronyms stay as written:
 * "VssID" (not "vssID"), "VNeID", "C‑Thái Nguyên", "Zalo Pay", "Momo".
 */
export function inSentence(name: string): string {
	return /^\p{Lu}\p{Ll}*\s\p{Ll}/u.test(name) ? name.charAt(0).toLowerCase() + name.slice(1) : name;
}

/**
 * How each default service reads in a metric's name: what an adult who has it does ("dùng
 * VNeID", "biết nhận diện lừa đảo trực tuyến"), and what a member helped someone to do. A
 * service's name is a noun ("Phòng chống lừa đảo trực tuyến"), which does not fit after "người
 * lớn dùng"; services added later fall back to "dùng <name>" / "hỗ trợ: <name>".
 */
const SERVICE_PHRASES: Readonly<Record<string, { uses: Label; helped: Label }>> = {
	vneid: {
		uses: { vi: 'dùng VNeID', en: 'using VNeID' },
		helped: { vi: 'được giúp cài đặt, kích hoạt VNeID', en: 'helped to set up VNeID' }
	},
	vssid: {
		uses: { vi: 'dùng VssID', en: 'using VssID' },
		helped: { vi: 'được giúp cài đặt VssID', en: 'helped to set up VssID' }
	},
	citizen_app: {
		uses: { vi: 'dùng ứng dụng công dân của tỉnh', en: "using the province's citizen app" },
		helped: {
			vi: 'được giúp cài đặt ứng dụng công dân của tỉnh',
			en: "helped to set up the province's citizen app"
		}
	},
	public_services: {
		uses: { vi: 'dùng dịch vụ công trực tuyến', en: 'using online public services' },
		helped: {
			vi: 'được hướng dẫn dùng dịch vụ công trực tuyến',
			en: 'shown how to use online public services'
		}
	},
	payment: {
		uses: { vi: 'có tài khoản thanh toán trực tuyến', en: 'with an online payment account' },
		helped: {
			vi: 'được giúp mở tài khoản thanh toán trực tuyến',
			en: 'helped to open an online payment account'
		}
	},
	online_shopping: {
		uses: { vi: 'thanh toán hoá đơn, mua sắm trực tuyến', en: 'paying bills or shopping online' },
		helped: {
			vi: 'được hướng dẫn thanh toán hoá đơn, mua sắm trực tuyến',
			en: 'shown how to pay bills and shop online'
		}
	},
	scam_awareness: {
		uses: { vi: 'biết nhận diện lừa đảo trực tuyến', en: 'who can recognise online scams' },
		helped: {
			vi: 'được hướng dẫn phòng chống lừa đảo trực tuyến',
			en: 'shown how to recognise online scams'
		}
	}
};

/** The adoption and helped labels of a service. */
function serviceLabels(s: ServiceDefinition): { adoption: Label; helped: Label } {
	const p = SERVICE_PHRASES[s.code];
	return {
		adoption: {
			vi: `Tỷ lệ người lớn ${p?.uses.vi ?? `dùng ${inSentence(s.nameVi)}`}`,
			en: `Adults ${p?.uses.en ?? `using ${inSentence(s.nameEn)}`}`
		},
		helped: {
			vi: `Số người ${p?.helped.vi ?? `được hỗ trợ: ${inSentence(s.nameVi)}`}`,
			en: `People ${p?.helped.en ?? `helped: ${inSentence(s.nameEn)}`}`
		}
	};
}

/** adoption_<code> and helped_<code> for one service. */
export function serviceMetrics(s: ServiceDefinition): MetricDefinition[] {
	const labels = serviceLabels(s);
	return [
		{
			key: `adoption_${s.code}`,
			group: 'adoption',
			kind: 'proportion',
			serviceCode: s.code,
			label: labels.adoption,
			denominatorLabel: {
				vi: 'Tổng số người lớn của các hộ đã gặp trong 12 tháng qua, theo lần gặp gần nhất có hỏi về dịch vụ này',
				en: 'All adults of households met in the last 12 months, as at the latest visit that asked about this service'
			},
			period: 'last_12_months',
			estimate: false,
			smallCountRule: true
		},
		{
			key: `helped_${s.code}`,
			group: 'helped',
			kind: 'count',
			serviceCode: s.code,
			label: labels.helped,
			denominatorLabel: COUNT_DENOMINATOR,
			period: 'last_12_months',
			estimate: false,
			smallCountRule: true
		}
	];
}

/**
 * official_<code>: the official figure of a service imported from CSV (domain/official-stats.ts),
 * labelled "số liệu chính thức"; each figure states its month and source.
 */
export function officialMetric(s: ServiceDefinition): MetricDefinition {
	return {
		key: `official_${s.code}`,
		group: 'official',
		kind: 'count',
		serviceCode: s.code,
		label: {
			vi: `Số liệu chính thức: ${inSentence(s.nameVi)}`,
			en: `Official figure: ${inSentence(s.nameEn)}`
		},
		denominatorLabel: {
			vi: 'Số liệu chính thức do cơ quan nhà nước công bố, tháng gần nhất có số liệu của mỗi xã; tỉnh và cả nước là tổng các xã có số liệu',
			en: "Official figure published by the authorities, each commune's latest month; provinces and the country sum the communes that have one"
		},
		period: 'latest_month',
		estimate: false,
		smallCountRule: true
	};
}

/** The official metrics, one per service of the catalogue. */
export const OFFICIAL_METRICS: readonly MetricDefinition[] = DEFAULT_SERVICES.map(officialMetric);

/** Every public metric: coverage, adoption and helped per service, then the official figures. */
export const METRIC_DEFINITIONS: readonly MetricDefinition[] = [
	...COVERAGE_METRICS,
	...DEFAULT_SERVICES.flatMap((s) => serviceMetrics(s).filter((d) => d.group === 'adoption')),
	...DEFAULT_SERVICES.flatMap((s) => serviceMetrics(s).filter((d) => d.group === 'helped')),
	...OFFICIAL_METRICS
];

/**
 * The keys of the metrics computed from the teams' own records (the metrics job's counts), in
 * display order: teams … adoption_vneid … helped_vneid … The official ones are OFFICIAL_METRIC_KEYS.
 */
export const METRIC_KEYS: readonly string[] = METRIC_DEFINITIONS.filter(
	(d) => d.group !== 'official'
).map((d) => d.key);

/** official_vneid … : figures imported from the authorities, read from official_stats. */
export const OFFICIAL_METRIC_KEYS: readonly string[] = OFFICIAL_METRICS.map((d) => d.key);

const BY_KEY = new Map(METRIC_DEFINITIONS.map((d) => [d.key, d]));

/** The definition of a metric key, or undefined for an unknown key. */
export function metricDefinition(key: string): MetricDefinition | undefined {
	return BY_KEY.get(key);
}
