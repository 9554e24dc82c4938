/** How a report figure reads: the map's formatting, or why it is not shown. */
import type { ReportFigure } from '$lib/domain/report-content';
import { metricDefinition } from '$lib/domain/metric-definitions';
import { formatFigure } from '$lib/map/legend';
import type { Translate } from '$lib/i18n';

/** "45,7 %", "ẩn (số nhỏ)", "chưa có dữ liệu" (with "ước tính" for an estimate). */
export function figureText(f: ReportFigure, t: Translate): string {
	if (f.status === 'suppressed') return t('report.suppressed');
	if (f.status === 'no_data' || f.value === null) return t('report.noData');
	const kind = metricDefinition(f.key)?.kind ?? 'count';
	const text = formatFigure(kind, f.value);
	return f.estimate ? `${text} (${t('report.estimate')})` : text;
}

/** The keys a compact table shows: coverage and people helped per service. */
export function compactKeys(keys: readonly string[]): string[] {
	return keys.filter((k) => {
		const g = metricDefinition(k)?.group;
		return g === 'coverage' || g === 'helped';
	});
}
