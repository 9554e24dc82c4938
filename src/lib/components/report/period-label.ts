/** A report period in words: "Tháng 11/2026", "Quý 4 năm 2026". */
import { formatMonth, type Translate } from '$lib/i18n';

export function periodLabel(period: string, t: Translate): string {
	const q = /^(\d{4})-Q([1-4])$/.exec(period);
	if (q) return t('report.period.quarter', { quarter: q[2]!, year: q[1]! });
	return t('report.period.month', { month: formatMonth(period) });
}
