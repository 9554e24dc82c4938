/** The forecast in one sentence with vi-VN dates, shared by the panel and the teams' list. */
import { formatDate, formatNumber, type Translate } from '$lib/i18n';
import type { Forecast } from '$lib/domain/forecast';

/** "Dự kiến xong: 50 % trước 12/03/2027, 85 % trước 09/04/2027", or why there are no dates. */
export function forecastSummary(t: Translate, f: Forecast): string {
	if (f.status === 'empty') return t('forecast.empty');
	if (f.status === 'done') return t('forecast.done', { scope: formatNumber(f.scope) });
	if (f.status === 'insufficient') return t('forecast.insufficient');
	if (f.p50 === null) return t('forecast.beyond');
	if (f.p85 === null) return t('forecast.datesNo85', { p50: formatDate(f.p50) });
	return t('forecast.dates', { p50: formatDate(f.p50), p85: formatDate(f.p85) });
}
