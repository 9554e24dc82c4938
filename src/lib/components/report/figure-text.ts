/** How a report figure reads: the map's formatting, or why it is not shown. */
import type { ReportFigure } from '$lib/domain/report-content';
import { metricDefinition } from '$lib/domain/metric-definitions';
import { formatFigure } from '$lib/map/legend';
import { formatMonth, type Translate } from '$lib/i18n';

/** "45,7 %", "ẩn (số nhỏ)", "chưa có dữ liệu" (with "ước tính" for an estimate). */
export function figureText(f: ReportFigure, t: Translate): string {
	if (f.status === 'suppressed') return t('report.suppressed');
	if (f.status === 'no_data' || f.value === null) return t('report.noData');
	const kind = metricDefinition(f.key)?.kind ?? 'count';
	const text = formatFigure(kind, f.value);
	return f.estimate ? `${text} (${t('report.estimate')})` : text;
}

/** The keys a compact table shows: coverage, people helped and official figures per service. */
export function compactKeys(keys: readonly string[]): string[] {
	return keys.filter((k) => {
		const g = metricDefinition(k)?.group;
		return g === 'coverage' || g === 'helped' || g === 'official';
	});
}

/**
 * What stands behind a figure: the denominator's description, or an official figure's source
 * and month(s); a province's figure adds how many communes it stands on.
 */
export function figureNote(f: ReportFigure, denominatorLabel: string, t: Translate): string {
	const parts: string[] = [];
	if (f.official) {
		if (f.official.source) parts.push(t('report.source', { source: f.official.source }));
		const m = f.official.months;
		if (m) {
			const months =
				m.first === m.last
					? formatMonth(m.first)
					: `${formatMonth(m.first)}–${formatMonth(m.last)}`;
			parts.push(t('report.officialMonths', { months }));
		}
	} else parts.push(denominatorLabel);
	if (f.basis && f.basis.withData > 0)
		parts.push(t('report.basis', { withData: f.basis.withData, communes: f.basis.communes }));
	return parts.join(' · ');
}
