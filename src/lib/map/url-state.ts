/**
 * The map's state in the URL, so a link reproduces what one sees: the metric, the view (the
 * whole country or one province), the selected commune and the period — the last 12 months by
 * default, or one month, or the change since an earlier month. Pure; unknown values fall back.
 *   /?metric=adoption_vneid&province=19&commune=05569&month=2026-10&since=2026-04
 */
import { metricDefinition } from '../domain/metric-definitions.ts';
import { isCommuneCode, isProvinceCode } from '../domain/codes.ts';
import { isMonth } from '../domain/metric-months.ts';

export interface MapUrlState {
	metric: string;
	/** Province view (2-digit code), or null for the national view. */
	province: string | null;
	/** Selected commune (5-digit code), or null. */
	commune: string | null;
	/** One month "YYYY-MM"; null (or absent): the last 12 months. */
	month?: string | null;
	/** With a month: the change since this earlier month; null (or absent): none. */
	since?: string | null;
}

/** The metric a first visit shows: active teams, the coverage everyone has a figure for. */
export const DEFAULT_METRIC = 'teams';

/** Reads the state from a URL's query; invalid parts fall back to their defaults. */
export function parseMapUrl(params: URLSearchParams): MapUrlState {
	const metric = params.get('metric') ?? '';
	const province = params.get('province') ?? '';
	const commune = params.get('commune') ?? '';
	const month = params.get('month') ?? '';
	const since = params.get('since') ?? '';
	const monthOk = isMonth(month);
	return {
		metric: metricDefinition(metric) ? metric : DEFAULT_METRIC,
		province: isProvinceCode(province) ? province : null,
		commune: isCommuneCode(commune) ? commune : null,
		month: monthOk ? month : null,
		// "YYYY-MM" strings order as months do.
		since: monthOk && isMonth(since) && since < month ? since : null
	};
}

/** The query string for a state ('' for the defaults), defaults left out to keep links short. */
export function mapUrlSearch(state: MapUrlState): string {
	const params = new URLSearchParams();
	if (state.metric !== DEFAULT_METRIC) params.set('metric', state.metric);
	if (state.province) params.set('province', state.province);
	if (state.commune) params.set('commune', state.commune);
	if (state.month) params.set('month', state.month);
	if (state.month && state.since) params.set('since', state.since);
	const s = params.toString();
	return s ? `?${s}` : '';
}
